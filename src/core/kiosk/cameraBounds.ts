import { LocalFrame } from '../crs/LocalFrame';
import type { KioskCameraBounds, KioskCameraView } from './KioskConfig';

/** One way a camera view breaks its bounds (see {@link cameraBoundsViolations}). */
export interface CameraBoundsViolation {
  field: 'position' | 'height' | 'pitch';
  message: string;
}

/** Slack for views that sit exactly on a bound after a WGS84 ⇄ metres round trip. */
const TOLERANCE_M = 0.5;
const TOLERANCE_DEG = 0.01;

/**
 * Keeps a kiosk camera inside the district: horizontal distance from the
 * centre at most `maxDistanceM` (moved back towards the centre along the
 * same bearing), height between `groundHeightM + minHeightM` and
 * `groundHeightM + maxHeightM` (never under the ground, never into space),
 * pitch between straight down (-90°) and `maxTiltDeg` away from it, heading
 * normalised to [0, 360). Distances are measured in a local metric frame
 * (EPSG:25832 around the centre), never in degrees. A position inside the
 * bounds is returned unchanged (no round-trip drift); non-finite values
 * (a broken camera) fall back to the centre, the highest height, straight
 * down and north.
 *
 * @example
 * const safe = clampCamera(cameraNow, config.cameraBounds);
 * if (safe !== cameraNow) flyTo(safe);
 */
export function clampCamera(view: KioskCameraView, bounds: KioskCameraBounds): KioskCameraView {
  let { lon, lat } = view;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) ({ lon, lat } = bounds.centre);
  const { frame, centre } = frameOf(bounds);
  const [x, y] = frame.toLocal([lon, lat]);
  const dx = x - centre[0], dy = y - centre[1];
  const distance = Math.hypot(dx, dy);
  if (distance > bounds.maxDistanceM) {
    const s = bounds.maxDistanceM / distance;
    [lon, lat] = frame.toWgs84([centre[0] + dx * s, centre[1] + dy * s]);
  }
  const minH = bounds.groundHeightM + bounds.minHeightM, maxH = bounds.groundHeightM + bounds.maxHeightM;
  const height = clamp(Number.isFinite(view.height) ? view.height : maxH, minH, maxH);
  const pitchDeg = clamp(Number.isFinite(view.pitchDeg) ? view.pitchDeg : -90, -90, bounds.maxTiltDeg - 90);
  const headingDeg = Number.isFinite(view.headingDeg) ? ((view.headingDeg % 360) + 360) % 360 : 0;
  if (lon === view.lon && lat === view.lat && height === view.height && pitchDeg === view.pitchDeg && headingDeg === view.headingDeg) return view;
  return { lon, lat, height, headingDeg, pitchDeg };
}

/**
 * The ways a view breaks its bounds, each with a message (empty when it is
 * inside). Used to check a kiosk.json's start view and story steps, which
 * must not need clamping.
 *
 * @example cameraBoundsViolations(config.startView, config.cameraBounds) // [{ field: 'height', message: '…' }]
 */
export function cameraBoundsViolations(view: KioskCameraView, bounds: KioskCameraBounds): CameraBoundsViolation[] {
  const out: CameraBoundsViolation[] = [];
  if (!Number.isFinite(view.lon) || !Number.isFinite(view.lat)) return [{ field: 'position', message: `lon/lat ${view.lon}/${view.lat} is not a position` }];
  const { frame, centre } = frameOf(bounds);
  const [x, y] = frame.toLocal([view.lon, view.lat]);
  const distance = Math.hypot(x - centre[0], y - centre[1]);
  if (!(distance <= bounds.maxDistanceM + TOLERANCE_M)) out.push({ field: 'position', message: `${fmt(distance)} m from the centre of cameraBounds, at most ${bounds.maxDistanceM} m` });
  const above = view.height - bounds.groundHeightM;
  if (!(above >= bounds.minHeightM - TOLERANCE_M && above <= bounds.maxHeightM + TOLERANCE_M)) {
    out.push({ field: 'height', message: `${fmt(above)} m above the ground, cameraBounds allow ${bounds.minHeightM}–${bounds.maxHeightM} m` });
  }
  if (!(view.pitchDeg >= -90 - TOLERANCE_DEG && view.pitchDeg <= bounds.maxTiltDeg - 90 + TOLERANCE_DEG)) {
    out.push({ field: 'pitch', message: `pitch ${view.pitchDeg}° is outside -90° … ${bounds.maxTiltDeg - 90}° (maxTiltDeg ${bounds.maxTiltDeg})` });
  }
  return out;
}

function frameOf(bounds: KioskCameraBounds): { frame: LocalFrame; centre: [number, number] } {
  const lonLat = [bounds.centre.lon, bounds.centre.lat];
  const frame = LocalFrame.around(lonLat);
  return { frame, centre: frame.toLocal(lonLat) as [number, number] };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(1) : String(v);
}
