import { SolidRayCaster, sunVector, trueNorthGridAngleDeg, type BuildingSolid, type SunHoursResult } from '../../../src/core/analysis';
import type { LocalFrame } from '../../../src/core/crs/LocalFrame';

/**
 * Brute-force reference for the rasterised sun hours: for every ground cell
 * and every step, a ray from the cell centre toward the sun is tested against
 * the building solids (prisms and LoD2 roof triangles). Compares with the
 * fast result: share of identical cells and the largest difference in steps.
 */
export function compareWithRayCast(
  solids: BuildingSolid[],
  r: SunHoursResult,
  frame: LocalFrame,
  rows?: [number, number],
): { cells: number; identical: number; share: number; maxStepDiff: number } {
  const caster = new SolidRayCaster(solids);
  const north = trueNorthGridAngleDeg(frame);
  const vecs = r.steps.filter((s) => s.up).map((s) => sunVector(s.altitudeDeg, s.azimuthDeg, north));
  const g = r.grid;
  let cells = 0, identical = 0, maxDiff = 0;
  const [j0, j1] = rows ?? [0, g.ny];
  for (let j = j0; j < j1; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      if (r.building[k]) continue;
      const x = g.x0 + (i + 0.5) * g.cellM, y = g.y0 + (j + 0.5) * g.cellM;
      let n = 0;
      for (const [vx, vy, vz] of vecs) if (!caster.hits(x, y, 0, vx, vy, vz)) n++;
      cells++;
      if (n === r.counts[k]) identical++;
      maxDiff = Math.max(maxDiff, Math.abs(n - r.counts[k]));
    }
  return { cells, identical, share: identical / cells, maxStepDiff: maxDiff };
}
