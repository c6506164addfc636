import type { LocalFrame } from '../crs/LocalFrame';
import type { BuildingFeature } from '../model/Building';
import type { BuildingSolid } from './prepareBuildings';
import { pointInRings, polygonsOf, polygonToLocal, trueNorthGridAngleDeg } from './localGeometry';

/** Where a click on a building lands for the sun-at-points check. */
export type BuildingHit =
  | { kind: 'facade'; lonLat: [number, number]; facadeAzimuthDeg: number; distanceM: number }
  | { kind: 'roof'; lonLat: [number, number]; distanceM: number };

/** A click further inside the footprint than this (metres) is on the roof, not on a wall. */
export const ROOF_INSIDE_M = 1.5;

/**
 * Snaps a point picked on a building to the nearest wall of its footprint and
 * gives the wall's outward normal as an azimuth (degrees clockwise from true
 * north). The footprint is the truth for walls: the sun-hours ray caster
 * builds its solids from the same footprints, so a façade point sits exactly
 * on the wall it tests, whatever the rendered mesh or the depth-buffer pick
 * did. A point well inside the footprint (more than `ROOF_INSIDE_M`) is a
 * roof point instead.
 *
 * @example buildingHit(feature, [10.0451, 53.5502], frame) // { kind: 'facade', facadeAzimuthDeg: 181.3, … }
 */
export function buildingHit(feature: BuildingFeature, lonLat: [number, number], frame: LocalFrame): BuildingHit | undefined {
  const [px, py] = frame.toLocal(lonLat);
  let best: { d2: number; x: number; y: number; nx: number; ny: number } | undefined;
  let inside = false;
  for (const poly of polygonsOf(feature.geometry)) {
    // Outer rings CCW and holes CW: the building is always left of an edge, outside is right.
    const rings = polygonToLocal(poly, frame);
    if (pointInRings(px, py, rings)) inside = true;
    for (const r of rings) {
      const n = r.length / 2;
      for (let i = 0; i < n; i++) {
        const ax = r[2 * i], ay = r[2 * i + 1];
        const bx = r[(2 * i + 2) % r.length], by = r[(2 * i + 3) % r.length];
        const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        if (len2 < 1e-12) continue;
        const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
        const x = ax + t * dx, y = ay + t * dy;
        const d2 = (px - x) ** 2 + (py - y) ** 2;
        if (!best || d2 < best.d2) {
          const len = Math.sqrt(len2);
          best = { d2, x, y, nx: dy / len, ny: -dx / len };
        }
      }
    }
  }
  if (!best) return undefined;
  const distanceM = Math.sqrt(best.d2);
  if (inside && distanceM > ROOF_INSIDE_M) return { kind: 'roof', lonLat, distanceM };
  const gridAz = (Math.atan2(best.nx, best.ny) * 180) / Math.PI;
  const facadeAzimuthDeg = (((gridAz - trueNorthGridAngleDeg(frame)) % 360) + 360) % 360;
  const [lon, lat] = frame.toWgs84([best.x, best.y]);
  return { kind: 'facade', lonLat: [lon, lat], facadeAzimuthDeg, distanceM };
}

/**
 * Height above ground of a solid's top (roof) at local (x, y), or undefined
 * outside its footprint. Used to put roof points just above the real roof
 * surface instead of at the depth-buffer height, which may lie a little below
 * it (a ray from under the roof would always be shaded).
 */
export function roofHeightAt(b: BuildingSolid, x: number, y: number): number | undefined {
  let top: number | undefined;
  const tr = b.triangles;
  for (let k = 0; k < tr.length; k += 9) {
    let inside = true;
    for (let e = 0; e < 3 && inside; e++) {
      const ax = tr[k + 2 * e], ay = tr[k + 2 * e + 1];
      const n = e === 2 ? 0 : 2 * e + 2;
      // CCW triangles: inside is left of (or on) every edge.
      if ((tr[k + n] - ax) * (y - ay) - (tr[k + n + 1] - ay) * (x - ax) < -1e-9) inside = false;
    }
    if (!inside) continue;
    const z = tr[k + 6] * x + tr[k + 7] * y + tr[k + 8];
    if (top === undefined || z > top) top = z;
  }
  return top;
}
