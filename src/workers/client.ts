import type { AnalysisRequest, AnalysisResponse, AnalysisType, Endpoint, FromWorker, ToWorker } from './protocol';

export interface RequestOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Buffers to transfer with the request instead of copying. */
  transfer?: Transferable[];
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
  cleanup: () => void;
}

/** An error that came back from the worker, with the worker's error name. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly workerName: string,
  ) {
    super(message);
    this.name = workerName === 'AbortError' ? 'AbortError' : 'AnalysisError';
  }
}

/**
 * Typed RPC client for the analysis worker: request ids, progress events,
 * cancellation through an AbortSignal (rejects at once with an AbortError and
 * tells the worker to stop), worker errors as rejections.
 *
 * @example
 * const client = new AnalysisClient(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }));
 * const r = await client.request('sunHours', req, { signal, onProgress: (d, t) => … });
 */
export class AnalysisClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly onMessage = (ev: MessageEvent) => this.receive(ev.data as FromWorker);

  constructor(private readonly ep: Endpoint & { terminate?(): void }) {
    ep.addEventListener('message', this.onMessage);
    ep.start?.();
  }

  /** Number of requests still waiting for an answer. */
  get inFlight(): number {
    return this.pending.size;
  }

  request<T extends AnalysisType>(type: T, payload: AnalysisRequest<T>, opts: RequestOptions = {}): Promise<AnalysisResponse<T>> {
    const id = this.nextId++;
    return new Promise<AnalysisResponse<T>>((resolve, reject) => {
      const { signal } = opts;
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        this.pending.get(id)?.cleanup();
        this.pending.delete(id);
        this.ep.postMessage({ kind: 'cancel', id } satisfies ToWorker);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: opts.onProgress,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      });
      this.ep.postMessage({ kind: 'request', id, type, payload } satisfies ToWorker, opts.transfer);
    });
  }

  /** Rejects everything pending and stops the worker (when it is one). */
  terminate(): void {
    for (const p of this.pending.values()) {
      p.cleanup();
      p.reject(new AnalysisError('analysis worker terminated', 'TerminatedError'));
    }
    this.pending.clear();
    this.ep.removeEventListener?.('message', this.onMessage);
    this.ep.terminate?.();
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    // Answers to cancelled requests arrive after the rejection: ignore them.
    if (!p) return;
    if (m.kind === 'progress') {
      p.onProgress?.(m.done, m.total);
      return;
    }
    this.pending.delete(m.id);
    p.cleanup();
    if (m.kind === 'result') p.resolve(m.result);
    else p.reject(new AnalysisError(m.message, m.name));
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('analysis aborted');
  e.name = 'AbortError';
  return e;
}
