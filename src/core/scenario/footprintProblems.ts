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
 * Largest side of a footprint's extent accepted (m). The largest buildings
 * are a few hundred metres long; a footprint kilometres wide is a typo in a
 * coordinate (e.g. latitude −1 instead of 53.1), not a design.
 */
export const MAX_FOOTPRINT_SIZE_M = 1000;

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
  const size = extentM(ring as number[][]);
  if (Math.max(size.widthM, size.heightM) > MAX_FOOTPRINT_SIZE_M)
    return [`footprint spans ${fmtM(size.widthM)} × ${fmtM(size.heightM)} (position ${size.farthest} is farthest from position 0); at most ${fmtM(MAX_FOOTPRINT_SIZE_M)} across`];
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

/** Great-circle distance between two WGS84 positions, metres (haversine, mean Earth radius): good to 0.5 % for limit checks. */
export function distanceM(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad, dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** East–west and north–south extent of positions in metres, and the position farthest from the first. */
function extentM(ring: number[][]): { widthM: number; heightM: number; farthest: number } {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity, farthest = 0, far = -1;
  ring.forEach((p, i) => {
    minLon = Math.min(minLon, p[0]);
    maxLon = Math.max(maxLon, p[0]);
    minLat = Math.min(minLat, p[1]);
    maxLat = Math.max(maxLat, p[1]);
    const d = distanceM(ring[0], p);
    if (d > far) [far, farthest] = [d, i];
  });
  const midLat = (minLat + maxLat) / 2;
  return { widthM: distanceM([minLon, midLat], [maxLon, midLat]), heightM: distanceM([0, minLat], [0, maxLat]), farthest };
}

/** "850 m" or "6,060 km". */
export function fmtM(m: number): string {
  return m < 10_000 ? `${Math.round(m)} m` : `${Math.round(m / 1000).toLocaleString('en-US')} km`;
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
