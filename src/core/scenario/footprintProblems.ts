import { LocalFrame } from '../crs';
import { findSelfIntersection } from '../geometry/findSelfIntersection';
import { openRing } from '../geometry/openRing';
import type { XY } from '../geometry/ringCentroid';
import { signedRingArea as signedArea } from '../geometry/signedRingArea';

/** Largest footprint accepted, in vertices; a sketched building has a handful. */
export const MAX_FOOTPRINT_VERTICES = 2000;
/** Smallest footprint area accepted (m²). */
export const MIN_FOOTPRINT_AREA_M2 = 1;

/**
 * Problems of a WGS84 footprint ring as readable sentences (empty when valid).
 * Checks shape, coordinate ranges, closure, distinct vertices, area and
 * self-intersection — the last two in EPSG:25832 metres, not degrees.
 *
 * @example
 * footprintProblems([[10, 53], [10.001, 53], [10, 53.001], [10.001, 53.001], [10, 53]])
 * // → ['footprint is self-intersecting: edges 1 and 3 cross']
 */
export function footprintProblems(ring: unknown): string[] {
  if (!Array.isArray(ring)) return ['footprint is not an array of [lon, lat] positions'];
  if (ring.length < 4) return [`footprint has ${ring.length} positions; a closed ring needs at least 4 (3 corners + closing point)`];
  if (ring.length > MAX_FOOTPRINT_VERTICES + 1) return [`footprint has ${ring.length} positions; at most ${MAX_FOOTPRINT_VERTICES} are allowed`];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return [`footprint position ${i} is not a [lon, lat] pair of finite numbers`];
    }
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) return [`footprint position ${i} (${p[0]}, ${p[1]}) is outside WGS84 longitude/latitude range`];
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return ['footprint ring is not closed (first and last position differ)'];
  const frame = LocalFrame.around(first);
  const local = openRing(ring as number[][]).map((p) => frame.toLocal(p) as XY);
  const distinct = new Set(local.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`));
  if (distinct.size < 3) return ['footprint has fewer than 3 distinct corners'];
  const problems: string[] = [];
  for (let i = 0; i < local.length; i++) {
    const a = local[i];
    const b = local[(i + 1) % local.length];
    if (Math.hypot(b[0] - a[0], b[1] - a[1]) < 1e-3) problems.push(`footprint repeats corner ${i} (edge ${i} is shorter than 1 mm)`);
  }
  if (problems.length) return problems;
  const hit = findSelfIntersection(local, { touching: true });
  if (hit) return [`footprint is self-intersecting: edges ${hit.i} and ${hit.j} cross`];
  const area = Math.abs(signedArea(local));
  if (area < MIN_FOOTPRINT_AREA_M2) return [`footprint area is ${area.toFixed(2)} m²; at least ${MIN_FOOTPRINT_AREA_M2} m² is required`];
  return [];
}

/**
 * The ring with counter-clockwise orientation (RFC 7946 right-hand rule),
 * measured in metres. Input must be a closed, valid ring.
 */
export function orientFootprintCcw(ring: [number, number][]): [number, number][] {
  const frame = LocalFrame.around(ring[0]);
  const area = signedArea(openRing(ring).map((p) => frame.toLocal(p) as XY));
  return area >= 0 ? ring.map((p) => [p[0], p[1]]) : ring.map((p) => [p[0], p[1]] as [number, number]).reverse();
}
