import type { ReportSceneView } from '../core/report/reportSceneViews';
import type { AppStore } from '../state';

/**
 * Captures the report's scene images: for each fixed view, the camera jumps
 * there, the scene time is set and shadows are on; once the scene has settled
 * (tiles, layers and shadow map drawn) the canvas is read as a PNG data URL.
 * Afterwards the user's camera, time and shadow setting come back. The CLI
 * opens the same views through the app's link parameters (`cam`, `t`, `sh`).
 */
export async function captureReportViews(store: AppStore, scene: { settled(timeoutMs?: number): Promise<void> }, views: readonly ReportSceneView[], capture: () => string): Promise<string[]> {
  const before = store.getState();
  const keep = { camera: before.camera, timeMs: before.timeMs, shadows: before.shadows };
  const out: string[] = [];
  try {
    for (const v of views) {
      const s = store.getState();
      s.setShadows(true);
      s.setTime(Date.parse(v.time));
      s.flyTo(v.camera, true);
      await scene.settled(120_000);
      out.push(capture());
    }
  } finally {
    const s = store.getState();
    s.setShadows(keep.shadows);
    s.setTime(keep.timeMs);
    if (keep.camera) s.flyTo(keep.camera, true);
  }
  return out;
}
