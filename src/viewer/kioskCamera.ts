import { Cartesian3, CameraEventType, KeyboardEventModifier, Math as CesiumMath, type Viewer } from 'cesium';
import { clampCamera } from '../core/kiosk/cameraBounds';
import type { KioskCameraBounds } from '../core/kiosk/KioskConfig';
import { readCamera } from './cameraSync';

/**
 * Touch-first camera of the kiosk, kept inside the district. Cesium's
 * ScreenSpaceCameraController already maps touch the way the kiosk wants it
 * (one finger pans, pinch zooms, two fingers turning rotate, two fingers
 * moving up/down tilt); this turns off what a citizen should not reach
 * (free look, mouse-button combinations that only a mouse has) and limits
 * the zoom distance. Because the controller's own limits are relative to
 * the globe and not to the district, every frame the camera pose is also
 * checked with {@link clampCamera} (horizontal distance from the centre,
 * height above the ground, tilt) and put back when a gesture or inertia
 * carried it out. Returns a disposer.
 */
export function installKioskCamera(viewer: Viewer, bounds: KioskCameraBounds): () => void {
  const scene = viewer.scene;
  const ctrl = scene.screenSpaceCameraController;
  ctrl.enableLook = false;
  ctrl.enableCollisionDetection = true;
  ctrl.minimumZoomDistance = bounds.minHeightM;
  ctrl.maximumZoomDistance = bounds.maxHeightM;
  // Touch: PINCH covers zoom, twist (rotate) and two-finger tilt; one finger drags (pan).
  ctrl.translateEventTypes = [CameraEventType.LEFT_DRAG];
  ctrl.zoomEventTypes = [CameraEventType.WHEEL, CameraEventType.PINCH];
  ctrl.rotateEventTypes = [CameraEventType.LEFT_DRAG];
  ctrl.tiltEventTypes = [CameraEventType.PINCH, CameraEventType.RIGHT_DRAG, { eventType: CameraEventType.LEFT_DRAG, modifier: KeyboardEventModifier.CTRL }];
  const camera = viewer.camera;
  let last: { p: Cartesian3; h: number; t: number } | undefined;
  const clampNow = () => {
    const p = camera.positionWC;
    // Only when the pose changed since the last check: most frames of an idle kiosk cost nothing.
    if (last && Cartesian3.equals(last.p, p) && last.h === camera.heading && last.t === camera.pitch) return;
    const view = readCamera(viewer);
    const safe = clampCamera(view, bounds);
    if (safe !== view) {
      camera.setView({
        destination: Cartesian3.fromDegrees(safe.lon, safe.lat, safe.height),
        orientation: { heading: CesiumMath.toRadians(safe.headingDeg), pitch: CesiumMath.toRadians(safe.pitchDeg), roll: 0 },
      });
    }
    last = { p: Cartesian3.clone(camera.positionWC), h: camera.heading, t: camera.pitch };
  };
  scene.preRender.addEventListener(clampNow);
  return () => {
    scene.preRender.removeEventListener(clampNow);
  };
}
