import { Cartesian3, Color, ConstantProperty, CustomDataSource, PolygonHierarchy, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import type { AppState, AppStore } from '../state';
import { findVariant } from '../state/scenarioSlice';
// The sketch tool measures screen distances to the corners at this same height.
import { SKETCH_MARKER_HEIGHT_M } from '../state/tools/sketchTool';

const SKETCH = Color.fromCssColorString('#d9480f');
const SELECTED = Color.fromCssColorString('#0b6bcb');


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
  return () => {
    unsub();
    viewer.dataSources.remove(ds, true);
  };
}
