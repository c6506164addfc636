/** German labels of the AdV/CityGML roof type codes (bldg:roofType). */
export const ROOF_TYPE_LABELS: Record<string, string> = {
  '1000': 'Flachdach',
  '2100': 'Pultdach',
  '2200': 'Versetztes Pultdach',
  '3100': 'Satteldach',
  '3200': 'Walmdach',
  '3300': 'Krüppelwalmdach',
  '3400': 'Mansardendach',
  '3500': 'Zeltdach',
  '3600': 'Kegeldach',
  '3700': 'Kuppeldach',
  '3800': 'Sheddach',
  '3900': 'Bogendach',
  '4000': 'Turmdach',
  '5000': 'Mischform',
  '9999': 'Sonstiges',
};

// ALKIS Gebäudefunktion (31001_xxxx) and Bauwerksfunktion (51xxx_xxxx) codes as used in
// AdV LoD2 data; the most frequent ones, with a group label as fallback.
const FUNCTION_LABELS: Record<string, string> = {
  '31001_1000': 'Wohngebäude',
  '31001_1010': 'Wohnhaus',
  '31001_1020': 'Wohnheim',
  '31001_1100': 'Gemischt genutztes Gebäude mit Wohnen',
  '31001_1120': 'Wohn- und Geschäftsgebäude',
  '31001_1210': 'Land- und forstwirtschaftliches Wohngebäude',
  '31001_1220': 'Land- und forstwirtschaftliches Wohn- und Betriebsgebäude',
  '31001_1310': 'Gebäude zur Freizeitgestaltung',
  '31001_1312': 'Gartenhaus',
  '31001_1313': 'Gartenhaus',
  '31001_2000': 'Gebäude für Wirtschaft oder Gewerbe',
  '31001_2010': 'Gebäude für Handel und Dienstleistungen',
  '31001_2020': 'Bürogebäude',
  '31001_2050': 'Geschäftsgebäude',
  '31001_2090': 'Gaststätte, Restaurant',
  '31001_2100': 'Gebäude für Gewerbe und Industrie',
  '31001_2140': 'Werkstatt',
  '31001_2460': 'Parkhaus',
  '31001_2463': 'Garage',
  '31001_2520': 'Gebäude zur Versorgung',
  '31001_2540': 'Umformer',
  '31001_2700': 'Gebäude für Land- und Forstwirtschaft',
  '31001_2720': 'Land- und forstwirtschaftliches Betriebsgebäude',
  '31001_2721': 'Scheune',
  '31001_2723': 'Schuppen',
  '31001_2724': 'Stall',
  '31001_2726': 'Scheune und Stall',
  '31001_2741': 'Silo',
  '31001_3000': 'Gebäude für öffentliche Zwecke',
  '31001_3020': 'Gebäude für Bildung und Forschung',
  '31001_3021': 'Allgemein bildende Schule',
  '31001_3040': 'Gebäude für religiöse Zwecke',
  '31001_3041': 'Kirche',
  '31001_3070': 'Gebäude für Sicherheit und Ordnung',
  '31001_3200': 'Gebäude für Erholungszwecke',
  '51002_1260': 'Mast',
  '51003_1201': 'Silo',
  '51009_1610': 'Überdachung',
  '51009_1611': 'Carport',
  '51009_1700': 'Mauer',
};

const FUNCTION_GROUPS: [string, string][] = [
  ['31001_1', 'Wohnen'],
  ['31001_2', 'Wirtschaft, Gewerbe'],
  ['31001_3', 'Öffentliche Zwecke'],
  ['31001_9', 'Sonstiges Gebäude'],
  ['51', 'Bauwerk'],
];

/**
 * Readable (German) label of a building function code, if known.
 *
 * @example functionLabel('31001_1010') // 'Wohnhaus'
 */
export function functionLabel(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (FUNCTION_LABELS[code]) return FUNCTION_LABELS[code];
  for (const [prefix, label] of FUNCTION_GROUPS) if (code.startsWith(prefix)) return label;
  return undefined;
}

/** Readable (German) label of a roof type code, if known. @example roofTypeLabel('3100') // 'Satteldach' */
export function roofTypeLabel(code: string | undefined): string | undefined {
  return code ? ROOF_TYPE_LABELS[code] : undefined;
}
