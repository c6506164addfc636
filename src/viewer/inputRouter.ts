import { Cartesian2, Cartesian3, Cartographic, Cesium3DTileFeature, EllipsoidTerrainProvider, Entity, KeyboardEventModifier, Math as CesiumMath, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import type { GeoPoint } from '../core/measure/measureGeometry';
import type { AppStore } from '../state';
import type { Pick, PickedLayerFeature } from '../state/tools/Pick';
import { isEnclosingRole, mostSpecificFeature } from '../state/tools/mostSpecificFeature';
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
 * The ground point under a canvas position. Without terrain (the offline
 * viewer's EllipsoidTerrainProvider) the ground is the ellipsoid itself, and
 * the exact ray/ellipsoid intersection is taken: `globe.pick` would intersect
 * the globe tiles rendered so far, whose coarse levels lie tens of metres
 * under the ellipsoid until they refine, so a corner or measured point moved
 * by metres with the tile load state (seen in headless Chromium, where
 * refining takes minutes). With terrain: the ray/globe intersection
 * (depth-buffer positions on drapes are too coarse for areas), else the ellipsoid.
 */
function groundAt(viewer: Viewer, pos: Cartesian2): GeoPoint | undefined {
  const { scene, camera } = viewer;
  const ellipsoid = () => camera.pickEllipsoid(pos, scene.globe.ellipsoid);
  if (scene.terrainProvider instanceof EllipsoidTerrainProvider) {
    const c = ellipsoid();
    return c ? toGeo(c) : undefined;
  }
  const ray = camera.getPickRay(pos);
  const c = (ray && scene.globe.pick(ray, scene)) ?? ellipsoid();
  return c ? toGeo(c) : undefined;
}

/** How many layers deep a drill pick looks (plan area, Baugebiet, parcel, base map, …); each costs a pick pass. */
const DRILL_LIMIT = 6;

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
  const roleOf = (layerId: string) => layers.layers.get(layerId)?.def.role;
  const feature = memo<PickedLayerFeature | undefined>(() => {
    const front = layers.featureAt(raw());
    if (!front || !isEnclosingRole(roleOf(front.layerId))) return front;
    // The front feature encloses others (a plan area over its Baugebiete): look through it, once, only then.
    const under = scene.drillPick(pos, DRILL_LIMIT).flatMap((p) => layers.featureAt(p) ?? []);
    return mostSpecificFeature(under, roleOf) ?? front;
  });
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

const { SHIFT, CTRL, ALT } = KeyboardEventModifier;
/** No modifier, then every combination of Shift, Ctrl and Alt (Cesium keys an action by the exact set held). */
const MODIFIER_SETS: (KeyboardEventModifier[] | undefined)[] = [undefined, [SHIFT], [CTRL], [ALT], [SHIFT, CTRL], [SHIFT, ALT], [CTRL, ALT], [SHIFT, CTRL, ALT]];

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
  // Cesium calls an action only for the exact modifier set held (LEFT_CLICK with Alt goes to "LEFT_CLICK+ALT" and
  // never to LEFT_CLICK), so a click with Shift, Ctrl or Alt held would reach no tool at all: each event is
  // registered for every combination, and the tool learns from the registration whether Alt was held.
  const on = <E,>(type: ScreenSpaceEventType, action: (e: E, altKey: boolean) => void) => {
    for (const mods of MODIFIER_SETS)
      handler.setInputAction(((e: E) => action(e, mods?.includes(KeyboardEventModifier.ALT) ?? false)) as ScreenSpaceEventHandler.PositionedEventCallback, type, mods);
  };

  on<ScreenSpaceEventHandler.PositionedEvent>(ScreenSpaceEventType.LEFT_CLICK, (e, alt) => {
    active().onClick?.(scenePick(viewer, layers, e.position, alt), store);
  });
  on<ScreenSpaceEventHandler.PositionedEvent>(ScreenSpaceEventType.LEFT_DOUBLE_CLICK, (e, alt) => {
    active().onDoubleClick?.(scenePick(viewer, layers, e.position, alt), store);
  });
  on<ScreenSpaceEventHandler.PositionedEvent>(ScreenSpaceEventType.LEFT_DOWN, (e, alt) => {
    const t = active();
    if (t.onDown?.(scenePick(viewer, layers, e.position, alt), store)) {
      dragging = true;
      scene.screenSpaceCameraController.enableInputs = false;
    }
  });
  on<ScreenSpaceEventHandler.PositionedEvent>(ScreenSpaceEventType.LEFT_UP, (e, alt) => {
    if (!dragging) return;
    dragging = false;
    scene.screenSpaceCameraController.enableInputs = true;
    active().onUp?.(scenePick(viewer, layers, e.position, alt), store);
  });
  on<ScreenSpaceEventHandler.MotionEvent>(ScreenSpaceEventType.MOUSE_MOVE, (e, alt) => {
    active().onMove?.(scenePick(viewer, layers, e.endPosition, alt), store);
  });

  const onKey = (e: KeyboardEvent) => {
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
    scene.screenSpaceCameraController.enableInputs = true;
    handler.destroy();
  };
}
