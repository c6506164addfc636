import { Cartesian3, Color, ConstantProperty, CustomDataSource, PolygonHierarchy, type Viewer } from 'cesium';
import type { AppState, AppStore } from '../state';

const LINE = Color.fromCssColorString('#0b6bcb');

/** Draws the measurement points, line and polygon of the store. */
export function syncMeasure(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('measure');
  void viewer.dataSources.add(ds);
  let prevPts: AppState['measurePoints'] | undefined;
  let prevMode: AppState['measureMode'] | undefined;
  const apply = (s: AppState) => {
    if (s.measurePoints === prevPts && s.measureMode === prevMode) return;
    prevPts = s.measurePoints;
    prevMode = s.measureMode;
    ds.entities.removeAll();
    const pos = s.measurePoints.map((p) => Cartesian3.fromDegrees(p[0], p[1], p[2]));
    for (const p of pos) {
      ds.entities.add({
        position: p,
        point: { pixelSize: 9, color: Color.WHITE, outlineColor: LINE, outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      });
    }
    if (pos.length >= 2) {
      const line = s.measureMode === 'area' ? [...pos, pos[0]] : pos;
      ds.entities.add({ polyline: { positions: line, width: 3, material: LINE, depthFailMaterial: LINE.withAlpha(0.5) } });
    }
    if (s.measureMode === 'area' && pos.length >= 3) {
      ds.entities.add({
        polygon: { hierarchy: new ConstantProperty(new PolygonHierarchy(pos)), perPositionHeight: true, material: LINE.withAlpha(0.25) },
      });
    }
    viewer.scene.requestRender();
  };
  apply(store.getState());
  const unsub = store.subscribe(apply);
  return () => {
    unsub();
    viewer.dataSources.remove(ds, true);
  };
}
