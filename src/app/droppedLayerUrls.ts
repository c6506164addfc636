import type { DroppedFileResult } from '../core/convert/convertDroppedFile';
import type { AppStore } from '../state';
import type { DroppedFileLayers } from '../state/droppedFilesSlice';

/**
 * Turns a converted file into what the layer registry takes: each layer's
 * GeoJSON becomes a same-origin `blob:` url, so the scene (and the worker)
 * load a dropped layer with `fetch` like any catalog layer. The data is not
 * kept in the store.
 */
export function withBlobUrls(result: DroppedFileResult): DroppedFileLayers {
  return {
    kind: result.kind,
    report: result.report,
    layers: result.layers.map(({ layer, data }) => ({
      layer,
      url: URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/geo+json' })),
      featureCount: data.features.length,
    })),
  };
}

/**
 * Revokes the `blob:` url of every dropped layer that leaves the registry
 * (file removed, layer removed, retried with another CRS). Returns the unsubscribe.
 */
export function revokeDroppedLayerUrls(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.droppedLayers === prev.droppedLayers) return;
    const kept = new Set(s.droppedLayers.map((l) => l.url));
    for (const l of prev.droppedLayers) if (!kept.has(l.url) && l.url.startsWith('blob:')) URL.revokeObjectURL(l.url);
  });
}
