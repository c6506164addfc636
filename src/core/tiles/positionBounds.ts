/**
 * Exact min/max per axis of x, y, z triples (a glb's POSITION bounds, which
 * the glTF validator checks; a building's extent). Infinite when empty.
 */
export function positionBounds(p: ArrayLike<number>): { min: [number, number, number]; max: [number, number, number] } {
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i], y = p[i + 1], z = p[i + 2];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  return { min: [x0, y0, z0], max: [x1, y1, z1] };
}
