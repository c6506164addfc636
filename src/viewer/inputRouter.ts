import { Cartesian2, Cartesian3, Cartographic, Cesium3DTileFeature, Entity, Math as CesiumMath, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import type { GeoPoint } from '../core/measure/measureGeometry';
import type { AppStore } from '../state';
import type { Pick, PickedLayerFeature } from '../state/tools/Pick';
import { TOOL_HANDLERS } from '../state/tools/toolHandlers';
import type { ToolHandler } from '../state/tools/ToolHandler';
import type { LayersSync } from './layersSync';
import { TilesetLayer } from './layers/TilesetLayer';
import { VERTEX_HANDLE } from './SketchOverlay';

const toGeo = (c: Cartesian3): GeoPoint => {
  const g = Cartographic.fromCartesian(c);
  return [CesiumMath.toDegrees(g.longitude), CesiumMath.toDegrees(g.latitude), g.height];
};

/**
 * The ground point under a canvas position: the exact ray/globe intersection
 * (depth-buffer positions on drapes are too coarse for areas), else the ellipsoid.
 */
function groundAt(viewer: Viewer, pos: Cartesian2): GeoPoint | undefined {
  const ray = viewer.camera.getPickRay(pos);
  const c = (ray && viewer.scene.globe.pick(ray, viewer.scene)) ?? viewer.camera.pickEllipsoid(pos, viewer.scene.globe.ellipsoid);
  return c ? toGeo(c) : undefined;
}

/**
 * A {@link Pick} over the scene at one canvas position. Each part is computed
 * on first read and kept: `scene.pick` runs at most once per event, and not
 * at all for a tool that only reads the ground.
 */
function scenePick(viewer: Viewer, layers: LayersSync, pos: Cartesian2, altKey = false): Pick {
  const scene = viewer.scene;
  let picked: { value: unknown } | undefined;
  const raw = () => (picked ??= { value: scene.pick(pos) }).value;
  const memo = <T,>(f: () => T) => {
    let v: { value: T } | undefined;
    return () => (v ??= { value: f() }).value;
  };
  const feature = memo<PickedLayerFeature | undefined>(() => layers.featureAt(raw()));
  const ground = memo(() => groundAt(viewer, pos));
  const surface = memo<GeoPoint | undefined>(() => {
    // On a city-model building: the depth-buffer point (roofs, walls).
    if (raw() instanceof Cesium3DTileFeature && scene.pickPositionSupported) {
      const c = scene.pickPosition(pos);
      if (c) return toGeo(c);
    }
    return ground();
  });
  const onCityModel = memo(() => {
    const f = feature();
    return !!f && layers.layers.get(f.layerId) instanceof TilesetLayer;
  });
  const proposedId = memo(() => ((raw() as { id?: { proposedBuildingId?: string } } | undefined)?.id?.proposedBuildingId));
  const vertex = memo(() => {
    const id = (raw() as { id?: unknown } | undefined)?.id;
    const m = id instanceof Entity ? new RegExp(`^${VERTEX_HANDLE}:(.+):(\\d+)$`).exec(String(id.id)) : null;
    return m ? { buildingId: m[1], index: Number(m[2]) } : undefined;
  });
  return {
    screen: { x: pos.x, y: pos.y },
    altKey,
    get feature() {
      return feature();
    },
    get onCityModel() {
      return onCityModel();
    },
    get surface() {
      return surface();
    },
    get ground() {
      return ground();
    },
    get proposedId() {
      return proposedId();
    },
    get vertex() {
      return vertex();
    },
    project: (lon, lat, h) => {
      const c = scene.cartesianToCanvasCoordinates(Cartesian3.fromDegrees(lon, lat, h));
      return c ? { x: c.x, y: c.y } : undefined;
    },
  };
}

/**
 * The one input router: a single ScreenSpaceEventHandler (mouse and touch
 * alike; Cesium turns a tap into LEFT_CLICK) that builds one {@link Pick} per
 * event and dispatches it to the active tool's handler
 * (`TOOL_HANDLERS[state.tool]`). Escape ends any tool (back to `select`).
 * While a tool holds a drag (`onDown` returned true), the camera stays put.
 * Returns a disposer.
 */
export function installInputRouter(viewer: Viewer, store: AppStore, layers: LayersSync, target: Window = window): () => void {
  const scene = viewer.scene;
  const handler = new ScreenSpaceEventHandler(scene.canvas);
  const active = (): ToolHandler => TOOL_HANDLERS[store.getState().tool];
  let dragging = false;
  // Whether Alt is held (Cesium's positioned events carry no modifiers unless registered per modifier).
  let alt = false;
  const onPointer = (e: PointerEvent) => {
    alt = e.altKey;
  };
  scene.canvas.addEventListener('pointermove', onPointer);
  scene.canvas.addEventListener('pointerdown', onPointer);
  const onAlt = (e: KeyboardEvent) => {
    if (e.key === 'Alt') alt = e.type === 'keydown';
  };
  target.addEventListener('keyup', onAlt);

  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => {
    active().onClick?.(scenePick(viewer, layers, e.position, alt), store);
  }, ScreenSpaceEventType.LEFT_CLICK);
  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => {
    active().onDoubleClick?.(scenePick(viewer, layers, e.position), store);
  }, ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => {
    const t = active();
    if (t.onDown?.(scenePick(viewer, layers, e.position), store)) {
      dragging = true;
      scene.screenSpaceCameraController.enableInputs = false;
    }
  }, ScreenSpaceEventType.LEFT_DOWN);
  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => {
    if (!dragging) return;
    dragging = false;
    scene.screenSpaceCameraController.enableInputs = true;
    active().onUp?.(scenePick(viewer, layers, e.position), store);
  }, ScreenSpaceEventType.LEFT_UP);
  handler.setInputAction((e: ScreenSpaceEventHandler.MotionEvent) => {
    active().onMove?.(scenePick(viewer, layers, e.endPosition, alt), store);
  }, ScreenSpaceEventType.MOUSE_MOVE);

  const onKey = (e: KeyboardEvent) => {
    onAlt(e);
    const s = store.getState();
    if (e.key === 'Escape') {
      if (s.tool !== 'select') s.setTool('select');
      if (dragging) {
        dragging = false;
        scene.screenSpaceCameraController.enableInputs = true;
      }
      return;
    }
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
    if (active().onKey?.(e.key, store)) e.preventDefault();
  };
  target.addEventListener('keydown', onKey);

  // The cursor says which tool is active.
  const unsubCursor = store.subscribe(
    (s) => s.tool,
    (tool) => {
      scene.canvas.style.cursor = TOOL_HANDLERS[tool].cursor ?? '';
    },
    { fireImmediately: true },
  );

  return () => {
    unsubCursor();
    target.removeEventListener('keydown', onKey);
    target.removeEventListener('keyup', onAlt);
    scene.canvas.removeEventListener('pointermove', onPointer);
    scene.canvas.removeEventListener('pointerdown', onPointer);
    scene.screenSpaceCameraController.enableInputs = true;
    handler.destroy();
  };
}
