import { LocalFrame } from '../../core/crs/LocalFrame';
import { SnapIndex, type SnapHit } from '../../core/geometry/SnapIndex';
import type { XY } from '../../core/geometry/ringCentroid';
import { openRing } from '../../core/geometry/openRing';
import type { AppState } from '../AppState';
import { findVariant } from '../scenarioSlice';
import type { SketchHover } from '../sketchSlice';
import type { Pick } from './Pick';
import type { ToolHandler } from './ToolHandler';

/** Snap radius when the view scale is unknown, metres (EPSG:25832). */
export const SKETCH_SNAP_M = 1.0;
/** Snap radius on screen, CSS px: converted to metres at the pointer, so snapping feels the same at every zoom. */
export const SKETCH_SNAP_PX = 10;
/** The metre radius stays within these bounds (a far-away view must not pull corners 30 m). */
export const SKETCH_SNAP_RANGE_M: readonly [number, number] = [0.2, 5];
/** A click this close (CSS px) to the first corner closes the ring. */
export const SKETCH_CLOSE_PX = 14;
/** Height of the sketch markers (the overlay draws them there), for screen distances. */
export const SKETCH_MARKER_HEIGHT_M = 0.3;

/** Snap radius in metres at a ground point: {@link SKETCH_SNAP_PX} over the screen size of one metre there. */
function toleranceM(pick: Pick, p: [number, number], frame: LocalFrame): number {
  const q = frame.toLocal(p);
  const a = pick.project(p[0], p[1], 0);
  const e = frame.toWgs84([q[0] + 1, q[1]]);
  const b = pick.project(e[0], e[1], 0);
  if (!a || !b) return SKETCH_SNAP_M;
  const pxPerM = Math.hypot(b.x - a.x, b.y - a.y);
  if (!(pxPerM > 0)) return SKETCH_SNAP_M;
  return Math.min(SKETCH_SNAP_RANGE_M[1], Math.max(SKETCH_SNAP_RANGE_M[0], SKETCH_SNAP_PX / pxPerM));
}

/**
 * Where a click would put the next corner: the ground point under the
 * pointer (never a façade or roof: a corner clicked on a wall lands on the
 * ground behind it), snapped to the nearest vertex, else edge, of the
 * dataset's snap targets (buildings, Baugrenzen/Baulinien, parcels) and the
 * variant's proposed buildings, unless snapping is off or Alt is held.
 */
export function sketchPointAt(pick: Pick, s: AppState): SketchHover | undefined {
  const g = pick.ground;
  if (!g) return undefined;
  const p: [number, number] = [g[0], g[1]];
  if (!s.sketchSnapOn || pick.altKey) return { point: p, snapped: null };
  const t = s.sketchSnapTargets;
  const frame = t?.frame ?? LocalFrame.around(p);
  const tol = toleranceM(pick, p, frame);
  const q = frame.toLocal(p) as XY;
  const proposed = findVariant(s, s.activeVariantId)?.buildings ?? [];
  const own = proposed.length
    ? SnapIndex.build(proposed.map((b) => ({ coords: openRing(b.footprint).map((c) => frame.toLocal(c) as XY), closed: true, source: 'proposed' as const })))
    : null;
  const hits = [t?.index.snap(q, tol), own?.snap(q, tol)].filter((h): h is SnapHit => !!h);
  // A vertex beats an edge; then the nearer one.
  hits.sort((a, b) => (a.kind === b.kind ? a.distanceM - b.distanceM : a.kind === 'vertex' ? -1 : 1));
  const h = hits[0];
  return h ? { point: frame.toWgs84(h.xy) as [number, number], snapped: h.kind, source: h.source } : { point: p, snapped: null };
}

/**
 * `sketch`: each click/tap adds a footprint corner on the ground, snapped
 * (see {@link sketchPointAt}); pointer moves show where it would go (the snap
 * indicator); clicking the first corner (within 14 px) or double-clicking
 * closes the ring into a building. Nothing else takes these clicks: no
 * selection, no feature card underneath.
 */
export const sketchTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    const s = store.getState();
    const pts = s.sketchPoints;
    if (pts.length >= 3) {
      const first = pick.project(pts[0][0], pts[0][1], SKETCH_MARKER_HEIGHT_M);
      if (first && Math.hypot(first.x - pick.screen.x, first.y - pick.screen.y) <= SKETCH_CLOSE_PX) {
        s.finishSketch();
        return;
      }
    }
    const h = sketchPointAt(pick, s);
    if (h) s.addSketchPoint(h.point);
  },
  onDoubleClick(_pick, store) {
    const s = store.getState();
    if (s.sketchPoints.length >= 3) s.finishSketch();
  },
  onMove(pick, store) {
    const s = store.getState();
    const h = sketchPointAt(pick, s) ?? null;
    const prev = s.sketchHover;
    const same = prev && h ? prev.point[0] === h.point[0] && prev.point[1] === h.point[1] && prev.snapped === h.snapped : prev === h;
    if (!same) s.setSketchHover(h);
  },
};
