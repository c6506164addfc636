import { frameAroundFeatures, polygonsOf, polygonToLocal, trueNorthGridAngleDeg } from '../analysis/localGeometry';
import type { SunPointInput } from '../analysis/runAnalysis';
import type { BuildingFeature } from '../model/Building';

/** A façade point of the report: the sun-points input plus the building it is on. */
export interface FacadeSample extends SunPointInput {
  buildingId: string;
  facadeAzimuthDeg: number;
}

/**
 * Façade points for the report's DIN EN 17037-style check: on each building,
 * the midpoint of its longest wall facing each quarter (N, E, S, W) — the
 * walls that would carry the main windows — at `heightM` above ground (default
 * 2 m: a ground-floor window centre). At most `max` points, spread evenly over
 * the buildings in their order.
 *
 * @example facadeSamplePoints(buildingsInArea, { max: 200 })
 */
export function facadeSamplePoints(buildings: BuildingFeature[], o: { heightM?: number; max?: number; minWallM?: number } = {}): FacadeSample[] {
  const heightM = o.heightM ?? 2, max = o.max ?? 200, minWall = o.minWallM ?? 4;
  if (!buildings.length) return [];
  const frame = frameAroundFeatures(buildings);
  const north = trueNorthGridAngleDeg(frame);
  const out: FacadeSample[] = [];
  for (const b of buildings) {
    const id = String(b.properties?.id ?? b.id ?? '');
    const best: ({ len: number; x: number; y: number; az: number } | undefined)[] = [undefined, undefined, undefined, undefined];
    for (const poly of polygonsOf(b.geometry)) {
      // Outer ring counter-clockwise after polygonToLocal: outside is to the right of each edge.
      const r = polygonToLocal(poly, frame)[0];
      if (!r) continue;
      const n = r.length / 2;
      for (let i = 0; i < n; i++) {
        const ax = r[2 * i], ay = r[2 * i + 1], bx = r[(2 * i + 2) % r.length], by = r[(2 * i + 3) % r.length];
        const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
        if (len < minWall) continue;
        const gridAz = (Math.atan2(dy / len, -dx / len) * 180) / Math.PI;
        const az = (((gridAz - north) % 360) + 360) % 360;
        const q = Math.floor(((az + 45) % 360) / 90);
        if (!best[q] || best[q]!.len < len) best[q] = { len, x: (ax + bx) / 2, y: (ay + by) / 2, az };
      }
    }
    best.forEach((w, q) => {
      if (!w) return;
      const [lon, lat] = frame.toWgs84([w.x, w.y]);
      out.push({ id: `${id}:${'NESW'[q]}`, buildingId: id, lonLat: [lon, lat], heightM, facadeAzimuthDeg: Number(w.az.toFixed(2)) });
    });
  }
  if (out.length <= max) return out;
  const step = out.length / max;
  return Array.from({ length: max }, (_, i) => out[Math.floor(i * step)]);
}
