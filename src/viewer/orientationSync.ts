import { BoundingSphere, Cartesian2, Cartesian3, Ellipsoid, HeadingPitchRange, Math as CesiumMath, type Viewer } from 'cesium';
import type { AppStore, MapOrientation } from '../state';
import { TILT_STEP_DEG } from '../state/orientationSlice';

/** Distance of the scale bar's row above the canvas's bottom edge, CSS px (the bar is drawn there, see `ui/map`). */
export const SCALE_ROW_FROM_BOTTOM_PX = 60;
/** Half the span used to measure the ground scale, CSS px. */
const SPAN_PX = 50;
/** Steepest and flattest pitch the tilt buttons go to (a view parallel to the ground would show no ground). */
const PITCH_RANGE_DEG: [number, number] = [-90, -10];

/** Ground point under a window position (CSS px) on the ellipsoid, the offline ground. */
function groundAt(viewer: Viewer, x: number, y: number): Cartesian3 | undefined {
  return viewer.camera.pickEllipsoid(new Cartesian2(x, y), Ellipsoid.WGS84) ?? undefined;
}

/**
 * Heading, pitch and the ground scale of the current view: metres per CSS pixel measured between two ground points
 * 100 px apart on the scale bar's row (in a perspective view the scale changes with the row, not along it).
 */
export function readOrientation(viewer: Viewer): MapOrientation {
  const canvas = viewer.scene.canvas;
  const y = canvas.clientHeight - SCALE_ROW_FROM_BOTTOM_PX;
  const cx = canvas.clientWidth / 2;
  const a = groundAt(viewer, cx - SPAN_PX, y);
  const b = groundAt(viewer, cx + SPAN_PX, y);
  const c = viewer.camera;
  return {
    headingDeg: (CesiumMath.toDegrees(c.heading) + 360) % 360,
    pitchDeg: CesiumMath.toDegrees(c.pitch),
    metresPerPixel: a && b ? Cartesian3.distance(a, b) / (2 * SPAN_PX) : undefined,
  };
}

const changed = (a: MapOrientation | undefined, b: MapOrientation) =>
  !a ||
  Math.abs(a.headingDeg - b.headingDeg) > 0.5 ||
  Math.abs(a.pitchDeg - b.pitchDeg) > 0.5 ||
  (a.metresPerPixel === undefined) !== (b.metresPerPixel === undefined) ||
  (a.metresPerPixel !== undefined && b.metresPerPixel !== undefined && Math.abs(a.metresPerPixel / b.metresPerPixel - 1) > 0.005);

/**
 * Map controls both ways: after each rendered frame the view's heading, pitch and scale go to the store when they
 * changed noticeably (so the compass turns and the scale bar follows while the user drags); the controls' commands
 * (zoom, tilt, face north) turn the camera around the ground point in the middle of the view, keeping it in view.
 */
export function syncOrientation(viewer: Viewer, store: AppStore): () => void {
  const onFrame = () => {
    const o = readOrientation(viewer);
    if (changed(store.getState().orientation, o)) store.getState().orientationChanged(o);
  };
  viewer.scene.postRender.addEventListener(onFrame);
  let seq = store.getState().cameraCommand?.seq ?? 0;
  const unsub = store.subscribe(
    (s) => s.cameraCommand,
    (cmd) => {
      if (!cmd || cmd.seq === seq) return;
      seq = cmd.seq;
      const canvas = viewer.scene.canvas;
      const c = viewer.camera;
      const target = groundAt(viewer, canvas.clientWidth / 2, canvas.clientHeight / 2);
      // Looking above the horizon: turn around a point 500 m ahead instead.
      const centre = target ?? Cartesian3.add(c.positionWC, Cartesian3.multiplyByScalar(c.directionWC, 500, new Cartesian3()), new Cartesian3());
      const range = Cartesian3.distance(c.positionWC, centre);
      let heading = c.heading;
      let pitch = c.pitch;
      let r = range;
      if (cmd.kind === 'north') heading = 0;
      else if (cmd.kind === 'zoom') r = Math.max(viewer.scene.screenSpaceCameraController.minimumZoomDistance, range / cmd.factor);
      else {
        // A positive delta tilts more (towards the horizon), a negative one towards a top view.
        const deg = CesiumMath.toDegrees(pitch) + Math.sign(cmd.deltaDeg) * Math.min(Math.abs(cmd.deltaDeg), TILT_STEP_DEG * 4);
        pitch = CesiumMath.toRadians(Math.min(PITCH_RANGE_DEG[1], Math.max(PITCH_RANGE_DEG[0], deg)));
      }
      c.flyToBoundingSphere(new BoundingSphere(centre, 0), { offset: new HeadingPitchRange(heading, pitch, r), duration: 0.6 });
      viewer.scene.requestRender();
    },
  );
  return () => {
    viewer.scene.postRender.removeEventListener(onFrame);
    unsub();
  };
}
