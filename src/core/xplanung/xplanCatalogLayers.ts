import type { Feature } from 'geojson';
import type { CatalogLayer, LegendEntry } from '../model/Catalog';
import { isBuildingArea } from '../planning/isBuildingArea';
import { PLANZV_CLASSES, planzvClass } from '../planning/planzvColors';
import { geometryKind, KIND_SUFFIX, XPLAN_THEMES, type GeometryKind } from './xplanThemes';

export const PLANNING_GROUP = { de: 'Planung', en: 'Planning' };
export const DEFAULT_XPLAN_ATTRIBUTION = '© FHH, BSW / Bezirksamt, dl-de/by-2.0';

const ROLE: Record<string, CatalogLayer['role']> = {
  'plan-areas': 'plan', baugebiete: 'zoning', 'ueberbaubare-flaechen': 'buildableArea', baugrenzen: 'buildingLines',
  gruen: 'green', wald: 'green', wasser: 'water', verkehr: 'traffic', anpflanzung: 'trees', natur: 'protection', schutz: 'protection',
};
const PLANZV_THEMES = new Set(['baugebiete', 'gruen', 'verkehr', 'wasser', 'wald', 'gemeinbedarf', 'versorgung']);
const LINE_COLOR: Record<string, string> = { baugrenzen: '#1f4e9c', verkehr: '#b8860b' };

/** Legend of the PlanZV classes that occur in `features`, in PlanZV order. */
export function planzvLegend(features: Feature[]): LegendEntry[] {
  const present = new Set(features.map((f) => planzvClass(f.properties?.landUse as string | undefined).key));
  const entries = PLANZV_CLASSES.filter((c) => present.has(c.key)).map((c) => ({ label: c.label, color: c.color }));
  if (present.has('UNKNOWN')) entries.push({ label: planzvClass(undefined).label, color: planzvClass(undefined).color });
  return entries;
}

/**
 * Catalog layer for one XPlanung output file (`<theme>.geojson` or
 * `<theme>-<kind>.geojson`): PlanZV style and legend for land-use themes,
 * group Planung/Planning, role for the analyses.
 */
export function xplanCatalogLayer(fileName: string, features: Feature[], opts: { idPrefix: string; name?: string; attribution?: string }): CatalogLayer | undefined {
  const base = fileName.replace(/\.geojson$/, '');
  const kind: GeometryKind = features[0] ? geometryKind(features[0].geometry.type) : 'polygons';
  const themeId = Object.keys(XPLAN_THEMES).find((t) => base === t || base === `${t}-${KIND_SUFFIX[kind]}`);
  const theme = themeId ? XPLAN_THEMES[themeId] : undefined;
  if (!theme || theme.hidden) return undefined;
  const suffix = theme.kind === kind ? undefined : { polygons: { de: 'Flächen', en: 'areas' }, lines: { de: 'Linien', en: 'lines' }, points: { de: 'Punkte', en: 'points' } }[kind];
  const title = {
    de: [opts.name, theme.title.de + (suffix ? ` (${suffix.de})` : '')].filter(Boolean).join(': '),
    en: [opts.name, theme.title.en + (suffix ? ` (${suffix.en})` : '')].filter(Boolean).join(': '),
  };
  const type: CatalogLayer['type'] = kind === 'polygons' ? 'geojson-polygons' : kind === 'lines' ? 'geojson-lines' : 'geojson-points';
  let style: CatalogLayer['style'];
  let legend: LegendEntry[] | undefined;
  if (kind === 'polygons' && PLANZV_THEMES.has(theme.id)) {
    style = { kind: 'planzv' };
    legend = planzvLegend(features);
  } else if (kind === 'polygons') {
    const fills: Record<string, [string, string]> = {
      'plan-areas': ['#9e9e9e33', '#212121'], anpflanzung: ['#66bb6a55', '#2e7d32'], 'ueberbaubare-flaechen': ['#1f4e9c33', '#1f4e9c'], natur: ['#3e8e4140', '#2e6b30'],
      schutz: ['#8e44ad33', '#8e44ad'], sonstige: ['#9e9e9e33', '#616161'],
    };
    const [color, outline] = fills[theme.id] ?? ['#9e9e9e33', '#616161'];
    style = { kind: 'fill', color, outline };
  } else if (kind === 'lines') {
    style = { kind: 'line', color: LINE_COLOR[theme.id] ?? '#424242', width: theme.id === 'baugrenzen' ? 2 : 1.5 };
  } else {
    style = { kind: 'point', color: theme.id === 'anpflanzung' ? '#2e7d32' : '#1565c0', symbol: theme.id === 'anpflanzung' ? 'tree' : 'pin' };
  }
  return {
    id: `${opts.idPrefix}-${base}`,
    title,
    group: PLANNING_GROUP,
    type,
    url: fileName,
    defaultVisible: theme.visible,
    opacity: theme.id === 'plan-areas' ? 0.4 : kind === 'polygons' ? 0.6 : 1,
    style,
    legend,
    attribution: opts.attribution ?? DEFAULT_XPLAN_ATTRIBUTION,
    // A Gemeinbedarf or utilities layer whose areas set GRZ, storeys or heights is checked like the Baugebiete.
    role: ROLE[theme.id] ?? (kind === 'polygons' && features.some(isBuildingArea) ? 'zoning' : 'other'),
  };
}
