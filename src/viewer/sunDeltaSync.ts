import type { Viewer } from 'cesium';
import type { SunDelta } from '../core/analysis/compare/compareVariants';
import type { AppStore } from '../state';
import { GroundHeatMap } from './groundHeatMap';

/**
 * The colour of a sun-hour difference: red where the "after" side loses sun,
 * blue where it gains, stronger with the size of the change; transparent
 * below 0.25 h and in buildings (NaN).
 *
 * @example sunDeltaColour(-2, 4) // [215, 48, 39, 172]
 */
export function sunDeltaColour(v: number, span: number): [number, number, number, number] | undefined {
  if (!Number.isFinite(v) || Math.abs(v) < 0.25) return undefined;
  const a = Math.round(Math.min(1, 0.35 + (0.65 * Math.abs(v)) / span) * 255);
  return v < 0 ? [215, 48, 39, a] : [33, 102, 172, a];
}

/** Draws the compared variants' sun-hour difference (`scenarioSunDelta`) with the one ground heat-map renderer. */
export function syncSunDelta(viewer: Viewer, store: AppStore): () => void {
  const heat = new GroundHeatMap(viewer, 0.5);
  const draw = (d: SunDelta | null) => {
    if (!d) return heat.show(undefined);
    const span = Math.max(1, Math.abs(d.minDeltaHours), Math.abs(d.maxDeltaHours));
    heat.show(d.grid, (k) => sunDeltaColour(d.deltaHours[k], span));
  };
  const unsub = store.subscribe((s) => s.scenarioSunDelta, draw, { fireImmediately: true });
  return () => {
    unsub();
    heat.clear();
  };
}
