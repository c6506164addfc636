import { measureArea, measureDistance, measureHeight, type GeoPoint } from '../core/measure/measureGeometry';
import type { AppState, SliceCreator } from './AppState';
import { measureModeOf, type MeasureMode } from './toolSlice';

export type { MeasureMode };

/** Result of the current measurement, in metres / square metres (EPSG:25832). */
export interface MeasureResult {
  distanceM?: number;
  slopeDistanceM?: number;
  areaM2?: number;
  perimeterM?: number;
  heightM?: number;
}

/** Measuring points; the mode is the active tool (`measure-distance|area|height`, see `toolSlice`). */
export interface MeasureSlice {
  measurePoints: GeoPoint[];
  /**
   * How far each picked point lies above the ground under it (m; 0 on the ground), in step with `measurePoints`
   * (entries beyond its length are stale: a tool change empties the points only).
   */
  measureAboveGroundM: number[];
  /** Distances and areas on the ground, through buildings (the pick's ground point instead of a roof or wall). */
  measureOnGround: boolean;
  /** Adds a point while a measuring tool is active; `aboveGroundM` is its height over the ground under it. */
  addMeasurePoint(p: GeoPoint, aboveGroundM?: number): void;
  clearMeasure(): void;
  setMeasureOnGround(on: boolean): void;
}

/** A picked point higher than this above the ground is on a roof or a façade, not on the ground. */
export const OFF_GROUND_M = 1;

/**
 * The measured points (1-based) that lie on a roof or façade, and the highest of them above the ground, for the
 * warning that a distance or area is measured up there. A height measurement wants those points, so it has none.
 *
 * @example measureOffGround(s) // { points: [3], maxAboveM: 12.4 }
 */
export function measureOffGround(s: Pick<MeasureSlice, 'measurePoints' | 'measureAboveGroundM'> & { tool: AppState['tool'] }): { points: number[]; maxAboveM: number } {
  if (measureModeOf(s.tool) === 'height') return { points: [], maxAboveM: 0 };
  const points: number[] = [];
  let maxAboveM = 0;
  for (let i = 0; i < s.measurePoints.length; i++) {
    const h = s.measureAboveGroundM[i] ?? 0;
    if (h > OFF_GROUND_M) {
      points.push(i + 1);
      maxAboveM = Math.max(maxAboveM, h);
    }
  }
  return { points, maxAboveM };
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends MeasureSlice {}
}

/**
 * What the points measure in the given mode. A height measurement uses the
 * first two points.
 */
export function measureResult(mode: MeasureMode, points: readonly GeoPoint[]): MeasureResult {
  if (mode === 'distance' && points.length >= 2) {
    const d = measureDistance(points);
    return { distanceM: d.horizontalM, slopeDistanceM: d.slopeM };
  }
  if (mode === 'area' && points.length >= 3) {
    const a = measureArea(points);
    return { areaM2: a.areaM2, perimeterM: a.perimeterM };
  }
  if (mode === 'height' && points.length >= 2) {
    const h = measureHeight(points[0], points[1]);
    return { heightM: h.deltaM, distanceM: h.horizontalM };
  }
  return {};
}

export const createMeasureSlice: SliceCreator<MeasureSlice> = (set, get) => ({
  measurePoints: [],
  measureAboveGroundM: [],
  measureOnGround: false,
  addMeasurePoint: (p, aboveGroundM = 0) => {
    const { tool, measurePoints, measureAboveGroundM } = get();
    const measureMode = measureModeOf(tool);
    if (measureMode === 'none') return;
    // A height measurement has two points; a third click starts over.
    const restart = measureMode === 'height' && measurePoints.length >= 2;
    const pts = restart ? [p] : [...measurePoints, p];
    const above = restart ? [aboveGroundM] : [...measureAboveGroundM.slice(0, measurePoints.length), aboveGroundM];
    set({ measurePoints: pts, measureAboveGroundM: above });
  },
  clearMeasure: () => set({ measurePoints: [], measureAboveGroundM: [] }),
  setMeasureOnGround: (on) => set({ measureOnGround: on }),
});
