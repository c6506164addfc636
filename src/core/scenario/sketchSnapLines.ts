import type { LocalFrame } from '../crs/LocalFrame';
import type { SnapLine, SnapSource } from '../geometry/SnapIndex';
import type { XY } from '../geometry/ringCentroid';

/**
 * The outlines and lines of GeoJSON features as snap lines in a local frame:
 * polygon rings (closed) and line strings (open), multi-geometries included;
 * points and empty geometries are skipped.
 *
 * @example SnapIndex.build(sketchSnapLines(baugrenzen.features, frame, 'buildingLine'))
 */
export function sketchSnapLines(features: readonly GeoJSON.Feature[], frame: LocalFrame, source: SnapSource): SnapLine[] {
  const out: SnapLine[] = [];
  const add = (coords: GeoJSON.Position[], closed: boolean) => {
    if (coords.length >= 2) out.push({ coords: coords.map((p) => frame.toLocal(p) as XY), closed, source });
  };
  const visit = (g: GeoJSON.Geometry | null) => {
    if (!g) return;
    if (g.type === 'Polygon') g.coordinates.forEach((r) => add(r, true));
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r) => add(r, true)));
    else if (g.type === 'LineString') add(g.coordinates, false);
    else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => add(l, false));
    else if (g.type === 'GeometryCollection') g.geometries.forEach(visit);
  };
  for (const f of features) visit(f.geometry);
  return out;
}
