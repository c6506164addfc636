import type { LoadedInputs, Need, PrepareBuildings } from '../core/analysis/AnalysisDescriptor';
import { loadInputs } from '../core/analysis/loadInputs';
import { prepareBuildings } from '../core/analysis/prepareBuildings';
import type { BuildingCollection, BuildingFeature } from '../core/model/Building';
import type { CatalogLayer } from '../core/model/Catalog';
import { effectiveBuildings } from '../core/scenario/effectiveBuildings';
import type { DatasetHandle, DatasetOpen } from './workerMessages';

/** Fetches JSON; the worker's default uses `fetch` (http(s) and the blob: URLs of dropped layers alike). */
export type FetchJson = (url: string, signal?: AbortSignal) => Promise<unknown>;

const defaultFetchJson: FetchJson = async (url, signal) => {
  const r = await fetch(url, { signal });
  if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
  return r.json();
};

/** A short content key of a variant (FNV-1a over its JSON): the cache key of its buildings. */
export function variantKey(v: DatasetHandle['variant']): string {
  if (!v) return 'existing';
  const s = JSON.stringify([v.buildings, v.demolishedIds]);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}-${s.length}`;
}

/** Keeps the most recent `max` entries of a Map (insertion order = use order). */
function remember<K, V>(m: Map<K, V>, k: K, v: V, max: number): V {
  m.delete(k);
  m.set(k, v);
  while (m.size > max) m.delete(m.keys().next().value as K);
  return v;
}

/**
 * The dataset as the analysis worker holds it: opened once from the catalog
 * URL and the layer list, the GeoJSON fetched and cached by URL, the buildings
 * of each variant (by content) and their prepared solids (by frame) cached, so
 * a time-slider shadow step sends a handle and re-uses everything.
 */
export class DatasetStore {
  private nextId = 1;
  private readonly datasets = new Map<string, DatasetOpen>();
  private readonly collections = new Map<string, Promise<GeoJSON.FeatureCollection>>();
  private readonly variants = new Map<string, BuildingCollection>();
  private readonly prepared = new WeakMap<BuildingFeature[], Map<string, ReturnType<typeof prepareBuildings>>>();
  /** Prepared-solid cache hits and misses (reported in the bench, checked in tests). */
  readonly stats = { fetches: 0, prepareMisses: 0, prepareHits: 0, variantMisses: 0 };

  constructor(private readonly fetchJson: FetchJson = defaultFetchJson) {}

  /** Registers a dataset (catalog URL, absolute, and its layers); nothing is fetched until an analysis needs it. */
  open(d: DatasetOpen): { datasetId: string } {
    if (!d || typeof d.catalogUrl !== 'string' || !Array.isArray(d.layers)) throw new Error('dataset.open: needs { catalogUrl, layers }');
    const datasetId = `ds${this.nextId++}`;
    remember(this.datasets, datasetId, { catalogUrl: d.catalogUrl, layers: d.layers }, 4);
    return { datasetId };
  }

  /** The layers of an opened dataset (the report lists them). */
  layersOf(id: string): DatasetOpen['layers'] {
    return this.dataset(id).layers;
  }

  private dataset(id: string): DatasetOpen {
    const d = this.datasets.get(id);
    if (!d) throw new Error(`dataset "${id}" is not open in the worker (open it with dataset.open)`);
    return d;
  }

  /** A layer's GeoJSON, fetched once per URL (relative URLs resolve against the catalog URL). */
  collection(d: DatasetOpen, layer: CatalogLayer): Promise<GeoJSON.FeatureCollection> {
    const url = new URL(layer.url, d.catalogUrl).href;
    let p = this.collections.get(url);
    if (!p) {
      this.stats.fetches++;
      p = this.fetchJson(url).then((json) => {
        const fc = json as GeoJSON.FeatureCollection;
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${layer.id}: ${url} is not a GeoJSON FeatureCollection`);
        return fc;
      });
      remember(this.collections, url, p, 32);
      p.catch(() => this.collections.delete(url));
    }
    return p;
  }

  /** Buildings of the handle's variant, cached by dataset and variant content. */
  private async buildings(handle: DatasetHandle, d: DatasetOpen, layer: CatalogLayer): Promise<BuildingCollection> {
    const key = `${handle.datasetId}|${layer.id}|${variantKey(handle.variant)}`;
    const hit = this.variants.get(key);
    if (hit) return remember(this.variants, key, hit, 6);
    this.stats.variantMisses++;
    const existing = (await this.collection(d, layer)) as BuildingCollection;
    return remember(this.variants, key, effectiveBuildings(existing, handle.variant), 6);
  }

  /** `prepareBuildings` cached per building array (one per variant) and frame origin. */
  readonly prepare: PrepareBuildings = (features, frame) => {
    let byFrame = this.prepared.get(features);
    if (!byFrame) this.prepared.set(features, (byFrame = new Map()));
    const key = `${frame.originX},${frame.originY}`;
    const hit = byFrame.get(key);
    if (hit) {
      this.stats.prepareHits++;
      return hit;
    }
    this.stats.prepareMisses++;
    return remember(byFrame, key, prepareBuildings(features, frame), 3);
  };

  /** Loads what a kind needs from the handle's dataset (the role rules of `loadInputs`); returns the inputs and the ids of the layers read. */
  async load(handle: DatasetHandle, needs: Need[]): Promise<{ inputs: LoadedInputs; layers: string[] }> {
    const d = this.dataset(handle.datasetId);
    return loadInputs(d.layers, needs, { collection: (l) => this.collection(d, l), buildings: (l) => this.buildings(handle, d, l), prepare: this.prepare });
  }
}
