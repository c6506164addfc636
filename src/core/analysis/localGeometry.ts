import { LocalFrame } from '../crs/LocalFrame';
import { pointInFlatRings as pointInRings } from '../geometry/pointInRing';
import { reverseFlatRing as reverseRing } from '../geometry/reverseRing';
import { signedFlatRingArea as ringArea } from '../geometry/signedRingArea';

/**
 * A polygon in local metres: `rings[0]` is the outer ring (counter-clockwise),
 * the others are holes (clockwise). Each ring is a flat `[x0, y0, x1, y1, …]`
 * without the closing vertex.
 */
export type LocalPolygon = Float64Array[];

/** Axis-aligned box `[minX, minY, maxX, maxY]`. */
export type Box = [number, number, number, number];

/** Signed area of a flat ring (positive = counter-clockwise). */
export { ringArea };

/** Area of a polygon with holes (outer minus holes), m². */
export function polygonArea(poly: LocalPolygon): number {
  let a = 0;
  for (const r of poly) a += ringArea(r);
  return a;
}

/** Reverses a flat ring in place. */
export { reverseRing };

/** Whether a counter-clockwise flat ring is convex (collinear vertices allowed). */
export function isConvexCcw(r: ArrayLike<number>): boolean {
  const n = r.length / 2;
  if (n < 3) return false;
  for (let i = 0; i < n; i++) {
    const a = i * 2, b = ((i + 1) % n) * 2, c = ((i + 2) % n) * 2;
    const cr = (r[b] - r[a]) * (r[c + 1] - r[b + 1]) - (r[b + 1] - r[a + 1]) * (r[c] - r[b]);
    if (cr < -1e-9) return false;
  }
  return true;
}

/** Bounding box of rings. */
export function ringsBox(rings: ArrayLike<number>[], into: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  for (const r of rings)
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] < into[0]) into[0] = r[i];
      if (r[i] > into[2]) into[2] = r[i];
      if (r[i + 1] < into[1]) into[1] = r[i + 1];
      if (r[i + 1] > into[3]) into[3] = r[i + 1];
    }
  return into;
}

/** Even-odd point-in-polygon over all rings. */
export { pointInRings };

/** The polygons (as lists of GeoJSON rings) of a Polygon or MultiPolygon geometry; other types give []. */
export function polygonsOf(g: GeoJSON.Geometry | null | undefined): GeoJSON.Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/** The lines of a LineString/MultiLineString geometry, and the rings of polygons as closed lines. */
export function linesOf(g: GeoJSON.Geometry | null | undefined): GeoJSON.Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
  return [];
}

/**
 * GeoJSON ring ([lon, lat] or [lon, lat, h]) → flat local ring without the
 * closing vertex and without repeated vertices; `heights` receives the third
 * coordinate when given.
 */
export function ringToLocal(ring: GeoJSON.Position[], frame: LocalFrame, heights?: number[]): Float64Array {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const out: number[] = [];
  let px = NaN, py = NaN;
  for (let i = 0; i < n; i++) {
    const [x, y] = frame.toLocal(ring[i]);
    if (Math.abs(x - px) < 1e-6 && Math.abs(y - py) < 1e-6) continue;
    out.push(x, y);
    heights?.push(ring[i][2] ?? 0);
    px = x;
    py = y;
  }
  return Float64Array.from(out);
}

/** GeoJSON polygon → LocalPolygon with outer ring CCW and holes CW; degenerate rings (< 3 vertices) dropped. */
export function polygonToLocal(rings: GeoJSON.Position[][], frame: LocalFrame): LocalPolygon {
  const out: LocalPolygon = [];
  rings.forEach((r, i) => {
    const lr = ringToLocal(r, frame);
    if (lr.length < 6) return;
    const a = ringArea(lr);
    if ((i === 0 && a < 0) || (i > 0 && a > 0)) reverseRing(lr);
    if (i === 0 || out.length > 0) out.push(lr);
  });
  return out;
}

/** Local polygon (rings) → GeoJSON rings in WGS84, closed. */
export function localToGeoJsonRings(rings: ArrayLike<number>[], frame: LocalFrame, decimals = 7): GeoJSON.Position[][] {
  const f = 10 ** decimals;
  return rings.map((r) => {
    const out: GeoJSON.Position[] = [];
    for (let i = 0; i < r.length; i += 2) {
      const [lon, lat] = frame.toWgs84([r[i], r[i + 1]]);
      out.push([Math.round(lon * f) / f, Math.round(lat * f) / f]);
    }
    if (out.length) out.push(out[0]);
    return out;
  });
}

/** A local frame centred on the bounding box of some features' coordinates. */
export function frameAroundFeatures(features: GeoJSON.Feature[]): LocalFrame {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      if (c[0] < minX) minX = c[0];
      if (c[0] > maxX) maxX = c[0];
      if (c[1] < minY) minY = c[1];
      if (c[1] > maxY) maxY = c[1];
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(minX)) throw new Error('frameAroundFeatures: no coordinates in the features');
  return LocalFrame.around([(minX + maxX) / 2, (minY + maxY) / 2]);
}

/**
 * Direction of true north in the local EPSG:25832 grid, degrees clockwise from
 * grid north (the negative meridian convergence). Needed to turn a sun azimuth
 * (from true north) into the grid.
 */
export function trueNorthGridAngleDeg(frame: LocalFrame): number {
  const [lon, lat] = frame.toWgs84([0, 0]);
  const [x1, y1] = frame.toLocal([lon, lat + 0.01]);
  const [x0, y0] = frame.toLocal([lon, lat]);
  return (Math.atan2(x1 - x0, y1 - y0) * 180) / Math.PI;
}
