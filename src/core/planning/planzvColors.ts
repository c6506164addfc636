import type { LocalizedText } from '../model/Catalog';

/** One PlanZV land-use class with its map colour (RGB hex, as in printed plans). */
export interface PlanzvClass {
  key: string;
  label: LocalizedText;
  color: string;
}

/**
 * Colours of the Planzeichenverordnung (PlanZV 1990, Anlage, Nr. 1–13) as
 * used on printed Bebauungspläne: residential reds, mixed browns/oranges,
 * industrial greys, green spaces greens, traffic ochre, water blue. Keys are
 * the `landUse` values the converter writes (see PlanningProperties).
 */
export const PLANZV_CLASSES: readonly PlanzvClass[] = [
  { key: 'WS', label: { de: 'Kleinsiedlungsgebiet', en: 'Small-settlement area' }, color: '#f6c1bd' },
  { key: 'WR', label: { de: 'Reines Wohngebiet', en: 'Purely residential area' }, color: '#d9534f' },
  { key: 'WA', label: { de: 'Allgemeines Wohngebiet', en: 'General residential area' }, color: '#ea7f7f' },
  { key: 'WB', label: { de: 'Besonderes Wohngebiet', en: 'Special residential area' }, color: '#f0a8a8' },
  { key: 'MD', label: { de: 'Dorfgebiet', en: 'Village area' }, color: '#d2b48c' },
  { key: 'MDW', label: { de: 'Dörfliches Wohngebiet', en: 'Village residential area' }, color: '#dcc09c' },
  { key: 'MI', label: { de: 'Mischgebiet', en: 'Mixed area' }, color: '#e0a15a' },
  { key: 'MU', label: { de: 'Urbanes Gebiet', en: 'Urban area' }, color: '#d98a4a' },
  { key: 'MK', label: { de: 'Kerngebiet', en: 'Core area' }, color: '#b8733d' },
  { key: 'GE', label: { de: 'Gewerbegebiet', en: 'Commercial area' }, color: '#a7a7a7' },
  { key: 'GI', label: { de: 'Industriegebiet', en: 'Industrial area' }, color: '#7d7d7d' },
  { key: 'SO', label: { de: 'Sondergebiet', en: 'Special-use area' }, color: '#f2b44b' },
  { key: 'GEMEINBEDARF', label: { de: 'Gemeinbedarf', en: 'Community facilities' }, color: '#e79ac8' },
  { key: 'VERSORGUNG', label: { de: 'Versorgungsanlagen', en: 'Utilities' }, color: '#f2d49b' },
  { key: 'VERKEHR', label: { de: 'Verkehrsfläche', en: 'Traffic area' }, color: '#e8c766' },
  { key: 'GRUEN', label: { de: 'Grünfläche', en: 'Green space' }, color: '#8fcb6b' },
  { key: 'LANDWIRTSCHAFT', label: { de: 'Landwirtschaft', en: 'Agriculture' }, color: '#d4e6a5' },
  { key: 'WALD', label: { de: 'Wald', en: 'Forest' }, color: '#3e8e41' },
  { key: 'WASSER', label: { de: 'Wasserfläche', en: 'Water' }, color: '#7fb5e6' },
  // Bauflächen (PlanZV Nr. 1.1–1.4): plans that give only the allgemeine Art der baulichen Nutzung.
  { key: 'W', label: { de: 'Wohnbaufläche', en: 'Residential building land' }, color: '#e58f8a' },
  { key: 'M', label: { de: 'Gemischte Baufläche', en: 'Mixed building land' }, color: '#dc9c5e' },
  { key: 'G', label: { de: 'Gewerbliche Baufläche', en: 'Commercial building land' }, color: '#959595' },
  { key: 'S', label: { de: 'Sonderbaufläche', en: 'Special building land' }, color: '#f0b95c' },
];

/** Colour for land uses that are missing or not in the table. */
export const PLANZV_UNKNOWN: PlanzvClass = { key: 'UNKNOWN', label: { de: 'Sonstige / unbekannt', en: 'Other / unknown' }, color: '#b9b9c6' };

const byKey = new Map(PLANZV_CLASSES.map((c) => [c.key, c]));

/**
 * The PlanZV class of a `landUse` value (case-insensitive; `Grün`/`Gruen`,
 * `Gemeinbedarf` spelled out are accepted).
 *
 * @example planzvClass('wa').color // '#ea7f7f'
 */
export function planzvClass(landUse: string | undefined | null): PlanzvClass {
  if (!landUse) return PLANZV_UNKNOWN;
  const k = landUse.trim().toUpperCase().replace('Ü', 'UE').replace('Ä', 'AE').replace('Ö', 'OE');
  return byKey.get(k) ?? PLANZV_UNKNOWN;
}
