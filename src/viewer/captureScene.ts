import type { Viewer } from 'cesium';

/**
 * The 3D scene as it is now, as a PNG data URL: rendered once and read back in
 * the same task (the WebGL drawing buffer is only valid until the next
 * composite, so no `preserveDrawingBuffer` is needed).
 */
export function captureScene(viewer: Viewer): string {
  viewer.scene.render();
  return viewer.scene.canvas.toDataURL('image/png');
}
