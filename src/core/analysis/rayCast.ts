import Flatbush from 'flatbush';
import type { BuildingSolid } from './prepareBuildings';

/**
 * Ray casting against building solids (columns under the triangulated roof or
 * prism tops). Used for sun at points and façades, and as the independent
 * brute-force reference for the rasterised sun hours.
 */
export class SolidRayCaster {
  private readonly index: Flatbush | null;
  readonly maxHeightM: number;

  constructor(readonly solids: BuildingSolid[]) {
    this.maxHeightM = solids.reduce((m, b) => Math.max(m, b.maxHeightM), 0);
    if (!solids.length) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(solids.length);
    for (const b of solids) this.index.add(b.minX, b.minY, b.maxX, b.maxY);
    this.index.finish();
  }

  /**
   * Whether the ray from (px, py, pz) along the unit vector (vx, vy, vz), vz > 0,
   * hits any solid (except the one at `exclude`, an index into `solids`).
   */
  hits(px: number, py: number, pz: number, vx: number, vy: number, vz: number, exclude = -1): boolean {
    if (!this.index || vz <= 0) return false;
    const tMax = (this.maxHeightM - pz) / vz;
    if (tMax <= 0) return false;
    const ex = px + vx * tMax, ey = py + vy * tMax;
    const cand = this.index.search(Math.min(px, ex), Math.min(py, ey), Math.max(px, ex), Math.max(py, ey));
    for (const i of cand) {
      if (i === exclude) continue;
      if (rayHitsSolid(this.solids[i], px, py, pz, vx, vy, vz)) return true;
    }
    return false;
  }
}

/** Ray against one solid: clip the ray to each top triangle's prism, test the roof plane at both ends. */
export function rayHitsSolid(b: BuildingSolid, px: number, py: number, pz: number, vx: number, vy: number, vz: number): boolean {
  const tb = (b.maxHeightM - pz) / vz;
  if (tb <= 0) return false;
  // Slab test against the box.
  let t0 = 0, t1 = tb;
  if (Math.abs(vx) < 1e-15) {
    if (px < b.minX || px > b.maxX) return false;
  } else {
    let a = (b.minX - px) / vx, c = (b.maxX - px) / vx;
    if (a > c) [a, c] = [c, a];
    if (a > t0) t0 = a;
    if (c < t1) t1 = c;
  }
  if (Math.abs(vy) < 1e-15) {
    if (py < b.minY || py > b.maxY) return false;
  } else {
    let a = (b.minY - py) / vy, c = (b.maxY - py) / vy;
    if (a > c) [a, c] = [c, a];
    if (a > t0) t0 = a;
    if (c < t1) t1 = c;
  }
  if (t0 > t1) return false;
  const tr = b.triangles;
  for (let k = 0; k < tr.length; k += 9) {
    let s0 = t0, s1 = t1;
    for (let e = 0; e < 3 && s0 <= s1; e++) {
      const ax = tr[k + 2 * e], ay = tr[k + 2 * e + 1];
      const n = e === 2 ? 0 : 2 * e + 2;
      const bx = tr[k + n], by = tr[k + n + 1];
      const c0 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
      const c1 = (bx - ax) * vy - (by - ay) * vx;
      if (c1 === 0) {
        if (c0 < 0) s1 = -1;
      } else if (c1 > 0) {
        const t = -c0 / c1;
        if (t > s0) s0 = t;
      } else {
        const t = -c0 / c1;
        if (t < s1) s1 = t;
      }
    }
    if (s0 >= s1) continue;
    const pa = tr[k + 6], pb = tr[k + 7], pc = tr[k + 8];
    // Roof height minus ray height is linear in t: a hit iff positive at one end.
    const f0 = pa * (px + vx * s0) + pb * (py + vy * s0) + pc - (pz + vz * s0);
    const f1 = pa * (px + vx * s1) + pb * (py + vy * s1) + pc - (pz + vz * s1);
    if (f0 > 1e-9 || f1 > 1e-9) return true;
  }
  return false;
}
