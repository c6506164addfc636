import type { AppStore } from '../state';
import { startConvertWorker, type ConvertRpc } from '../workers/startWorkers';
import type { SceneHandle } from '../viewer/mountScene';
import { revokeDroppedLayerUrls, withBlobUrls } from './droppedLayerUrls';

/**
 * Runs queued dropped/opened files through the convert worker (the one RPC,
 * request `convertFile`), one at a time, and reports progress, results and
 * failures to the store. The worker starts with the first file.
 */
export function startDroppedFilesController(store: AppStore, makeWorker: () => ConvertRpc = startConvertWorker): () => void {
  let worker: ConvertRpc | undefined;
  let busy = false;
  const next = async () => {
    if (busy) return;
    const entry = store.getState().droppedFiles.find((f) => f.status === 'queued');
    if (!entry) return;
    busy = true;
    const s = store.getState();
    s.droppedFileStarted(entry.id);
    try {
      worker ??= makeWorker();
      const bytes = await entry.source.arrayBuffer();
      const result = await worker
        .request('convertFile', { fileName: entry.source.name, bytes, ...(entry.crs ? { crs: entry.crs } : {}) }, {
          transfer: [bytes],
          onProgress: (done, total) => store.getState().droppedFileProgress(entry.id, total > 0 ? done / total : 0),
        })
        .catch((e: Error) => {
          throw new Error(`${entry.source.name}: ${e.message}`);
        });
      store.getState().droppedFileConverted(entry.id, withBlobUrls(result));
    } catch (e) {
      store.getState().droppedFileFailed(entry.id, String((e as Error)?.message ?? e));
    } finally {
      busy = false;
      void next();
    }
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.droppedFiles !== prev.droppedFiles) void next();
  });
  const unrevoke = revokeDroppedLayerUrls(store);
  void next();
  return () => {
    unsub();
    unrevoke();
  };
}

/** `window.__planlotseDrop`: lets browser tests wait for dropped layers to be drawn. */
export interface DropTestHook {
  /** Resolves when the scene is settled and every dropped layer is drawn. */
  settled(timeoutMs?: number): Promise<void>;
  /** Resolves when the stored files are back in the list (queued for conversion). */
  restored: Promise<unknown>;
  /** Resolves when every write to the browser's storage so far is done. */
  flush(): Promise<void>;
}

declare global {
  interface Window {
    __planlotseDrop?: DropTestHook;
  }
}

/** Dropped layers are layers of the one registry, so the scene's own `settled` covers them. */
export function installDropTestHook(scene: SceneHandle, persistence: Promise<{ flush(): Promise<void> } | null>): void {
  const hook: DropTestHook = {
    settled: (timeoutMs = 120_000) => scene.settled(timeoutMs),
    restored: persistence,
    flush: async () => {
      await (await persistence)?.flush();
    },
  };
  Object.defineProperty(window, '__planlotseDrop', { value: Object.freeze(hook), writable: false, configurable: false });
}
