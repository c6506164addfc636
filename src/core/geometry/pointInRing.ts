/**
 * Even-odd point-in-polygon test (ray casting towards +x), the one home of it.
 * {@link pointInRing} takes a ring of [x, y] points, open or closed (a
 * repeated closing vertex adds a zero-length edge that never toggles);
 * {@link pointInFlatRings} takes flat `[x0, y0, …]` rings without the closing
 * vertex and counts all of them together, so holes cut themselves out.
 * Points exactly on an edge may fall either way.
 *
 * @example pointInRing([1, 1], [[0, 0], [2, 0], [2, 2], [0, 2]]) // true
 */
export function pointInRing(p: ArrayLike<number>, ring: readonly ArrayLike<number>[]): boolean {
  const x = p[0], y = p[1];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Even-odd test over several flat rings at once (outer ring and holes).
 *
 * @example pointInFlatRings(1, 1, [new Float64Array([0, 0, 4, 0, 4, 4, 0, 4])]) // true
 */
export function pointInFlatRings(x: number, y: number, rings: readonly ArrayLike<number>[]): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = r[i + 1], yj = r[j + 1];
      if (yi > y !== yj > y && x < ((r[j] - r[i]) * (y - yi)) / (yj - yi) + r[i]) inside = !inside;
    }
  }
  return inside;
}
