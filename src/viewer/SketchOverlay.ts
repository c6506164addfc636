import { Cartesian3, Color, ConstantProperty, CustomDataSource, PolygonHierarchy, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import type { AppState, AppStore } from '../state';
import { findVariant } from '../state/scenarioSlice';
// The sketch tool measures screen distances to the corners at this same height.
import { SKETCH_MARKER_HEIGHT_M } from '../state/tools/sketchTool';

const SKETCH = Color.fromCssColorString('#d9480f');
const SELECTED = Color.fromCssColorString('#0b6bcb');
const SNAP_VERTEX = Color.fromCssColorString('#e6007e');
const SNAP_EDGE = Color.fromCssColorString('#00a3d9');


/** Id prefix of the corner handles of the selected proposed building (`scenario-vertex:<id>:<index>`). */
export const VERTEX_HANDLE = 'scenario-vertex';

const select = (s: AppState) => ({
  points: s.sketchPoints,
  selected: s.selectedProposedId ? findVariant(s, s.activeVariantId)?.buildings.find((b) => b.id === s.selectedProposedId) : undefined,
});

/**
 * Draws the footprint being sketched (corners, outline, fill) and the
 * selected proposed building's outline with its corner handles, which the
 * edit-vertex tool drags. Redrawn only when those change.
 */
export function syncSketchOverlay(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('scenario-sketch');
  void viewer.dataSources.add(ds);
  const draw = ({ points, selected }: ReturnType<typeof select>) => {
    ds.entities.removeAll();
    const pts = points.map((p) => Cartesian3.fromDegrees(p[0], p[1], SKETCH_MARKER_HEIGHT_M));
    for (const p of pts) {
      ds.entities.add({ position: p, point: { pixelSize: 10, color: Color.WHITE, outlineColor: SKETCH, outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY } });
    }
    if (pts.length >= 2) ds.entities.add({ polyline: { positions: pts.length >= 3 ? [...pts, pts[0]] : pts, width: 3, material: SKETCH, clampToGround: false } });
    if (pts.length >= 3) ds.entities.add({ polygon: { hierarchy: new ConstantProperty(new PolygonHierarchy(pts)), material: SKETCH.withAlpha(0.25), height: 0.2 } });
    if (selected) {
      const ring = selected.footprint.map((p) => Cartesian3.fromDegrees(p[0], p[1], 0.4));
      ds.entities.add({ polyline: { positions: ring, width: 4, material: SELECTED } });
      selected.footprint.slice(0, -1).forEach((p, i) =>
        ds.entities.add({
          id: `${VERTEX_HANDLE}:${selected.id}:${i}`,
          position: Cartesian3.fromDegrees(p[0], p[1], 0.4),
          point: { pixelSize: 12, color: SELECTED, outlineColor: Color.WHITE, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
        }),
      );
    }
    viewer.scene.requestRender();
  };
  const unsub = store.subscribe(select, draw, { equalityFn: shallow, fireImmediately: true });
  // The snap indicator: where the next corner goes, its colour and size saying what it snapped to, and a rubber band from the last corner.
  const hoverDs = new CustomDataSource('scenario-sketch-hover');
  void viewer.dataSources.add(hoverDs);
  const drawHover = ({ hover, last }: { hover: AppState['sketchHover']; last: [number, number] | undefined }) => {
    hoverDs.entities.removeAll();
    if (hover) {
      const p = Cartesian3.fromDegrees(hover.point[0], hover.point[1], SKETCH_MARKER_HEIGHT_M);
      const colour = hover.snapped === 'vertex' ? SNAP_VERTEX : hover.snapped === 'edge' ? SNAP_EDGE : Color.WHITE;
      hoverDs.entities.add({
        id: 'sketch-hover',
        position: p,
        point: { pixelSize: hover.snapped ? 14 : 8, color: colour.withAlpha(hover.snapped ? 0.9 : 0.6), outlineColor: SKETCH, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      });
      if (last) hoverDs.entities.add({ polyline: { positions: [Cartesian3.fromDegrees(last[0], last[1], SKETCH_MARKER_HEIGHT_M), p], width: 2, material: SKETCH.withAlpha(0.6) } });
    }
    viewer.scene.requestRender();
  };
  const unsubHover = store.subscribe((s) => ({ hover: s.tool === 'sketch' ? s.sketchHover : null, last: s.sketchPoints[s.sketchPoints.length - 1] }), drawHover, { equalityFn: shallow, fireImmediately: true });
  return () => {
    unsub();
    unsubHover();
    viewer.dataSources.remove(ds, true);
    viewer.dataSources.remove(hoverDs, true);
  };
}
