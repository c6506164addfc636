/**
 * Shoelace area of a planar ring of [x, y] points (metres), open or closed
 * (a repeated closing vertex adds nothing). Positive for counter-clockwise
 * rings. Coordinates are taken relative to the first vertex so that large
 * UTM values (5.9e6 m) do not cost precision.
 *
 * This file is the one home of the shoelace formula: point rings
 * ({@link signedRingArea}), flat `[x0, y0, x1, y1, …]` rings
 * ({@link signedFlatRingArea}) and GeoJSON (Multi)Polygons
 * ({@link planarGeometryArea}).
 *
 * @example signedRingArea([[0, 0], [2, 0], [2, 1], [0, 1]]) // 2
 */
export function signedRingArea(ring: readonly ArrayLike<number>[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = ring[0][0], y0 = ring[0][1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[(i + 1) % n];
    s += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return s / 2;
}

/**
 * Signed area of a flat 2D ring `[x0, y0, x1, y1, …]` without the closing
 * vertex (positive = counter-clockwise). Trapezoid form of the shoelace sum,
 * allocation-free; used on local-metre rings, which are small numbers already.
 *
 * @example signedFlatRingArea([0, 0, 2, 0, 2, 1, 0, 1]) // 2
 */
export function signedFlatRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  let a = 0;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) a += (ring[j] - ring[i]) * (ring[j + 1] + ring[i + 1]);
  return a / 2;
}

/**
 * Planar area of a (Multi)Polygon whose coordinates are already metric
 * (outer rings minus holes, whatever their orientation).
 */
export function planarGeometryArea(g: GeoJSON.Polygon | GeoJSON.MultiPolygon | null | undefined): number {
  if (!g) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const p of polys) p.forEach((ring, k) => (a += k === 0 ? Math.abs(signedRingArea(ring)) : -Math.abs(signedRingArea(ring))));
  return a;
}
