import type { Viewer } from 'cesium';
import type { CatalogLayer } from '../core/model/Catalog';
import type { AppState, AppStore } from '../state';
import { GeoJsonLayer } from './layers/GeoJsonLayer';
import { ImageryLayerImpl } from './layers/ImageryLayerImpl';
import type { LayerLook, SceneLayer } from './layers/SceneLayer';
import { TilesetLayer } from './layers/TilesetLayer';

/** Resolves a catalog layer URL against the catalog's own URL. */
export function resolveLayerUrl(layer: CatalogLayer, catalogUrl: string): string {
  return new URL(layer.url, new URL(catalogUrl, window.location.href)).href;
}

function createSceneLayer(def: CatalogLayer, url: string, viewer: Viewer): SceneLayer {
  switch (def.type) {
    case '3dtiles':
      return new TilesetLayer(def, url, viewer);
    case 'geojson-polygons':
    case 'geojson-points':
    case 'geojson-lines':
      return new GeoJsonLayer(def, url, viewer);
    case 'wms':
    case 'xyz':
      return new ImageryLayerImpl(def, url, viewer);
  }
}

function lookOf(s: AppState, id: string): LayerLook {
  const st = s.layers[id];
  return {
    visible: st?.visible ?? false,
    opacity: st?.opacity ?? 1,
    selectedFeatureId: s.selection?.layerId === id ? s.selection.featureId : undefined,
    buildingStyle: s.buildingStyle,
  };
}

/**
 * Reconciles the store's catalog and layer settings into scene layers: a
 * layer is created (and its data loaded) the first time it is visible,
 * re-styled when its look changes, destroyed when the catalog changes.
 */
export class LayersSync {
  readonly layers = new Map<string, SceneLayer>();
  private catalog: AppState['catalog'];
  private pending = 0;
  private readonly unsub: () => void;

  constructor(
    private readonly viewer: Viewer,
    private readonly store: AppStore,
  ) {
    this.unsub = store.subscribe((s) => this.reconcile(s));
    this.reconcile(store.getState());
  }

  private reconcile(s: AppState): void {
    if (s.catalog !== this.catalog) {
      for (const l of this.layers.values()) l.destroy();
      this.layers.clear();
      this.catalog = s.catalog;
    }
    if (!s.catalog || !s.catalogUrl) return;
    let changed = false;
    for (const def of s.catalog.layers) {
      const look = lookOf(s, def.id);
      let layer = this.layers.get(def.id);
      if (!layer && look.visible) {
        layer = createSceneLayer(def, resolveLayerUrl(def, s.catalogUrl), this.viewer);
        if (layer instanceof TilesetLayer) {
          layer.onFeatureSeen = (fid, props) => this.store.getState().selectionResolved(def.id, fid, props);
        }
        this.layers.set(def.id, layer);
        this.startLoad(layer);
      }
      if (layer) {
        layer.apply(look);
        changed = true;
      }
    }
    if (changed) this.viewer.scene.requestRender();
  }

  private startLoad(layer: SceneLayer): void {
    const id = layer.def.id;
    const st = this.store.getState();
    st.setLayerStatus(id, { state: 'loading' });
    this.pending++;
    layer
      .load()
      .then((r) => {
        this.store.getState().setLayerStatus(id, { state: 'ready', featureCount: r.featureCount });
        const sel = this.store.getState().selection;
        if (sel?.layerId === id && !sel.properties) {
          const props = layer.findFeature(sel.featureId);
          if (props) this.store.getState().selectionResolved(id, sel.featureId, props);
        }
      })
      .catch((e: unknown) => {
        console.warn(String((e as Error)?.message ?? e));
        this.store.getState().setLayerStatus(id, { state: 'error', message: String((e as Error)?.message ?? e) });
      })
      .finally(() => {
        this.pending--;
        this.viewer.scene.requestRender();
      });
  }

  /** True when no layer is loading and every visible layer has what it needs for the view. */
  isSettled(): boolean {
    if (this.pending > 0) return false;
    const s = this.store.getState();
    for (const [id, l] of this.layers) if (s.layers[id]?.visible && s.layerStatus[id]?.state === 'ready' && !l.isSettled()) return false;
    return true;
  }

  destroy(): void {
    this.unsub();
    for (const l of this.layers.values()) l.destroy();
    this.layers.clear();
  }
}
