import type { ReportSceneView } from '../core/report/reportSceneViews';
import type { CaptureReportViewsOptions } from './captureReportViews';
import type { AppState, CameraView } from '../state';
import type { SceneHandle } from '../viewer/mountScene';

/** Hook for the browser tests and the report CLI's headless Chromium (`window.__planlotse`). */
export interface PlanlotseTestHook {
  getState(): AppState;
  /** Resolves when the viewer exists and the catalog is loaded (rejects on catalog errors). */
  ready: Promise<void>;
  /** Resolves when globe tiles, layers and pending renders are done. */
  settled(timeoutMs?: number): Promise<void>;
  frames(): number;
  camera(): CameraView;
  toScreen(lon: number, lat: number, height?: number): { x: number; y: number } | undefined;
  /** The report's scene images at its fixed views, as the report builder takes them (planner app only): PNG data URLs. */
  captureReportViews?(views: readonly ReportSceneView[], options?: CaptureReportViewsOptions): Promise<string[]>;
}

/**
 * Options a test sets before the app starts (the browser-test harness does it
 * with an init script): they make the scene cheaper to render on a software
 * GPU and change nothing else. Never set by the app itself.
 */
export interface PlanlotseTestOptions {
  /** Cesium `resolutionScale` (0.25–1): the canvas keeps its CSS size, the drawing buffer shrinks. */
  resolutionScale?: number;
}

declare global {
  interface Window {
    __planlotse?: PlanlotseTestHook;
    __planlotseTestOptions?: PlanlotseTestOptions;
  }
}

/** The test options, if a test set them; otherwise `{}`. */
export function readTestOptions(): PlanlotseTestOptions {
  const o = window.__planlotseTestOptions;
  const scale = typeof o?.resolutionScale === 'number' && Number.isFinite(o.resolutionScale) ? Math.min(1, Math.max(0.25, o.resolutionScale)) : undefined;
  return scale === undefined ? {} : { resolutionScale: scale };
}

export function installTestHook(getState: () => AppState, ready: Promise<void>, scene: SceneHandle, extra: Pick<PlanlotseTestHook, 'captureReportViews'> = {}): void {
  const hook: PlanlotseTestHook = {
    ...extra,
    getState,
    ready,
    settled: (t) => scene.settled(t),
    frames: () => scene.frames(),
    camera: () => scene.camera(),
    toScreen: (lon, lat, h) => scene.toScreen(lon, lat, h),
  };
  Object.defineProperty(window, '__planlotse', { value: Object.freeze(hook), writable: false, configurable: false });
}
