import { Cartesian3, Color, ConstantProperty, CustomDataSource, PolygonHierarchy, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import { measureModeOf, type AppState, type AppStore } from '../state';

const LINE = Color.fromCssColorString('#0b6bcb');

/** Draws the measurement points, line and polygon of the store. */
export function syncMeasure(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('measure');
  void viewer.dataSources.add(ds);
  const select = (s: AppState) => ({ points: s.measurePoints, mode: measureModeOf(s.tool) });
  const apply = (s: ReturnType<typeof select>) => {
    ds.entities.removeAll();
    const pos = s.points.map((p) => Cartesian3.fromDegrees(p[0], p[1], p[2]));
    for (const p of pos) {
      ds.entities.add({
        position: p,
        point: { pixelSize: 9, color: Color.WHITE, outlineColor: LINE, outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      });
    }
    if (pos.length >= 2) {
      const line = s.mode === 'area' ? [...pos, pos[0]] : pos;
      ds.entities.add({ polyline: { positions: line, width: 3, material: LINE, depthFailMaterial: LINE.withAlpha(0.5) } });
    }
    if (s.mode === 'area' && pos.length >= 3) {
      ds.entities.add({
        polygon: { hierarchy: new ConstantProperty(new PolygonHierarchy(pos)), perPositionHeight: true, material: LINE.withAlpha(0.25) },
      });
    }
    viewer.scene.requestRender();
  };
  const unsub = store.subscribe(select, apply, { equalityFn: shallow, fireImmediately: true });
  return () => {
    unsub();
    viewer.dataSources.remove(ds, true);
  };
}
