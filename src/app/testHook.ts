import type { AppState, CameraView } from '../state';
import type { SceneHandle } from '../viewer/mountScene';

/** Read-only hook for the browser tests (`window.__planlotse`). */
export interface PlanlotseTestHook {
  getState(): AppState;
  /** Resolves when the viewer exists and the catalog is loaded (rejects on catalog errors). */
  ready: Promise<void>;
  /** Resolves when globe tiles, layers and pending renders are done. */
  settled(timeoutMs?: number): Promise<void>;
  frames(): number;
  camera(): CameraView;
  toScreen(lon: number, lat: number, height?: number): { x: number; y: number } | undefined;
}

declare global {
  interface Window {
    __planlotse?: PlanlotseTestHook;
  }
}

export function installTestHook(getState: () => AppState, ready: Promise<void>, scene: SceneHandle): void {
  const hook: PlanlotseTestHook = {
    getState,
    ready,
    settled: (t) => scene.settled(t),
    frames: () => scene.frames(),
    camera: () => scene.camera(),
    toScreen: (lon, lat, h) => scene.toScreen(lon, lat, h),
  };
  Object.defineProperty(window, '__planlotse', { value: Object.freeze(hook), writable: false, configurable: false });
}
