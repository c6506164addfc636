import { drainSync } from './drainSync';
import type { LocalFrame } from '../crs/LocalFrame';
import type { BuildingSolid } from './prepareBuildings';
import { SolidRayCaster } from './rayCast';
import { sunSteps, type Progress } from './computeSunHours';
import { sunVector } from './sunPosition';
import { trueNorthGridAngleDeg } from './localGeometry';

/** A point to check: on the ground or on a façade. */
export interface SunPoint {
  id: string;
  /** [lon, lat] */
  lonLat: [number, number];
  /** Height above ground, metres (e.g. window centre). */
  heightM?: number;
  /**
   * Façade points: outward normal of the wall, degrees clockwise from true
   * north. The sun counts only in front of the wall (angle < 90°) and the point
   * is moved 5 cm outward so the own wall does not shade it, while other
   * wings of the same building still do.
   */
  facadeAzimuthDeg?: number;
  /** Ignore this building entirely (e.g. a point inside its own footprint). */
  excludeBuildingId?: string;
}

export interface SunPointResult {
  id: string;
  sunHours: number;
  /** Number of steps with direct sun. */
  sunSteps: number;
  /** Meets `thresholdHours` (e.g. 1.5 h on 21 March for the daylight check). */
  meetsThreshold: boolean;
}

/**
 * Hours of direct sun at points (ground or façade) by ray casting toward the
 * sun at every step against all building solids.
 *
 * @example sunHoursAtPoints(solids, [{ id: 'w1', lonLat, heightM: 4, facadeAzimuthDeg: 180 }], { date: '2026-03-21', frame, stepMin: 10 })
 */
export function sunHoursAtPoints(solids: BuildingSolid[], points: SunPoint[], o: SunPointsOptions): SunPointResult[] {
  return drainSync(sunHoursAtPointsSteps(solids, points, o));
}

export interface SunPointsOptions {
  date: string;
  frame: LocalFrame;
  stepMin: number;
  minAltitudeDeg?: number;
  /** Hours of sun a point needs to pass (default 1.5, the "≥ 1.5 h on 21 March" daylight check). */
  thresholdHours?: number;
}

/**
 * `sunHoursAtPoints` as a generator that yields progress after each point, so
 * a worker can report it and stop between points when cancelled.
 */
export function* sunHoursAtPointsSteps(solids: BuildingSolid[], points: SunPoint[], o: SunPointsOptions): Generator<Progress, SunPointResult[]> {
  const { steps, stepHours } = sunSteps(o.date, o.frame, o.stepMin, o.minAltitudeDeg ?? 1);
  const north = trueNorthGridAngleDeg(o.frame);
  const caster = new SolidRayCaster(solids);
  const vecs = steps.filter((s) => s.up).map((s) => sunVector(s.altitudeDeg, s.azimuthDeg, north));
  const threshold = o.thresholdHours ?? 1.5;
  const out: SunPointResult[] = [];
  for (const p of points) {
    let [x, y] = o.frame.toLocal(p.lonLat);
    const z = p.heightM ?? 0;
    let nx = 0, ny = 0;
    const facade = p.facadeAzimuthDeg !== undefined;
    if (facade) {
      const a = ((p.facadeAzimuthDeg! + north) * Math.PI) / 180;
      nx = Math.sin(a);
      ny = Math.cos(a);
      x += 0.05 * nx;
      y += 0.05 * ny;
    }
    const exclude = p.excludeBuildingId === undefined ? -1 : solids.findIndex((b) => b.id === p.excludeBuildingId);
    let n = 0;
    for (const [vx, vy, vz] of vecs) {
      if (facade && vx * nx + vy * ny <= 0) continue;
      if (!caster.hits(x, y, z, vx, vy, vz, exclude)) n++;
    }
    const hours = n * stepHours;
    out.push({ id: p.id, sunHours: hours, sunSteps: n, meetsThreshold: hours >= threshold - 1e-9 });
    yield { done: out.length, total: points.length };
  }
  return out;
}
