import type { BuildingCollection } from '../../model/Building';
import type { AreaCompliance } from '../computeCompliance';

/** Box (WGS84 [w, s, e, n]) of a footprint's outer rings. */
export function ringsBox(g: BuildingCollection['features'][number]['geometry']): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const ring of g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]))
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

/** Box centres and attributes of the buildings that exceed a compliance rule, to select and fly to from the panel. */
export function buildingInfo(b: BuildingCollection, areas: AreaCompliance[]): { buildingCentres: Record<string, [number, number]>; buildingProperties: Record<string, Record<string, unknown>> } {
  const wanted = new Set(areas.flatMap((a) => a.rules.filter((r) => r.status === 'exceeded').flatMap((r) => r.buildingIds)));
  const buildingCentres: Record<string, [number, number]> = {};
  const buildingProperties: Record<string, Record<string, unknown>> = {};
  for (const f of b.features) {
    const id = String(f.properties.id);
    if (!wanted.has(id)) continue;
    const [w, s, e, n] = ringsBox(f.geometry);
    buildingCentres[id] = [(w + e) / 2, (s + n) / 2];
    const { roofs: _roofs, ...props } = f.properties as unknown as Record<string, unknown>;
    buildingProperties[id] = props;
  }
  return { buildingCentres, buildingProperties };
}
