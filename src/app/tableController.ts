import { messageOf } from '../core/i18n/Message';
import { featureTable, type FeatureTable } from '../core/table/featureTable';
import type { AppStore } from '../state';
import { allCatalogLayers } from '../state/selectors';
import { tableLayerOf } from '../state/tableSlice';

/**
 * Loads the features of the layer whose attribute table the user opened
 * (`openLayerTable`) and hands them to the store as a {@link FeatureTable}.
 * Runs on the page, not in the analysis worker: a table must not wait behind
 * a long sun analysis in the worker's queue. Tables are kept per URL (the
 * four most recent), so switching back is instant.
 */
export function startTableController(store: AppStore, fetchJson: (url: string, signal: AbortSignal) => Promise<unknown> = defaultFetch): () => void {
  const cache = new Map<string, Promise<FeatureTable>>();
  let ctrl: AbortController | undefined;
  const load = (layerId: string) => {
    ctrl?.abort();
    const c = (ctrl = new AbortController());
    const s = store.getState();
    const all = allCatalogLayers(s);
    const layer = all.find((l) => l.id === layerId);
    const src = layer && tableLayerOf(layer, all);
    if (!layer || !src) {
      s.tableFailed(layerId, { code: 'table.notVector', params: { layer: layer?.title[s.lang] ?? layerId } });
      return;
    }
    const url = new URL(src.url, new URL(s.catalogUrl ?? '.', globalThis.location?.href ?? 'http://localhost/')).href;
    let p = cache.get(url);
    if (!p) {
      p = fetchJson(url, c.signal).then((json) => {
        const fc = json as GeoJSON.FeatureCollection;
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`layer "${src.id}": ${url} is not a GeoJSON FeatureCollection`);
        return featureTable(fc);
      });
      cache.set(url, p);
      while (cache.size > 4) cache.delete(cache.keys().next().value as string);
      p.catch(() => cache.delete(url));
    }
    p.then(
      (data) => store.getState().tableLoaded(layerId, data, src.id === layerId ? [] : [src.id]),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') store.getState().tableFailed(layerId, messageOf(e));
      },
    );
  };
  return store.subscribe(
    (s) => (s.table?.source.kind === 'layer' && s.table.status === 'loading' ? s.table.source.layerId : undefined),
    (layerId) => layerId && load(layerId),
    { fireImmediately: true },
  );
}

async function defaultFetch(url: string, signal: AbortSignal): Promise<unknown> {
  const r = await fetch(url, { signal });
  if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
  return r.json();
}
