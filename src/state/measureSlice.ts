import { measureArea, measureDistance, measureHeight, type GeoPoint } from '../core/measure/measureGeometry';
import type { SliceCreator } from './AppState';
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
  /** Adds a point while a measuring tool is active. */
  addMeasurePoint(p: GeoPoint): void;
  clearMeasure(): void;
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
  addMeasurePoint: (p) => {
    const { tool, measurePoints } = get();
    const measureMode = measureModeOf(tool);
    if (measureMode === 'none') return;
    // A height measurement has two points; a third click starts over.
    const pts = measureMode === 'height' && measurePoints.length >= 2 ? [p] : [...measurePoints, p];
    set({ measurePoints: pts });
  },
  clearMeasure: () => set({ measurePoints: [] }),
});
