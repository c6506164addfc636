import type { Message } from '../core/i18n/Message';
import type { Catalog, CatalogLayer } from '../core/model/Catalog';
import type { SliceCreator } from './AppState';

/** Per-layer user settings. */
export interface LayerSettings {
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

/** Load state of a layer in the scene, reported by the viewer. */
export interface LayerStatus {
  state: 'idle' | 'loading' | 'ready' | 'error';
  message?: string;
  featureCount?: number;
}

export interface LayersSlice {
  dataset: string;
  catalog: Catalog | undefined;
  /** Base URL the catalog's relative layer URLs resolve against. */
  catalogUrl: string | undefined;
  catalogError: Message | undefined;
  layers: Record<string, LayerSettings>;
  layerStatus: Record<string, LayerStatus>;
  setDataset(dataset: string): void;
  /** Installs a catalog; layers get their catalog defaults unless `overrides` says otherwise. */
  setCatalog(catalog: Catalog, catalogUrl: string, overrides?: Partial<Record<string, Partial<LayerSettings>>>): void;
  setCatalogError(message: Message): void;
  setLayerVisible(id: string, visible: boolean): void;
  setLayerOpacity(id: string, opacity: number): void;
  setLayerStatus(id: string, status: LayerStatus): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends LayersSlice {}
}

/** Default settings of a catalog layer: online layers are never on by default. */
export function defaultLayerSettings(layer: CatalogLayer): LayerSettings {
  return { visible: layer.defaultVisible && !layer.online, opacity: clamp01(layer.opacity ?? 1) };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1;
}

export const createLayersSlice: SliceCreator<LayersSlice> = (set, get) => ({
  dataset: 'demo',
  catalog: undefined,
  catalogUrl: undefined,
  catalogError: undefined,
  layers: {},
  layerStatus: {},
  setDataset: (dataset) => set({ dataset }),
  setCatalog: (catalog, catalogUrl, overrides = {}) => {
    // Dropped layers keep their settings; a new catalog replaces only its own layers.
    const layers: Record<string, LayerSettings> = {};
    const layerStatus: Record<string, LayerStatus> = {};
    for (const l of get().droppedLayers ?? []) {
      if (get().layers[l.id]) layers[l.id] = get().layers[l.id];
      if (get().layerStatus[l.id]) layerStatus[l.id] = get().layerStatus[l.id];
    }
    for (const l of catalog.layers) {
      const o = overrides[l.id] ?? {};
      const d = defaultLayerSettings(l);
      layers[l.id] = { visible: o.visible ?? d.visible, opacity: clamp01(o.opacity ?? d.opacity) };
    }
    set({ catalog, catalogUrl, catalogError: undefined, layers, layerStatus });
  },
  setCatalogError: (message) => set({ catalogError: message }),
  setLayerVisible: (id, visible) => {
    const cur = get().layers[id];
    if (!cur) throw new Error(`setLayerVisible: unknown layer "${id}"`);
    set({ layers: { ...get().layers, [id]: { ...cur, visible } } });
  },
  setLayerOpacity: (id, opacity) => {
    const cur = get().layers[id];
    if (!cur) throw new Error(`setLayerOpacity: unknown layer "${id}"`);
    set({ layers: { ...get().layers, [id]: { ...cur, opacity: clamp01(opacity) } } });
  },
  setLayerStatus: (id, status) => set({ layerStatus: { ...get().layerStatus, [id]: status } }),
});
