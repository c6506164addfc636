import type { RoofSpec } from '../model/Scenario';

/** z = a·x + b·y + c, local metres. */
export interface Plane {
  a: number;
  b: number;
  c: number;
}

export const planeZ = (p: Plane, x: number, y: number): number => p.a * x + p.b * y + p.c;

/**
 * The roof as planes whose pointwise minimum is the roof height over the
 * footprint (a concave, piecewise-linear height field, so walls and roof
 * faces stay convex and the mesh stays closed for any simple footprint).
 * Gable, hip and shed planes are laid out on the footprint's bounding
 * rectangle aligned with `ridgeAzimuthDeg`:
 * - gabled: two planes rising from the long sides to a ridge on the middle line;
 * - hipped: four planes with equal slope, top at `roofHeightM` (the ridge runs
 *   along the longer side of the rectangle; a square gives a pyramid);
 * - shed: one plane rising from the low side to the high side in the azimuth direction.
 *
 * @example
 * roofPlanes([[0,0],[10,0],[10,6],[0,6]], 9, { type: 'gabled', roofHeightM: 3, ridgeAzimuthDeg: 90 })
 * // → ridge along x at y = 3, z = 12
 */
export function roofPlanes(ring: readonly (readonly [number, number])[], eaveM: number, roof: RoofSpec): Plane[] {
  if (roof.type === 'flat' || roof.roofHeightM <= 0) return [{ a: 0, b: 0, c: eaveM }];
  const az = (roof.ridgeAzimuthDeg * Math.PI) / 180;
  // Azimuth from north, clockwise: unit vector (east, north).
  const u: [number, number] = [Math.sin(az), Math.cos(az)];
  const v: [number, number] = [-u[1], u[0]];
  let umin = Infinity;
  let umax = -Infinity;
  let vmin = Infinity;
  let vmax = -Infinity;
  for (const [x, y] of ring) {
    const pu = x * u[0] + y * u[1];
    const pv = x * v[0] + y * v[1];
    umin = Math.min(umin, pu);
    umax = Math.max(umax, pu);
    vmin = Math.min(vmin, pv);
    vmax = Math.max(vmax, pv);
  }
  const r = roof.roofHeightM;
  // z = eave + s·(dir·p − offset)
  const rising = (dir: [number, number], s: number, offset: number): Plane => ({ a: s * dir[0], b: s * dir[1], c: eaveM - s * offset });
  if (roof.type === 'shed') {
    const s = r / Math.max(umax - umin, 1e-9);
    return [rising(u, s, umin)];
  }
  const neg = (d: [number, number]): [number, number] => [-d[0], -d[1]];
  if (roof.type === 'gabled') {
    const s = r / Math.max((vmax - vmin) / 2, 1e-9);
    return [rising(v, s, vmin), rising(neg(v), s, -vmax)];
  }
  const half = Math.min(umax - umin, vmax - vmin) / 2;
  const s = r / Math.max(half, 1e-9);
  return [rising(v, s, vmin), rising(neg(v), s, -vmax), rising(u, s, umin), rising(neg(u), s, -umax)];
}
