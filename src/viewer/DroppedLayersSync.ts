import { ScreenSpaceEventHandler, ScreenSpaceEventType, Entity, type Cartesian2, type Viewer } from 'cesium';
import type { AppState, AppStore } from '../state';
import type { DroppedLayerEntry } from '../state/droppedFilesSlice';
import { DroppedBuildingsLayer } from './DroppedBuildingsLayer';
import { GeoJsonLayer } from './layers/GeoJsonLayer';
import type { LayerLook, SceneLayer } from './layers/SceneLayer';

interface Mounted {
  entry: DroppedLayerEntry;
  layer: SceneLayer;
  /** Object URL the GeoJSON layer loads its data from; revoked on removal. */
  url?: string;
}

function isBuildings(e: DroppedLayerEntry): boolean {
  return e.def.role === 'buildingFootprints' && e.data.features.some((f) => Number((f.properties as Record<string, unknown> | null)?.heightM) > 0);
}

/**
 * Reconciles the layers of dropped files into the scene: buildings as
 * extruded footprints ({@link DroppedBuildingsLayer}), everything else with
 * the catalog's GeoJSON layer (PlanZV colours, symbols, lines) fed from an
 * object URL. Removed entries are destroyed; a click on a dropped feature
 * selects it like a catalog feature.
 */
export class DroppedLayersSync {
  private readonly mounted = new Map<string, Mounted>();
  private readonly unsub: () => void;
  private readonly click: ScreenSpaceEventHandler;
  private pending = 0;

  constructor(
    private readonly viewer: Viewer,
    private readonly store: AppStore,
  ) {
    this.unsub = store.subscribe((s, prev) => {
      if (s.droppedLayers !== prev.droppedLayers || s.selection !== prev.selection || s.buildingStyle !== prev.buildingStyle) this.reconcile(s);
    });
    // Registered after the app's pick handler, so a hit here wins over its "nothing picked".
    this.click = new ScreenSpaceEventHandler(viewer.scene.canvas);
    this.click.setInputAction((ev: { position: Cartesian2 }) => this.pick(ev.position), ScreenSpaceEventType.LEFT_CLICK);
    this.reconcile(store.getState());
  }

  private reconcile(s: AppState): void {
    const want = new Map(s.droppedLayers.map((e) => [e.def.id, e]));
    for (const [id, m] of this.mounted) {
      if (want.get(id)?.data === m.entry.data) continue;
      m.layer.destroy();
      if (m.url) URL.revokeObjectURL(m.url);
      this.mounted.delete(id);
    }
    for (const e of s.droppedLayers) {
      let m = this.mounted.get(e.def.id);
      if (!m) {
        if (isBuildings(e)) m = { entry: e, layer: new DroppedBuildingsLayer(e.def, e.data, this.viewer) };
        else {
          const url = URL.createObjectURL(new Blob([JSON.stringify(e.data)], { type: 'application/geo+json' }));
          m = { entry: e, layer: new GeoJsonLayer(e.def, url, this.viewer), url };
        }
        this.mounted.set(e.def.id, m);
        this.startLoad(m);
      }
      m.entry = e;
      const look: LayerLook = {
        visible: e.visible,
        opacity: e.opacity,
        selectedFeatureId: s.selection?.layerId === e.def.id ? s.selection.featureId : undefined,
        buildingStyle: s.buildingStyle,
      };
      m.layer.apply(look);
    }
    this.viewer.scene.requestRender();
  }

  private startLoad(m: Mounted): void {
    const id = m.entry.def.id;
    this.pending++;
    m.layer
      .load()
      .then((r) => {
        if (this.mounted.get(id) === m) this.store.getState().setDroppedLayerStatus(id, { state: 'ready', featureCount: r.featureCount });
      })
      .catch((e: unknown) => {
        if (this.mounted.get(id) === m) this.store.getState().setDroppedLayerStatus(id, { state: 'error', message: String((e as Error)?.message ?? e) });
      })
      .finally(() => {
        this.pending--;
        this.viewer.scene.requestRender();
      });
  }

  private pick(pos: Cartesian2): void {
    const s = this.store.getState();
    if (s.measureMode !== 'none' || this.mounted.size === 0) return;
    const picked = this.viewer.scene.pick(pos) as { id?: unknown } | undefined;
    if (!picked) return;
    for (const m of this.mounted.values()) {
      let fid: string | undefined;
      if (m.layer instanceof DroppedBuildingsLayer) fid = m.layer.featureIdOf(picked.id);
      else if (m.layer instanceof GeoJsonLayer && picked.id instanceof Entity && m.layer.owns(picked.id)) fid = m.layer.featureIdOf(picked.id);
      if (fid !== undefined) {
        s.select({ layerId: m.entry.def.id, featureId: fid, properties: m.layer.findFeature(fid) });
        return;
      }
    }
  }

  /** True when no dropped layer is loading and every one has drawn what it needs. */
  isSettled(): boolean {
    if (this.pending > 0) return false;
    for (const m of this.mounted.values()) if (m.entry.visible && !m.layer.isSettled()) return false;
    return true;
  }

  destroy(): void {
    this.unsub();
    this.click.destroy();
    for (const m of this.mounted.values()) {
      m.layer.destroy();
      if (m.url) URL.revokeObjectURL(m.url);
    }
    this.mounted.clear();
  }
}
