import { LocalFrame } from '../crs';
import { openRing } from '../geometry/openRing';
import type { XY } from '../geometry/ringCentroid';

/**
 * Snaps a WGS84 point to the nearest corner (preferred) or edge of the given
 * footprints when within `toleranceM` metres (EPSG:25832); otherwise returns
 * it unchanged. Used while sketching so new buildings line up with old ones.
 *
 * @example
 * snapPoint([9.99371, 53.5511], [neighbour.footprint], 1) // → a corner of neighbour, if ≤ 1 m away
 */
export function snapPoint(p: [number, number], rings: readonly (readonly [number, number][])[], toleranceM: number): { point: [number, number]; snapped: 'vertex' | 'edge' | null } {
  if (!rings.length) return { point: p, snapped: null };
  const frame = LocalFrame.around(p);
  const q = frame.toLocal(p);
  let best: { d: number; xy: XY; kind: 'vertex' | 'edge' } | null = null;
  for (const ring of rings) {
    const local = openRing(ring).map((v) => frame.toLocal(v) as XY);
    for (const v of local) {
      const d = Math.hypot(v[0] - q[0], v[1] - q[1]);
      if (d <= toleranceM && (!best || best.kind !== 'vertex' || d < best.d)) best = { d, xy: v, kind: 'vertex' };
    }
    if (best?.kind === 'vertex') continue;
    for (let i = 0; i < local.length; i++) {
      const a = local[i];
      const b = local[(i + 1) % local.length];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      const xy: XY = [a[0] + t * dx, a[1] + t * dy];
      const d = Math.hypot(xy[0] - q[0], xy[1] - q[1]);
      if (d <= toleranceM && (!best || (best.kind === 'edge' && d < best.d))) best = { d, xy, kind: 'edge' };
    }
  }
  return best ? { point: frame.toWgs84(best.xy), snapped: best.kind } : { point: p, snapped: null };
}
