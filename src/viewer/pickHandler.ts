import {
  Cartographic,
  Cesium3DTileFeature,
  Entity,
  Math as CesiumMath,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Cartesian2,
  type Cartesian3,
  type Viewer,
} from 'cesium';
import type { GeoPoint } from '../core/measure/measureGeometry';
import type { AppStore } from '../state';
import { GeoJsonLayer } from './layers/GeoJsonLayer';
import { TilesetLayer } from './layers/TilesetLayer';
import { featureProperties } from './layers/TilesetLayer';
import type { LayersSync } from './layersSync';

/**
 * The surface point under a screen position: on a 3D Tiles feature the depth
 * buffer position (roofs, walls), elsewhere the exact ray/globe
 * intersection (depth-buffer positions on drapes are too coarse for areas).
 */
export function pickSurface(viewer: Viewer, pos: Cartesian2): GeoPoint | undefined {
  const scene = viewer.scene;
  let cart: Cartesian3 | undefined;
  const picked = scene.pick(pos);
  if (picked instanceof Cesium3DTileFeature && scene.pickPositionSupported) cart = scene.pickPosition(pos);
  if (!cart) {
    const ray = viewer.camera.getPickRay(pos);
    cart = ray ? scene.globe.pick(ray, scene) : undefined;
  }
  if (!cart) cart = viewer.camera.pickEllipsoid(pos, scene.globe.ellipsoid);
  if (!cart) return undefined;
  const c = Cartographic.fromCartesian(cart);
  return [CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude), c.height];
}

/**
 * Click/tap: in a measuring mode it adds a point; otherwise it selects the
 * feature under the pointer (or clears the selection on empty ground).
 */
export function installPickHandler(viewer: Viewer, store: AppStore, layers: LayersSync): () => void {
  const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
  handler.setInputAction((ev: { position: Cartesian2 }) => {
    const s = store.getState();
    if (s.measureMode !== 'none') {
      const p = pickSurface(viewer, ev.position);
      if (p) s.addMeasurePoint(p);
      return;
    }
    const picked = viewer.scene.pick(ev.position);
    if (picked instanceof Cesium3DTileFeature) {
      for (const l of layers.layers.values()) {
        if (l instanceof TilesetLayer && l.owns(picked)) {
          s.select({ layerId: l.def.id, featureId: l.featureIdOf(picked), properties: featureProperties(picked) });
          return;
        }
      }
    }
    const entity = picked?.id;
    if (entity instanceof Entity) {
      for (const l of layers.layers.values()) {
        if (l instanceof GeoJsonLayer && l.owns(entity)) {
          const fid = l.featureIdOf(entity)!;
          s.select({ layerId: l.def.id, featureId: fid, properties: l.findFeature(fid) });
          return;
        }
      }
    }
    s.select(undefined);
  }, ScreenSpaceEventType.LEFT_CLICK);
  return () => handler.destroy();
}
