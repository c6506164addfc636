/** A camera pose as the view slice takes it (degrees, metres above the ellipsoid). */
export interface BboxView {
  lon: number;
  lat: number;
  height: number;
  headingDeg: number;
  pitchDeg: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/**
 * A camera pose that shows a feature's extent: looking north at the box's
 * centre from the south, pitched down 45°, from a distance that fits the
 * box's larger side in a 60° view (at least 120 m, so a tree or a point is
 * seen with its surroundings). `groundM` is the ground height at the feature.
 *
 * @example viewOfBbox([9.99, 53.54, 10.0, 53.55])
 */
export function viewOfBbox(bbox: readonly [number, number, number, number], groundM = 0): BboxView {
  const [w, s, e, n] = bbox;
  const lat = (s + n) / 2;
  const lon = (w + e) / 2;
  const rad = Math.PI / 180;
  const widthM = (e - w) * rad * EARTH_RADIUS_M * Math.cos(lat * rad);
  const depthM = (n - s) * rad * EARTH_RADIUS_M;
  // Half the larger side over tan(30°), plus a margin.
  const distance = Math.max(120, (1.4 * Math.max(widthM, depthM)) / 2 / Math.tan(30 * rad));
  const pitch = -45;
  const back = distance * Math.cos(-pitch * rad);
  return {
    lon,
    lat: lat - back / (rad * EARTH_RADIUS_M),
    height: groundM + distance * Math.sin(-pitch * rad),
    headingDeg: 0,
    pitchDeg: pitch,
  };
}
