import type { DroppedFileResult } from '../core/convert/convertDroppedFile';
import type { ConvertFileMessage, ConvertFileRequest } from './convertFileProtocol';

/** The part of a Worker the client needs (a real Worker, or a test double). */
export interface ConvertWorkerLike {
  postMessage(message: ConvertFileRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<ConvertFileMessage>) => void): void;
  removeEventListener(type: 'message', listener: (ev: MessageEvent<ConvertFileMessage>) => void): void;
}

/** Starts the convert worker (Vite bundles it as a module worker). */
export function createConvertWorker(): Worker {
  return new Worker(new URL('./convertFile.worker.ts', import.meta.url), { type: 'module' });
}

let nextId = 1;

/**
 * Converts a dropped `File` (or its bytes) in the worker. Resolves with the
 * GeoJSON layers, their catalog entries and the conversion report; rejects
 * only when the worker itself fails (bad input ends up in `report.issues`).
 *
 * @example const { layers, report } = await convertFileInWorker(worker, file, { onProgress: (s, d, t) => setProgress(d / t) })
 */
export async function convertFileInWorker(
  worker: ConvertWorkerLike,
  file: { name: string; arrayBuffer(): Promise<ArrayBuffer> },
  opts: { crs?: string; onProgress?: (stage: string, done: number, total: number) => void } = {},
): Promise<DroppedFileResult> {
  const bytes = await file.arrayBuffer();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (ev: MessageEvent<ConvertFileMessage>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.kind === 'progress') opts.onProgress?.(m.stage, m.done, m.total);
      else {
        worker.removeEventListener('message', onMessage);
        if (m.kind === 'result') resolve(m.result);
        else reject(new Error(`${file.name}: ${m.message}`));
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ kind: 'convert', id, fileName: file.name, bytes, crs: opts.crs }, [bytes]);
  });
}
