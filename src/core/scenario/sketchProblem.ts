import { LocalFrame } from '../crs/LocalFrame';
import { findSelfIntersection } from '../geometry/findSelfIntersection';
import type { XY } from '../geometry/ringCentroid';
import { signedRingArea } from '../geometry/signedRingArea';
import type { Message } from '../i18n/Message';
import { MIN_FOOTPRINT_AREA_M2 } from './footprintProblems';

/** A footprint narrower than this on average (area ÷ longest side, metres) is a sliver, not a building. */
export const MIN_FOOTPRINT_WIDTH_M = 1;

/**
 * Why the corners sketched so far cannot be closed into a footprint, as a
 * message code the panel translates (null when they can): fewer than 3
 * corners, edges that cross, an area under 1 m², or a sliver under 1 m wide
 * (corners clicked along one wall). Measured in EPSG:25832 metres.
 *
 * @example sketchProblem([[10, 53], [10.0001, 53]]) // → { code: 'scenario.tooFewCorners', params: { count: 2 } }
 */
export function sketchProblem(points: readonly (readonly [number, number])[]): Message | null {
  if (points.length < 3) return { code: 'scenario.tooFewCorners', params: { count: points.length } };
  const frame = LocalFrame.around(points[0]);
  const local = points.map((p) => frame.toLocal(p) as XY);
  const hit = findSelfIntersection(local, { touching: true });
  if (hit) return { code: 'scenario.sketchCrossing', params: { a: hit.i + 1, b: hit.j + 1 } };
  const area = Math.abs(signedRingArea(local));
  if (area < MIN_FOOTPRINT_AREA_M2) return { code: 'scenario.sketchTooSmall', params: { area: round(area, 2), min: MIN_FOOTPRINT_AREA_M2 } };
  let longest = 0;
  for (let i = 0; i < local.length; i++) {
    const a = local[i], b = local[(i + 1) % local.length];
    longest = Math.max(longest, Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  const width = area / longest;
  if (width < MIN_FOOTPRINT_WIDTH_M) return { code: 'scenario.sketchSliver', params: { width: round(width, 2), min: MIN_FOOTPRINT_WIDTH_M } };
  return null;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
