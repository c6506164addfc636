import type { Viewer } from 'cesium';
import { SceneNotSettledError } from './SceneNotSettledError';

/**
 * The 3D scene as it is now, as a PNG data URL: rendered once and read back
 * in the same task. Rendered at the scene time: `scene.render()` without a
 * time draws the sun of the wall clock (at night every building in shadow).
 */
export function captureScene(viewer: Viewer): string {
  viewer.scene.render(viewer.clock.currentTime);
  return viewer.scene.canvas.toDataURL('image/png');
}

/** Drawing-buffer scale while a capture waits for tiles and layers (Cesium's lowest sensible one). */
const LOADING_SCALE = 0.25;

/**
 * Waits until the scene has settled, then captures it at full resolution.
 * Loading the tiles and layers of a new view takes dozens of frames, and on a
 * software renderer (the CLI's headless Chromium, a kiosk PC without a GPU)
 * each full-size frame with shadows costs a second or more; so the scene
 * settles at a quarter of the drawing buffer and only the captured frame is
 * drawn at full size, and without multisampling (a third less per frame) that
 * the captured frame has again. Which tiles load does not change: Cesium measures the
 * screen-space error in CSS pixels (divided by the pixel ratio, which includes
 * `resolutionScale`). When the wait times out with the 3D layers drawn and the
 * camera still, only far globe tiles are missing (their parents stand in) and
 * the view is captured as drawn; otherwise the timeout is thrown.
 */
export async function captureSettledScene(viewer: Viewer, settled: (timeoutMs: number) => Promise<void>, timeoutMs: number): Promise<string> {
  const scene = viewer.scene;
  const scale = viewer.resolutionScale;
  const msaa = scene.msaaSamples;
  viewer.resolutionScale = Math.min(scale, LOADING_SCALE);
  scene.msaaSamples = 1;
  try {
    await settled(timeoutMs).catch((e: unknown) => {
      if (!(e instanceof SceneNotSettledError && e.layersSettled && !e.cameraMoving)) throw e;
    });
  } finally {
    viewer.resolutionScale = scale;
    scene.msaaSamples = msaa;
  }
  // The drawing buffer takes its full size in the widget's resize, which the render loop would only do on its next frame.
  viewer.resize();
  return captureScene(viewer);
}
