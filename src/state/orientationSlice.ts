import type { SliceCreator } from './AppState';

/** What the map controls show: the view's heading/pitch and the ground scale at the scale bar's row. */
export interface MapOrientation {
  /** Clockwise from north, 0..360. */
  headingDeg: number;
  /** Negative looks down; -90 is a top view. */
  pitchDeg: number;
  /** Ground metres per CSS pixel on the screen row of the scale bar; undefined when that row shows sky. */
  metresPerPixel: number | undefined;
}

/** A camera move asked for by a map control; the viewer turns it around the ground point in the middle of the view. */
export type CameraCommand =
  | { kind: 'zoom'; factor: number }
  | { kind: 'tilt'; deltaDeg: number }
  | { kind: 'north' };

export interface OrientationSlice {
  orientation: MapOrientation | undefined;
  /** The last command, with a sequence number so the same command twice is two moves. */
  cameraCommand: (CameraCommand & { seq: number }) | undefined;
  /** Reported by the viewer after a frame in which heading, pitch or scale changed. */
  orientationChanged(o: MapOrientation): void;
  commandCamera(c: CameraCommand): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends OrientationSlice {}
}

/** Zoom factor of one zoom-button press (the distance to the ground point halves / doubles). */
export const ZOOM_STEP = 2;
/** Tilt of one tilt-button press. */
export const TILT_STEP_DEG = 15;

export const createOrientationSlice: SliceCreator<OrientationSlice> = (set, get) => ({
  orientation: undefined,
  cameraCommand: undefined,
  orientationChanged: (orientation) => set({ orientation }),
  commandCamera: (c) => set({ cameraCommand: { ...c, seq: (get().cameraCommand?.seq ?? 0) + 1 } }),
});
