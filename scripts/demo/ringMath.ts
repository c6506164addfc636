import type { PlanVertex, Rect, Xy, Xyz } from './DemoDistrict';

/** Signed area of a ring (positive = counter-clockwise); the ring may be open or closed. */
export { signedRingArea as signedArea } from '../../src/core/geometry/signedRingArea';

export function rectRing(r: Rect): Xy[] {
  return [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]];
}

export function insetRect(r: Rect, d: number): Rect {
  return { x0: r.x0 + d, y0: r.y0 + d, x1: r.x1 - d, y1: r.y1 - d };
}

export function rectArea(r: Rect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0);
}

/** Newell normal of a 3D ring (not normalised); its direction follows the right-hand rule. */
export function newellNormal(ring: readonly Xyz[]): Xyz {
  let nx = 0, ny = 0, nz = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0, z0] = ring[i];
    const [x1, y1, z1] = ring[(i + 1) % ring.length];
    nx += (y0 - y1) * (z0 + z1);
    ny += (z0 - z1) * (x0 + x1);
    nz += (x0 - x1) * (y0 + y1);
  }
  return [nx, ny, nz];
}

/** Point in polygon (even-odd), for an open or closed ring. */
export { pointInRing } from '../../src/core/geometry/pointInRing';

/** Closest distance from a point to the edges of a ring. */
export function distanceToRing(p: Xy, ring: readonly Xy[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

/**
 * Replaces arc edges by straight segments (every ≤ 5°), so that areas and
 * GeoJSON outputs can be computed from plan rings that contain arcs.
 */
export function densifyPlanRing(ring: readonly PlanVertex[]): Xy[] {
  const out: Xy[] = [];
  for (let i = 0; i < ring.length; i++) {
    const v = ring[i];
    out.push(v.p);
    if (!v.arcMid) continue;
    const end = ring[(i + 1) % ring.length].p;
    out.push(...arcInterior(v.p, v.arcMid, end, 5));
  }
  return out;
}

/** Interior points of the circular arc start → mid → end, spaced at most `stepDeg`. */
function arcInterior(a: Xy, m: Xy, b: Xy, stepDeg: number): Xy[] {
  const [cx, cy] = circumcentre(a, m, b);
  const r = Math.hypot(a[0] - cx, a[1] - cy);
  const ang = (p: Xy) => Math.atan2(p[1] - cy, p[0] - cx);
  const a0 = ang(a), am = ang(m), a1 = ang(b);
  // Sweep from a0 to a1 in the direction that passes am.
  const ccw = ((am - a0 + 4 * Math.PI) % (2 * Math.PI)) < ((a1 - a0 + 4 * Math.PI) % (2 * Math.PI));
  let sweep = ((a1 - a0 + 4 * Math.PI) % (2 * Math.PI));
  if (!ccw) sweep = sweep - 2 * Math.PI;
  const n = Math.max(2, Math.ceil(Math.abs(sweep) / ((stepDeg * Math.PI) / 180)));
  const pts: Xy[] = [];
  for (let k = 1; k < n; k++) {
    const t = a0 + (sweep * k) / n;
    pts.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  return pts;
}

function circumcentre(a: Xy, b: Xy, c: Xy): Xy {
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  const sq = (p: Xy) => p[0] * p[0] + p[1] * p[1];
  return [
    (sq(a) * (b[1] - c[1]) + sq(b) * (c[1] - a[1]) + sq(c) * (a[1] - b[1])) / d,
    (sq(a) * (c[0] - b[0]) + sq(b) * (a[0] - c[0]) + sq(c) * (b[0] - a[0])) / d,
  ];
}

/** Rounds to millimetres, so written coordinates are exactly what the model holds. */
export function mm(v: number): number {
  return Math.round(v * 1000) / 1000;
}
