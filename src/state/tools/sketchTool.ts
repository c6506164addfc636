import { snapPoint } from '../../core/scenario/snapPoint';
import { findVariant } from '../scenarioSlice';
import type { ToolHandler } from './ToolHandler';

/** Snap radius while sketching, metres (EPSG:25832). */
export const SKETCH_SNAP_M = 1.0;
/** A click this close (CSS px) to the first corner closes the ring. */
export const SKETCH_CLOSE_PX = 14;
/** Height of the sketch markers (the overlay draws them there), for screen distances. */
export const SKETCH_MARKER_HEIGHT_M = 0.3;

/**
 * `sketch`: each click/tap adds a footprint corner, snapped to corners/edges
 * of the variant's proposed buildings within 1 m; clicking the first corner
 * (within 14 px) or double-clicking closes the ring into a building. Nothing
 * else takes these clicks (no selection underneath).
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
    const p = pick.surface;
    if (!p) return;
    const rings = findVariant(s, s.activeVariantId)?.buildings.map((b) => b.footprint) ?? [];
    s.addSketchPoint(snapPoint([p[0], p[1]], rings, SKETCH_SNAP_M).point);
  },
  onDoubleClick(_pick, store) {
    const s = store.getState();
    if (s.sketchPoints.length >= 3) s.finishSketch();
  },
};
