import type { ReportSceneView } from '../core/report/reportSceneViews';
import type { AppStore } from '../state';

export interface CaptureReportViewsOptions {
  /** Put the user's camera, time and shadows back afterwards (default true). */
  restore?: boolean;
}

/**
 * Captures the report's scene images: for each fixed view, the camera jumps
 * there, the scene time is set and shadows are on; `capture` waits until the
 * scene has settled (tiles, layers and shadow map drawn) and reads the canvas
 * as a PNG data URL (`viewer/captureScene.captureSettledScene`). Afterwards the
 * user's camera, time and shadow setting come back, unless `restore` is false:
 * the CLI closes the page right after, and drawing the user's view once more
 * would cost a full-size software frame (≈ 1.7 s) that delays its PDF. The
 * browser's report builder and the CLI (through the app's hook, in headless
 * Chromium) both call this, so their images agree.
 */
export async function captureReportViews(store: AppStore, capture: () => Promise<string>, views: readonly ReportSceneView[], o: CaptureReportViewsOptions = {}): Promise<string[]> {
  const before = store.getState();
  const keep = { camera: before.camera, timeMs: before.timeMs, shadows: before.shadows };
  const out: string[] = [];
  try {
    for (const v of views) {
      const s = store.getState();
      s.setShadows(true);
      s.setTime(Date.parse(v.time));
      s.flyTo(v.camera, true);
      out.push(await capture());
    }
  } finally {
    if (o.restore !== false) {
      const s = store.getState();
      s.setShadows(keep.shadows);
      s.setTime(keep.timeMs);
      if (keep.camera) s.flyTo(keep.camera, true);
    }
  }
  return out;
}
