import { wgs84ToUtm32 } from '../crs';
import { signedRingArea } from '../geometry/signedRingArea';

/** A picked point: WGS84 longitude/latitude in degrees and height in metres above the ellipsoid. */
export type GeoPoint = [lonDeg: number, latDeg: number, heightM: number];

/**
 * Horizontal length of a polyline in EPSG:25832 metres (UTM grid distance,
 * not degrees), and its length along the slope including height changes.
 *
 * @example measureDistance([[10, 53.5, 0], [10.001, 53.5, 0]]).horizontalM // ≈ 66.3
 */
export function measureDistance(points: readonly GeoPoint[]): { horizontalM: number; slopeM: number } {
  let horizontalM = 0;
  let slopeM = 0;
  const xy = points.map((p) => wgs84ToUtm32(p));
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1]);
    horizontalM += d;
    slopeM += Math.hypot(d, points[i][2] - points[i - 1][2]);
  }
  return { horizontalM, slopeM };
}

/**
 * Planar area (m²) and perimeter (m) of the polygon through the points,
 * projected to EPSG:25832. The ring is closed implicitly; the orientation
 * does not matter. Heights are ignored (a plan area is a map area).
 * Coordinates are shifted to the first vertex before the shoelace sum so
 * that large eastings/northings do not cost precision.
 *
 * @example measureArea([[10, 53.5, 0], [10.001, 53.5, 0], [10.001, 53.501, 0]]).areaM2
 */
export function measureArea(points: readonly GeoPoint[]): { areaM2: number; perimeterM: number } {
  if (points.length < 3) return { areaM2: 0, perimeterM: points.length === 2 ? 2 * measureDistance(points).horizontalM : 0 };
  const xy = points.map((p) => wgs84ToUtm32(p));
  let perimeterM = 0;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i];
    const b = xy[(i + 1) % xy.length];
    perimeterM += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return { areaM2: Math.abs(signedRingArea(xy)), perimeterM };
}

/**
 * Height difference between two picked points (second minus first), plus
 * the horizontal distance between them in EPSG:25832 metres.
 *
 * @example measureHeight([10, 53.5, 2], [10, 53.5, 14.5]).deltaM // 12.5
 */
export function measureHeight(a: GeoPoint, b: GeoPoint): { deltaM: number; horizontalM: number } {
  return { deltaM: b[2] - a[2], horizontalM: measureDistance([a, b]).horizontalM };
}
