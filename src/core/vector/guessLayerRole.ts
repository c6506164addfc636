import type { CatalogLayer } from '../model/Catalog';
import type { VectorLayer } from '../model/VectorLayer';

type Role = NonNullable<CatalogLayer['role']>;

const RULES: [RegExp, Role][] = [
  [/baum|b[äa]ume|tree|gattung|stammumfang/i, 'trees'],
  [/spielpl|playground/i, 'playgrounds'],
  [/flurst|parcel|flst|grundst[üu]ck/i, 'parcels'],
  [/bplan|b-plan|bebauungspl|planrecht|prosin|xplan/i, 'plan'],
  [/hochwasser|flood|[üu]berschwemm/i, 'flood'],
  [/ausgleich|naturschutz|landschaft|schutzgeb|biotop|glb|protect|kompensation/i, 'protection'],
  [/gew[äa]sser|wasser|water/i, 'water'],
  [/gr[üu]n|green|park|wald|forest/i, 'green'],
  [/bezirk|stadtteil|district|ortsteil|gemeinde/i, 'districts'],
  [/velo|fahrrad|radroute|cycle|bike/i, 'cycleRoutes'],
  [/geb[äa]ude|building|footprint|grundriss/i, 'buildingFootprints'],
];

/**
 * Guesses a catalog role from a layer's name, feature type and property
 * names (e.g. `strassenbaumkataster` → trees, `prosin_festgestellt` with
 * `planrecht` → plan). Returns 'other' when nothing fits.
 */
export function guessLayerRole(layer: VectorLayer): Role {
  const props = new Set<string>();
  for (const f of layer.features.slice(0, 20)) for (const k of Object.keys(f.properties ?? {})) props.add(k);
  const hay = [layer.name, layer.featureType ?? '', ...props].join(' ');
  // Normalised Festsetzungen (as the XPlanung converter writes them) make a layer the Baugebiete, whatever its name.
  const polygons = layer.features.some((f) => f.geometry?.type.includes('Polygon'));
  if (polygons && (props.has('grz') || props.has('gfz') || props.has('maxStoreys')) && props.has('landUse')) return 'zoning';
  for (const [re, role] of RULES) if (re.test(layer.name) || re.test(layer.featureType ?? '')) return role;
  for (const [re, role] of RULES) if (re.test(hay)) return role;
  return 'other';
}

/** Default style colour per role. */
export const ROLE_COLORS: Record<Role, string> = {
  buildings: '#bdbdbd', buildingFootprints: '#9e9e9e', plan: '#c62828', parcels: '#6d4c41', playgrounds: '#ef6c00', green: '#43a047',
  trees: '#2e7d32', water: '#1e88e5', protection: '#7cb342', flood: '#0277bd', other: '#5c6bc0', zoning: '#e57373',
  buildableArea: '#1f4e9c', buildingLines: '#1f4e9c', traffic: '#f9a825', districts: '#6a1b9a', cycleRoutes: '#00897b', base: '#8d8d8d',
};

/** German/English group of the layer tree per role. */
export function roleGroup(role: Role): { de: string; en: string } {
  if (role === 'plan' || role === 'zoning' || role === 'parcels' || role === 'buildableArea' || role === 'buildingLines') return { de: 'Planung', en: 'Planning' };
  if (role === 'green' || role === 'trees' || role === 'water' || role === 'protection' || role === 'flood') return { de: 'Umwelt', en: 'Environment' };
  if (role === 'districts') return { de: 'Verwaltung', en: 'Administration' };
  if (role === 'cycleRoutes' || role === 'traffic') return { de: 'Verkehr', en: 'Mobility' };
  if (role === 'base') return { de: 'Basiskarten', en: 'Base maps' };
  if (role === 'playgrounds') return { de: 'Soziale Infrastruktur', en: 'Social infrastructure' };
  return { de: 'Weitere Daten', en: 'More data' };
}
