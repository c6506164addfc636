import type { LocalizedText } from '../model/Catalog';

/** How buildings are coloured in the viewer. */
export type BuildingStyleKind = 'default' | 'height' | 'function' | 'roofType';

export const BUILDING_STYLE_KINDS: readonly BuildingStyleKind[] = ['default', 'height', 'function', 'roofType'];

/** One legend class; `match` tells the renderer which features get the colour. */
export interface BuildingStyleClass {
  label: LocalizedText;
  color: string;
  match:
    | { kind: 'range'; minM: number; maxM: number }
    | { kind: 'prefix'; prefix: string }
    | { kind: 'values'; values: string[] }
    | { kind: 'other' };
}

/** Colour of the selected feature (buildings and plan areas). */
export const SELECTION_COLOR = '#ffd400';

// Height classes follow the usual planning steps: up to 2 storeys, 3–4,
// 5–7, high-rise threshold (22 m, Hamburg/MBO Hochhausgrenze) and above.
const HEIGHT: BuildingStyleClass[] = [
  { label: { de: '< 7 m', en: '< 7 m' }, color: '#fff5b8', match: { kind: 'range', minM: -1e9, maxM: 7 } },
  { label: { de: '7–13 m', en: '7–13 m' }, color: '#fecb6b', match: { kind: 'range', minM: 7, maxM: 13 } },
  { label: { de: '13–22 m', en: '13–22 m' }, color: '#fd8d3c', match: { kind: 'range', minM: 13, maxM: 22 } },
  { label: { de: '22–40 m', en: '22–40 m' }, color: '#e0452b', match: { kind: 'range', minM: 22, maxM: 40 } },
  { label: { de: '≥ 40 m', en: '≥ 40 m' }, color: '#99142a', match: { kind: 'range', minM: 40, maxM: 1e9 } },
];

// ALKIS Gebäudefunktion (AX_Gebaeude, code list 31001_xxxx): the thousands
// digit is the main group.
const FUNCTION: BuildingStyleClass[] = [
  { label: { de: 'Wohnen', en: 'Residential' }, color: '#e8807a', match: { kind: 'prefix', prefix: '31001_1' } },
  { label: { de: 'Wirtschaft, Gewerbe', en: 'Commerce, industry' }, color: '#8aa0c8', match: { kind: 'prefix', prefix: '31001_2' } },
  { label: { de: 'Öffentliche Zwecke', en: 'Public use' }, color: '#c58fd0', match: { kind: 'prefix', prefix: '31001_3' } },
  { label: { de: 'Sonstige', en: 'Other' }, color: '#c9c4b8', match: { kind: 'other' } },
];

// ALKIS/CityGML Dachform codes.
const ROOF: BuildingStyleClass[] = [
  { label: { de: 'Flachdach', en: 'Flat roof' }, color: '#8dd3c7', match: { kind: 'values', values: ['1000'] } },
  { label: { de: 'Pultdach', en: 'Shed roof' }, color: '#80b1d3', match: { kind: 'values', values: ['2100', '2200'] } },
  { label: { de: 'Satteldach', en: 'Gabled roof' }, color: '#fb8072', match: { kind: 'values', values: ['3100'] } },
  { label: { de: 'Walmdach', en: 'Hipped roof' }, color: '#fdb462', match: { kind: 'values', values: ['3200', '3300'] } },
  { label: { de: 'Mansard-, Zelt-, andere Dachformen', en: 'Mansard, pyramid, other shapes' }, color: '#bebada', match: { kind: 'values', values: ['3400', '3500', '3600', '3700', '3800', '3900', '4000'] } },
  { label: { de: 'Mischform / unbekannt', en: 'Mixed / unknown' }, color: '#d9d9d9', match: { kind: 'other' } },
];

/**
 * Legend classes of a building style (empty for the default look).
 *
 * @example buildingStyleClasses('height')[0].label.de // '< 7 m'
 */
export function buildingStyleClasses(kind: BuildingStyleKind): readonly BuildingStyleClass[] {
  switch (kind) {
    case 'height':
      return HEIGHT;
    case 'function':
      return FUNCTION;
    case 'roofType':
      return ROOF;
    default:
      return [];
  }
}

/**
 * The class a building falls into, for the legend and for tests; the viewer
 * turns the same classes into a Cesium3DTileStyle.
 */
export function classifyBuilding(kind: BuildingStyleKind, props: { heightM?: number; function?: string; roofType?: string }): BuildingStyleClass | undefined {
  for (const c of buildingStyleClasses(kind)) {
    const m = c.match;
    if (m.kind === 'other') return c;
    if (m.kind === 'range' && props.heightM !== undefined && props.heightM >= m.minM && props.heightM < m.maxM) return c;
    if (m.kind === 'prefix' && props.function?.startsWith(m.prefix)) return c;
    if (m.kind === 'values' && props.roofType !== undefined && m.values.includes(String(props.roofType))) return c;
  }
  return undefined;
}
