import type { AppStore } from '../state';
import { startConvertWorker, type ConvertRpc } from '../workers/startWorkers';
import type { DroppedLayersSync } from '../viewer/DroppedLayersSync';
import type { SceneHandle } from '../viewer/mountScene';

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
      store.getState().droppedFileConverted(entry.id, result);
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
  void next();
  return unsub;
}

/** `window.__planlotseDrop`: lets browser tests wait for dropped layers to be drawn. */
export interface DropTestHook {
  /** Resolves when the scene is settled and every dropped layer is drawn. */
  settled(timeoutMs?: number): Promise<void>;
}

declare global {
  interface Window {
    __planlotseDrop?: DropTestHook;
  }
}

export function installDropTestHook(scene: SceneHandle, sync: DroppedLayersSync): void {
  const hook: DropTestHook = {
    settled: async (timeoutMs = 120_000) => {
      const start = performance.now();
      for (;;) {
        await scene.settled(timeoutMs);
        if (sync.isSettled()) {
          // Two more frames so what the layers requested is on screen.
          const f = scene.frames();
          while (scene.frames() < f + 2) {
            scene.viewer.scene.requestRender();
            await new Promise((r) => setTimeout(r, 50));
          }
          if (sync.isSettled()) return;
        }
        if (performance.now() - start > timeoutMs) throw new Error(`dropped layers not settled after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  Object.defineProperty(window, '__planlotseDrop', { value: Object.freeze(hook), writable: false, configurable: false });
}
