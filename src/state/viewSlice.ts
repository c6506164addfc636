import type { SliceCreator } from './AppState';

/** A camera pose: lon/lat degrees, height metres above the ellipsoid, heading/pitch degrees. */
export interface CameraView {
  lon: number;
  lat: number;
  height: number;
  headingDeg: number;
  pitchDeg: number;
}

/** A request to move the camera; `seq` makes repeated requests for the same view distinct. */
export interface CameraRequest {
  view: CameraView;
  instant: boolean;
  seq: number;
}

export interface ViewSlice {
  /** Where the camera is now (reported by the viewer when it stops moving). */
  camera: CameraView | undefined;
  cameraRequest: CameraRequest | undefined;
  /** Reported by the viewer. */
  cameraChanged(view: CameraView): void;
  flyTo(view: CameraView, instant?: boolean): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends ViewSlice {}
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  camera: undefined,
  cameraRequest: undefined,
  cameraChanged: (camera) => set({ camera }),
  flyTo: (view, instant = false) => set({ cameraRequest: { view, instant, seq: (get().cameraRequest?.seq ?? 0) + 1 } }),
});
