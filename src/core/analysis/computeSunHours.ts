import { drainSync } from './drainSync';
import type { LocalFrame } from '../crs/LocalFrame';
import { fillConvex, fillPolygon } from './fillPolygon';
import type { Grid } from './Grid';
import { trueNorthGridAngleDeg } from './localGeometry';
import type { BuildingSolid } from './prepareBuildings';
import { shadowPieces } from './shadowPieces';
import { sunDay, sunPosition, sunVector } from './sunPosition';

export interface SunHoursOptions {
  /** Calendar date `YYYY-MM-DD` (the solar day at the grid centre). */
  date: string;
  grid: Grid;
  frame: LocalFrame;
  /** Time step in minutes; the day from sunrise to sunset is split into equal steps no longer than this. */
  stepMin: number;
  /** Sun lower than this (apparent altitude) counts as no direct sun. Default 1°. */
  minAltitudeDeg?: number;
}

export interface SunStep {
  /** Middle of the step, UTC ms. */
  timeMs: number;
  altitudeDeg: number;
  azimuthDeg: number;
  /** Ground offset per metre of height (away from the sun), local metres; 0 when the sun is too low. */
  sx: number;
  sy: number;
  /** Whether the sun is high enough to count. */
  up: boolean;
}

export interface SunHoursResult {
  grid: Grid;
  /** Hours of direct sun per cell; NaN for cells inside a building footprint. */
  sunHours: Float32Array;
  /** 1 where the cell centre lies inside a building footprint. */
  building: Uint8Array;
  /** Steps with the sun counted, per cell (0 for building cells). */
  counts: Uint16Array;
  steps: SunStep[];
  /** Length of one step in hours. */
  stepHours: number;
  sunriseMs: number | null;
  sunsetMs: number | null;
}

/** Progress of a running sun-hours computation. */
export interface Progress {
  done: number;
  total: number;
}

/**
 * The time steps of a day: n equal steps from sunrise to sunset, each no
 * longer than `stepMin`, sampled at their middle.
 */
export function sunSteps(date: string, frame: LocalFrame, stepMin: number, minAltitudeDeg = 1): { steps: SunStep[]; stepHours: number; sunriseMs: number | null; sunsetMs: number | null } {
  if (!(stepMin > 0)) throw new Error(`sunSteps: step ${stepMin} min must be > 0`);
  const [lon, lat] = frame.toWgs84([0, 0]);
  const day = sunDay(date, lon, lat);
  let start: number, end: number;
  if (day.kind === 'polar-night') return { steps: [], stepHours: 0, sunriseMs: null, sunsetMs: null };
  if (day.kind === 'polar-day') {
    start = day.solarNoonMs - 12 * 3600000;
    end = day.solarNoonMs + 12 * 3600000;
  } else {
    // A day at the edge of a midnight-sun period rises or sets only once: the other end is the solar day's edge.
    start = day.sunriseMs ?? day.solarNoonMs - 12 * 3600000;
    end = day.sunsetMs ?? day.solarNoonMs + 12 * 3600000;
  }
  const n = Math.max(1, Math.ceil((end - start) / (stepMin * 60000) - 1e-9));
  const dt = (end - start) / n;
  const north = trueNorthGridAngleDeg(frame);
  const steps: SunStep[] = [];
  for (let k = 0; k < n; k++) {
    const t = start + (k + 0.5) * dt;
    steps.push(stepAt(t, lon, lat, north, minAltitudeDeg));
  }
  return { steps, stepHours: dt / 3600000, sunriseMs: day.sunriseMs, sunsetMs: day.sunsetMs };
}

/** Sun step (altitude, azimuth, shadow offset) at one instant for the frame origin. */
export function stepAt(timeMs: number, lon: number, lat: number, trueNorthDeg: number, minAltitudeDeg = 1): SunStep {
  const p = sunPosition(timeMs, lon, lat);
  const up = p.altitudeDeg >= minAltitudeDeg;
  const [vx, vy, vz] = sunVector(p.altitudeDeg, p.azimuthDeg, trueNorthDeg);
  return { timeMs, altitudeDeg: p.altitudeDeg, azimuthDeg: p.azimuthDeg, sx: up ? -vx / vz : 0, sy: up ? -vy / vz : 0, up };
}

/** Marks cells whose centre lies inside a building footprint. */
export function buildingMask(solids: BuildingSolid[], grid: Grid): Uint8Array {
  const m = new Uint8Array(grid.nx * grid.ny);
  for (const b of solids) for (const p of b.footprint) fillPolygon(m, grid, p, 1);
  return m;
}

/**
 * Rasterises the shadows of all buildings at one step into `mask` (cleared
 * first). Buildings whose shadow box misses the grid are skipped.
 */
export function rasterizeShadows(solids: BuildingSolid[], grid: Grid, sx: number, sy: number, mask: Uint8Array): void {
  mask.fill(0);
  const gx1 = grid.x0 + grid.nx * grid.cellM, gy1 = grid.y0 + grid.ny * grid.cellM;
  const sink = (rings: Float64Array[], convex: boolean) => {
    if (convex) fillConvex(mask, grid, rings[0], 1);
    else fillPolygon(mask, grid, rings, 1);
  };
  for (const b of solids) {
    const dx = sx * b.maxHeightM, dy = sy * b.maxHeightM;
    const minX = b.minX + Math.min(0, dx), maxX = b.maxX + Math.max(0, dx);
    const minY = b.minY + Math.min(0, dy), maxY = b.maxY + Math.max(0, dy);
    if (maxX < grid.x0 || minX > gx1 || maxY < grid.y0 || minY > gy1) continue;
    shadowPieces(b, sx, sy, sink);
  }
}

/**
 * Sun hours per grid cell as a generator: yields progress after every step,
 * so a worker can interleave cancellation and progress messages; returns the
 * result. `computeSunHours` runs it to the end.
 */
export function* sunHoursSteps(solids: BuildingSolid[], opts: SunHoursOptions): Generator<Progress, SunHoursResult> {
  const { grid } = opts;
  const { steps, stepHours, sunriseMs, sunsetMs } = sunSteps(opts.date, opts.frame, opts.stepMin, opts.minAltitudeDeg ?? 1);
  const cells = grid.nx * grid.ny;
  const building = buildingMask(solids, grid);
  const counts = new Uint16Array(cells);
  const mask = new Uint8Array(cells);
  const total = steps.length;
  let done = 0;
  for (const s of steps) {
    if (s.up) {
      rasterizeShadows(solids, grid, s.sx, s.sy, mask);
      for (let k = 0; k < cells; k++) counts[k] += 1 - (mask[k] | building[k]);
    }
    done++;
    yield { done, total };
  }
  const sunHours = new Float32Array(cells);
  for (let k = 0; k < cells; k++) sunHours[k] = building[k] ? NaN : counts[k] * stepHours;
  return { grid, sunHours, building, counts, steps, stepHours, sunriseMs, sunsetMs };
}

/**
 * Hours of direct sun per cell for a day (sunrise to sunset).
 *
 * @example
 * const frame = LocalFrame.around([9.99, 53.55]);
 * const { solids } = prepareBuildings(fc.features, frame);
 * const r = computeSunHours(solids, { date: '2026-03-20', grid: gridForBbox(frame, bbox, 2), frame, stepMin: 10 });
 */
export function computeSunHours(solids: BuildingSolid[], opts: SunHoursOptions): SunHoursResult {
  return drainSync(sunHoursSteps(solids, opts));
}
