import earcut from 'earcut';
import type { LocalPolygon } from './localGeometry';

/**
 * Splits a polygon (with holes) into convex CCW rings: earcut triangles merged
 * greedily across shared diagonals while the result stays convex
 * (Hertel–Mehlhorn, at most 4× the optimal count). Convex parts let each part's
 * shadow be one O(n) hull instead of one piece per edge.
 *
 * @example convexParts([lShapeRing]) // two rectangles
 */
export function convexParts(poly: LocalPolygon): Float64Array[] {
  const flat: number[] = [];
  const holes: number[] = [];
  poly.forEach((r, k) => {
    if (k > 0) holes.push(flat.length / 2);
    for (let i = 0; i < r.length; i++) flat.push(r[i]);
  });
  const tri = earcut(flat, holes.length ? holes : undefined, 2);
  const parts: (number[] | null)[] = [];
  const cross = (o: number, a: number, b: number) =>
    (flat[2 * a] - flat[2 * o]) * (flat[2 * b + 1] - flat[2 * o + 1]) - (flat[2 * a + 1] - flat[2 * o + 1]) * (flat[2 * b] - flat[2 * o]);
  for (let t = 0; t < tri.length; t += 3) {
    const a = tri[t], b = tri[t + 1], c = tri[t + 2];
    const cr = cross(a, b, c);
    if (Math.abs(cr) < 1e-12) continue;
    parts.push(cr > 0 ? [a, b, c] : [a, c, b]);
  }
  const isConvex = (p: number[]) => {
    for (let i = 0; i < p.length; i++) if (cross(p[i], p[(i + 1) % p.length], p[(i + 2) % p.length]) < -1e-9) return false;
    return true;
  };
  let merged = true;
  while (merged) {
    merged = false;
    const edgeOwner = new Map<string, number>();
    for (let pi = 0; pi < parts.length && !merged; pi++) {
      const p = parts[pi];
      if (!p) continue;
      for (let i = 0; i < p.length && !merged; i++) {
        const u = p[i], v = p[(i + 1) % p.length];
        const other = edgeOwner.get(`${v},${u}`);
        if (other !== undefined && parts[other]) {
          const q = parts[other]!;
          // p has u→v, q has v→u: p from v round to u, then q's vertices strictly between u and v.
          const pv = rotateTo(p, v);
          const qu = rotateTo(q, u);
          const m = [...pv, ...qu.slice(1, qu.length - 1)];
          if (isConvex(m)) {
            parts[pi] = m;
            parts[other] = null;
            merged = true;
          }
        }
        edgeOwner.set(`${u},${v}`, pi);
      }
    }
  }
  return parts.filter((p): p is number[] => p !== null).map((p) => Float64Array.from(p.flatMap((i) => [flat[2 * i], flat[2 * i + 1]])));
}

function rotateTo(p: number[], start: number): number[] {
  const i = p.indexOf(start);
  return [...p.slice(i), ...p.slice(0, i)];
}
