import type { LocalFrame } from '../crs';

const A = 6378137;
const E2 = 6.69437999014e-3;

/**
 * Linear map from a {@link LocalFrame}'s UTM metres to east/north metres of
 * the local tangent plane at `originLonLat`, where 3D models are placed in a
 * globe. It removes UTM grid convergence (up to ~2° in Germany) and scale
 * (0.9996…1.0004), which would otherwise turn and stretch a model by
 * decimetres. Linearised at the origin: error < 1 mm within a few hundred metres.
 *
 * @example
 * const toEnu = localToEnu(frame, [9.99, 53.55]);
 * const [e, n] = toEnu(frame.toLocal([9.991, 53.551]));
 */
export function localToEnu(frame: LocalFrame, originLonLat: readonly [number, number]): (xy: ArrayLike<number>) => [number, number] {
  const o = frame.toLocal(originLonLat);
  const lat0 = (originLonLat[1] * Math.PI) / 180;
  const sin = Math.sin(lat0);
  const w = Math.sqrt(1 - E2 * sin * sin);
  const nRadius = A / w; // prime vertical
  const mRadius = (A * (1 - E2)) / (w * w * w); // meridian
  const degToE = (Math.PI / 180) * nRadius * Math.cos(lat0);
  const degToN = (Math.PI / 180) * mRadius;
  const enuOf = (xy: [number, number]): [number, number] => {
    const [lon, lat] = frame.toWgs84(xy);
    return [(lon - originLonLat[0]) * degToE, (lat - originLonLat[1]) * degToN];
  };
  // Jacobian by central differences over ±50 m (exact for a linear map; UTM is near-linear at this scale).
  const h = 50;
  const ex = enuOf([o[0] + h, o[1]]);
  const wx = enuOf([o[0] - h, o[1]]);
  const ny = enuOf([o[0], o[1] + h]);
  const sy = enuOf([o[0], o[1] - h]);
  const j00 = (ex[0] - wx[0]) / (2 * h);
  const j10 = (ex[1] - wx[1]) / (2 * h);
  const j01 = (ny[0] - sy[0]) / (2 * h);
  const j11 = (ny[1] - sy[1]) / (2 * h);
  return (xy) => {
    const dx = xy[0] - o[0];
    const dy = xy[1] - o[1];
    return [j00 * dx + j01 * dy, j10 * dx + j11 * dy];
  };
}
