import type { CatalogLayer } from '../model/Catalog';
import { guessLayerRole, roleGroup, ROLE_COLORS } from './guessLayerRole';
import type { VectorLayer } from '../model/VectorLayer';

export interface VectorCatalogOptions {
  /** Layer id; also the file name `<id>.geojson`. */
  id: string;
  /** `--role`, else guessed from the content. */
  role?: CatalogLayer['role'];
  /** `--title`; the layer name otherwise. With several layers the layer name is appended. */
  title?: string;
  multi?: boolean;
  attribution?: string;
  /** Source file name, for the default attribution. */
  sourceFile: string;
}

/**
 * Catalog entry for a converted vector layer: type from the geometry,
 * style and layer-tree group from the role (given or guessed).
 *
 * @example vectorCatalogLayer(layer, { id: 'spielplaetze', sourceFile: 'playgroundFeatures.json' }).role // 'playgrounds'
 */
export function vectorCatalogLayer(layer: VectorLayer, o: VectorCatalogOptions): CatalogLayer {
  const role = o.role ?? guessLayerRole(layer);
  const kind = layer.features[0]?.geometry.type ?? 'Polygon';
  const type: CatalogLayer['type'] = kind.includes('Polygon') ? 'geojson-polygons' : kind.includes('LineString') ? 'geojson-lines' : 'geojson-points';
  const color = ROLE_COLORS[role];
  const style: CatalogLayer['style'] =
    role === 'base' ? { kind: 'base' }
    : type === 'geojson-polygons' ? { kind: 'fill', color: `${color}55`, outline: color }
    : type === 'geojson-lines' ? { kind: 'line', color, width: 3 }
    : { kind: 'point', color, symbol: role === 'trees' ? 'tree' : role === 'playgrounds' ? 'playground' : 'pin' };
  const t = o.title ? (o.multi ? `${o.title}: ${layer.name}` : o.title) : layer.name;
  return {
    id: o.id,
    title: { de: t, en: t },
    group: roleGroup(role),
    type,
    url: `${o.id}.geojson`,
    defaultVisible: true,
    opacity: type === 'geojson-polygons' && role !== 'base' ? 0.7 : 1,
    style,
    attribution: o.attribution ?? `${o.sourceFile} (Lizenz siehe Datenquelle)`,
    role,
  };
}

/** File-system-safe layer id from a name ("Landschaftsbestand_Fl_DTK25" → "landschaftsbestand-fl-dtk25"). */
export function layerSlug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'layer';
}
