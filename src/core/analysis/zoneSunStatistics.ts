import type { SunHoursResult } from './computeSunHours';
import { fillPolygon } from './fillPolygon';
import type { PolygonLayer } from './polygonLayer';

export interface ZoneSunStats {
  id: string;
  group: string;
  /** Ground cells (not in buildings) whose centre lies in the zone. */
  groundCells: number;
  groundAreaM2: number;
  meanSunHours: number | null;
  /** Share of the zone's ground area with ≥ 2 h and ≥ 4 h of direct sun. */
  shareAtLeast2h: number | null;
  shareAtLeast4h: number | null;
  /** Share of the ground area with at least the threshold's hours (only when a threshold was given). */
  shareAtLeastThreshold?: number | null;
  /** Whether the zone lies wholly inside the grid. */
  complete: boolean;
}

/**
 * Sun-hour statistics per polygon of another layer (playgrounds, green
 * spaces, parcels): mean hours and the shares of area with at least 2 h and
 * 4 h, over the ground cells whose centre lies in the polygon.
 *
 * With `thresholdHours`, also the share of cells with at least that many
 * hours (the threshold map: DIN 5034-1, DIN EN 17037).
 *
 * @example zoneSunStatistics(result, prepareLayer(playgrounds.features, frame), 1.5)
 */
export function zoneSunStatistics(r: SunHoursResult, zones: PolygonLayer, thresholdHours?: number): ZoneSunStats[] {
  const th = thresholdHours ?? Infinity;
  const g = r.grid;
  const mask = new Uint8Array(g.nx * g.ny);
  const gx1 = g.x0 + g.nx * g.cellM, gy1 = g.y0 + g.ny * g.cellM;
  return zones.items.map((z) => {
    for (const p of z.polygons) fillPolygon(mask, g, p, 1);
    const i0 = Math.max(0, Math.floor((z.minX - g.x0) / g.cellM)), i1 = Math.min(g.nx - 1, Math.floor((z.maxX - g.x0) / g.cellM));
    const j0 = Math.max(0, Math.floor((z.minY - g.y0) / g.cellM)), j1 = Math.min(g.ny - 1, Math.floor((z.maxY - g.y0) / g.cellM));
    let n = 0, sum = 0, n2 = 0, n4 = 0, nt = 0;
    for (let j = j0; j <= j1; j++)
      for (let i = i0; i <= i1; i++) {
        const k = j * g.nx + i;
        if (!mask[k]) continue;
        mask[k] = 0;
        if (r.building[k]) continue;
        const h = r.sunHours[k];
        n++;
        sum += h;
        if (h >= 2 - 1e-6) n2++;
        if (h >= 4 - 1e-6) n4++;
        if (h >= th - 1e-6) nt++;
      }
    return {
      id: z.id,
      group: z.group,
      groundCells: n,
      groundAreaM2: n * g.cellM * g.cellM,
      meanSunHours: n ? sum / n : null,
      shareAtLeast2h: n ? n2 / n : null,
      shareAtLeast4h: n ? n4 / n : null,
      ...(thresholdHours !== undefined ? { shareAtLeastThreshold: n ? nt / n : null } : {}),
      complete: z.minX >= g.x0 && z.maxX <= gx1 && z.minY >= g.y0 && z.maxY <= gy1,
    };
  });
}
