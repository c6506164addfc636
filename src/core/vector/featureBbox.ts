import type { Feature, Geometry, Position } from 'geojson';

function visit(g: Geometry | null, f: (p: Position) => void): void {
  if (!g) return;
  switch (g.type) {
    case 'Point': f(g.coordinates); break;
    case 'MultiPoint': case 'LineString': g.coordinates.forEach(f); break;
    case 'MultiLineString': case 'Polygon': g.coordinates.forEach((r) => r.forEach(f)); break;
    case 'MultiPolygon': g.coordinates.forEach((p) => p.forEach((r) => r.forEach(f))); break;
    case 'GeometryCollection': g.geometries.forEach((x) => visit(x, f)); break;
  }
}

/** Calls `f` for every position of a geometry. */
export function forEachPosition(g: Geometry | null, f: (p: Position) => void): void {
  visit(g, f);
}

/**
 * [minLon, minLat, maxLon, maxLat] of features (or undefined when empty).
 *
 * @example featureBbox(fc.features) // [9.98785, 53.53845, 9.99655, 53.54022]
 */
export function featureBbox(features: Feature[]): [number, number, number, number] | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const ft of features) visit(ft.geometry, (p) => {
    if (p[0] < w) w = p[0];
    if (p[0] > e) e = p[0];
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  });
  return w === Infinity ? undefined : [w, s, e, n];
}

/** Union of two bboxes. */
export function unionBbox(a: [number, number, number, number] | undefined, b: [number, number, number, number] | undefined): [number, number, number, number] | undefined {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/**
 * A local origin for a dataset: the bbox centre in EPSG:25832, rounded to
 * 100 m, so that analysis coordinates stay small (see the catalog's `origin`).
 */
export function originForBbox(bbox: [number, number, number, number] | undefined, toUtm: (p: [number, number]) => [number, number]): [number, number] | undefined {
  if (!bbox) return undefined;
  const [x, y] = toUtm([(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2]);
  return [Math.round(x / 100) * 100, Math.round(y / 100) * 100];
}
