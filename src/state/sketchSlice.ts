import type { LocalFrame } from '../core/crs/LocalFrame';
import type { SnapIndex, SnapSource } from '../core/geometry/SnapIndex';
import { sketchProblem } from '../core/scenario/sketchProblem';
import { cornerRectangleFootprint } from '../core/scenario/typedFootprint';
import type { SliceCreator } from './AppState';

/** Snap targets of the dataset (building edges, Baugrenzen/Baulinien, parcel lines) in one index and its frame. */
export interface SketchSnapTargets {
  index: SnapIndex;
  frame: LocalFrame;
}

/** The point under the pointer while sketching, as it would be placed (snapped or not). */
export interface SketchHover {
  point: [number, number];
  snapped: 'vertex' | 'edge' | null;
  source?: SnapSource;
}

export interface SketchSlice {
  /** Snapping while sketching (the panel's toggle; holding Alt turns it off for one click). */
  sketchSnapOn: boolean;
  /** Loaded by the viewer when the sketch tool starts; null until then or without targets. */
  sketchSnapTargets: SketchSnapTargets | null;
  /** The snap indicator (ephemeral). */
  sketchHover: SketchHover | null;
  setSketchSnapOn(on: boolean): void;
  setSketchSnapTargets(t: SketchSnapTargets | null): void;
  setSketchHover(h: SketchHover | null): void;
  /**
   * Adds a typed rectangle (`widthM` × `depthM`, `rotationDeg` clockwise
   * from east) with its first corner at the last sketched corner, as a
   * building of the active variant; returns its id, or null (message says why).
   */
  addSketchRectangle(widthM: number, depthM: number, rotationDeg: number): string | null;
  /** Adds a building from typed corners (WGS84, open ring); returns its id or null. */
  addSketchCorners(corners: [number, number][]): string | null;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends SketchSlice {}
}

export const createSketchSlice: SliceCreator<SketchSlice> = (set, get) => ({
  sketchSnapOn: true,
  sketchSnapTargets: null,
  sketchHover: null,
  setSketchSnapOn: (on) => set({ sketchSnapOn: on }),
  setSketchSnapTargets: (t) => set({ sketchSnapTargets: t }),
  setSketchHover: (h) => set({ sketchHover: h }),
  addSketchRectangle: (w, d, rot) => {
    const pts = get().sketchPoints;
    const origin = pts[pts.length - 1];
    if (!origin) {
      get().setScenarioMessage({ kind: 'error', code: 'scenario.typedNoOrigin' });
      return null;
    }
    if (!(w > 0) || !(d > 0) || !Number.isFinite(rot)) {
      get().setScenarioMessage({ kind: 'error', code: 'scenario.typedInvalid' });
      return null;
    }
    return get().addSketchCorners(cornerRectangleFootprint(origin, w, d, rot));
  },
  addSketchCorners: (corners) => {
    // Checked before the clicked corners are replaced, so a typo loses nothing.
    const problem = sketchProblem(corners);
    if (problem) {
      get().setScenarioMessage({ kind: 'error', ...problem });
      return null;
    }
    const id = get().addProposedBuilding(corners);
    if (id) set({ sketchPoints: [], sketchHover: null });
    return id;
  },
});
