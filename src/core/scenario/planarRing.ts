/**
 * Small planar-ring helpers in metres (local EPSG:25832 frame). Rings here are
 * open (no repeated closing vertex) unless stated.
 */

export type XY = [number, number];

/** Signed area (m²), positive for counter-clockwise rings. */
export { signedRingArea as signedArea } from '../geometry/signedRingArea';

/** Drops a closing vertex equal to the first one. */
export function openRing<T extends ArrayLike<number>>(ring: readonly T[]): T[] {
  if (ring.length > 1) {
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) return ring.slice(0, -1);
  }
  return ring.slice();
}

function orient(a: XY, b: XY, c: XY): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: XY, b: XY, p: XY): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** Whether closed segments ab and cd share a point (collinear overlaps count). */
export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY, eps = 1e-9): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))) return true;
  if (Math.abs(d1) <= eps && onSegment(c, d, a)) return true;
  if (Math.abs(d2) <= eps && onSegment(c, d, b)) return true;
  if (Math.abs(d3) <= eps && onSegment(a, b, c)) return true;
  if (Math.abs(d4) <= eps && onSegment(a, b, d)) return true;
  return false;
}

/**
 * First pair of non-adjacent edges that touch or cross, as edge indices
 * (edge i runs from vertex i to i+1), or null when the open ring is simple.
 * O(n²); footprints have few vertices.
 */
export function findSelfIntersection(ring: readonly XY[]): [number, number] | null {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    for (let j = i + 1; j < n; j++) {
      // Adjacent edges share a vertex by construction; only check them for folding back.
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const c = ring[j];
      const d = ring[(j + 1) % n];
      if (adjacent) {
        // Collinear and pointing back onto each other = a spike.
        const shared = j === i + 1 ? b : a;
        const other1 = j === i + 1 ? a : b;
        const other2 = j === i + 1 ? d : c;
        const cross = orient(shared, other1, other2);
        const dot = (other1[0] - shared[0]) * (other2[0] - shared[0]) + (other1[1] - shared[1]) * (other2[1] - shared[1]);
        if (Math.abs(cross) <= 1e-9 && dot > 0) return [i, j];
        continue;
      }
      if (segmentsIntersect(a, b, c, d)) return [i, j];
    }
  }
  return null;
}

/** Area-weighted centroid of a simple ring. */
export function ringCentroid(ring: readonly XY[]): XY {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0];
  for (let i = 0, n = ring.length; i < n; i++) {
    const x1 = ring[i][0] - ox;
    const y1 = ring[i][1] - oy;
    const x2 = ring[(i + 1) % n][0] - ox;
    const y2 = ring[(i + 1) % n][1] - oy;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  if (Math.abs(a) < 1e-12) return [ox, oy];
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}
