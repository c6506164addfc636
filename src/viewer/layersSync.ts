import type { Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import type { CatalogLayer } from '../core/model/Catalog';
import type { AppStore } from '../state';
import { compareSides, createSceneLayersSelector, type SceneLayerSpec } from '../state/sceneLayers';
import { ExtrudedBuildingsLayer } from './layers/ExtrudedBuildingsLayer';
import { GeoJsonLayer } from './layers/GeoJsonLayer';
import { ImageryLayerImpl } from './layers/ImageryLayerImpl';
import type { PickedFeature, SceneLayer } from './layers/SceneLayer';
import { TilesetLayer } from './layers/TilesetLayer';

/** Resolves a layer URL against the catalog's own URL (absolute and `blob:` urls stay as they are). */
export function resolveLayerUrl(layer: CatalogLayer, catalogUrl: string | undefined): string {
  return new URL(layer.url, new URL(catalogUrl ?? '.', window.location.href)).href;
}

/**
 * The layer type of a registry entry: 3D Tiles, imagery, GeoJSON drapes,
 * or extruded blocks for dropped building footprints. Add a layer type here.
 */
export function createSceneLayer(def: CatalogLayer, url: string, viewer: Viewer): SceneLayer {
  switch (def.type) {
    case '3dtiles':
      return new TilesetLayer(def, url, viewer);
    case 'geojson-polygons':
      if (def.origin === 'dropped' && def.role === 'buildingFootprints') return new ExtrudedBuildingsLayer(def, url, viewer);
      return new GeoJsonLayer(def, url, viewer);
    case 'geojson-points':
    case 'geojson-lines':
      return new GeoJsonLayer(def, url, viewer);
    case 'wms':
    case 'xyz':
      return new ImageryLayerImpl(def, url, viewer);
  }
}

/**
 * Diffs the desired scene (the pure {@link createSceneLayersSelector} over
 * the one layer registry: catalog and dropped layers) into Cesium: a layer is
 * created (and its data loaded) the first time it is visible, re-styled when
 * its look changes, destroyed when it leaves the registry or its entry is
 * replaced. Subscribed with `shallow` equality on memoized specs, so it runs —
 * and requests a render — only when something on screen changes.
 */
export class LayersSync {
  readonly layers = new Map<string, SceneLayer>();
  private pending = 0;
  private readonly unsubs: (() => void)[];

  constructor(
    private readonly viewer: Viewer,
    private readonly store: AppStore,
  ) {
    const select = createSceneLayersSelector();
    this.unsubs = [
      store.subscribe(select, (specs) => this.reconcile(specs), { equalityFn: shallow, fireImmediately: true }),
      // A selection made by id (the plan line of a feature card) gets its attributes from a layer that is already loaded.
      store.subscribe(
        (s) => s.selection,
        (sel) => {
          const layer = sel && !sel.properties ? this.layers.get(sel.layerId) : undefined;
          const props = layer?.findFeature(sel!.featureId);
          if (props) this.store.getState().selectionResolved(sel!.layerId, sel!.featureId, props);
        },
      ),
      store.subscribe(
        (s) => {
          const c = compareSides(s);
          return { split: c.split, position: c.position };
        },
        (c) => {
          viewer.scene.splitPosition = c.split ? c.position : 0.5;
          this.render();
        },
        { equalityFn: shallow, fireImmediately: true },
      ),
    ];
  }

  private render(): void {
    this.viewer.scene.requestRender();
  }

  private reconcile(specs: SceneLayerSpec[]): void {
    const wanted = new Map(specs.map((x) => [x.def.id, x]));
    for (const [id, layer] of this.layers) {
      if (wanted.get(id)?.def === layer.def) continue;
      layer.destroy();
      this.layers.delete(id);
    }
    for (const { def, look } of specs) {
      let layer = this.layers.get(def.id);
      if (!layer && look.visible) {
        layer = createSceneLayer(def, resolveLayerUrl(def, this.store.getState().catalogUrl), this.viewer);
        if (layer instanceof TilesetLayer) {
          layer.onFeatureSeen = (fid, props) => this.store.getState().selectionResolved(def.id, fid, props);
        }
        this.layers.set(def.id, layer);
        this.startLoad(layer);
      }
      layer?.apply(look);
    }
    this.render();
  }

  private startLoad(layer: SceneLayer): void {
    const id = layer.def.id;
    const current = () => this.layers.get(id) === layer;
    this.store.getState().setLayerStatus(id, { state: 'loading' });
    this.pending++;
    layer
      .load()
      .then((r) => {
        if (!current()) return;
        this.store.getState().setLayerStatus(id, { state: 'ready', featureCount: r.featureCount });
        const sel = this.store.getState().selection;
        if (sel?.layerId === id && !sel.properties) {
          const props = layer.findFeature(sel.featureId);
          if (props) this.store.getState().selectionResolved(id, sel.featureId, props);
        }
      })
      .catch((e: unknown) => {
        console.warn(String((e as Error)?.message ?? e));
        if (current()) this.store.getState().setLayerStatus(id, { state: 'error', message: String((e as Error)?.message ?? e) });
      })
      .finally(() => {
        this.pending--;
        this.render();
      });
  }

  /** The layer and feature `scene.pick` returned, if it belongs to a layer of the registry. */
  featureAt(picked: unknown): ({ layerId: string } & PickedFeature) | undefined {
    if (!picked) return undefined;
    for (const l of this.layers.values()) {
      const f = l.featureOf(picked);
      if (f) return { layerId: l.def.id, ...f };
    }
    return undefined;
  }

  /** The tileset layers (city models), for demolition checks in tests. */
  tilesets(): TilesetLayer[] {
    return [...this.layers.values()].filter((l): l is TilesetLayer => l instanceof TilesetLayer);
  }

  /** True when no layer is loading and every visible layer has what it needs for the view. */
  isSettled(): boolean {
    if (this.pending > 0) return false;
    const s = this.store.getState();
    for (const [id, l] of this.layers) if (s.layers[id]?.visible && s.layerStatus[id]?.state === 'ready' && !l.isSettled()) return false;
    return true;
  }

  destroy(): void {
    for (const u of this.unsubs) u();
    for (const l of this.layers.values()) l.destroy();
    this.layers.clear();
  }
}
