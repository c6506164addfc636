import { Cartesian3, Math as CesiumMath, type Viewer } from 'cesium';
import type { AppStore, CameraView } from '../state';

/** The camera pose in the units of the store (degrees, metres). */
export function readCamera(viewer: Viewer): CameraView {
  const c = viewer.camera;
  const carto = c.positionCartographic;
  return {
    lon: CesiumMath.toDegrees(carto.longitude),
    lat: CesiumMath.toDegrees(carto.latitude),
    height: carto.height,
    headingDeg: CesiumMath.toDegrees(c.heading),
    pitchDeg: CesiumMath.toDegrees(c.pitch),
  };
}

/**
 * Camera both ways: requests from the store (viewpoints, home, URL restore)
 * move the camera; the camera reports its pose back when it stops moving.
 */
export function syncCamera(viewer: Viewer, store: AppStore): () => void {
  let seq = 0;
  const apply = () => {
    const req = store.getState().cameraRequest;
    if (!req || req.seq === seq) return;
    seq = req.seq;
    const v = req.view;
    const destination = Cartesian3.fromDegrees(v.lon, v.lat, v.height);
    const orientation = { heading: CesiumMath.toRadians(v.headingDeg), pitch: CesiumMath.toRadians(v.pitchDeg), roll: 0 };
    if (req.instant) {
      viewer.camera.setView({ destination, orientation });
      store.getState().cameraChanged(readCamera(viewer));
    } else {
      viewer.camera.flyTo({ destination, orientation, duration: 1.2 });
    }
    viewer.scene.requestRender();
  };
  const unsub = store.subscribe((s) => s.cameraRequest, apply, { fireImmediately: true });
  const onMoveEnd = () => store.getState().cameraChanged(readCamera(viewer));
  viewer.camera.moveEnd.addEventListener(onMoveEnd);
  return () => {
    unsub();
    viewer.camera.moveEnd.removeEventListener(onMoveEnd);
  };
}
