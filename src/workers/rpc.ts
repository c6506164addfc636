/*
 * The one worker RPC (modelled on maplibre-gl-js `actor.ts` / `actor_messages.ts`):
 * a typed message map, `register(type, handler)` on the worker side and
 * `request(type, payload, options)` on the page side. Every handler gets an
 * AbortSignal and a progress callback; requests of one worker run one at a
 * time in arrival order; progress is throttled; typed-array buffers in
 * results are transferred, not copied; errors come back as rejections that
 * keep the error's name (AbortError stays AbortError).
 */

import { CodedError, messageOf, type Message } from '../core/i18n/Message';

/** The part of a Worker / DedicatedWorkerGlobalScope / MessagePort both sides use. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (ev: MessageEvent) => void): void;
  /** MessagePorts need start() when used with addEventListener. */
  start?(): void;
}

/** A message map: request type → payload and response. */
export type MessageMap = { [type: string]: { request: unknown; response: unknown } };

/** What a handler gets besides its payload. */
export interface HandlerContext {
  /** Aborted when the page cancels the request (or sends a newer one that replaces it). */
  signal: AbortSignal;
  /** Reports progress; posted at most every `progressIntervalMs` (the first and the final one always). */
  progress(done: number, total: number): void;
}

export type Handler<M extends MessageMap, T extends keyof M> = (payload: M[T]['request'], ctx: HandlerContext) => Promise<M[T]['response']> | M[T]['response'];

/** Page → worker. */
type ToWorker = { kind: 'request'; id: number; type: string; payload: unknown } | { kind: 'cancel'; id: number };

/** Worker → page. */
type FromWorker =
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; name: string; message: string; coded?: Message };

/** What the worker side did with a request (for tests and diagnostics). */
export type RpcEvent =
  | { id: number; type: string; phase: 'start' | 'aborted' | 'done' | 'skipped' }
  | { id: number; type: string; phase: 'progress'; done: number; total: number }
  | { id: number; type: string; phase: 'error'; name: string };

/** Progress messages per request and second, at most (plus the final one). */
export const PROGRESS_PER_SECOND = 10;

/** An AbortError as DOM APIs throw it (name checked by callers, not the class). */
export function abortError(message = 'aborted'): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

/**
 * Buffers of typed arrays in a result (searched a few levels deep, each
 * buffer once), to transfer instead of copy.
 */
export function collectTransferables(value: unknown, depth = 4, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (value instanceof ArrayBuffer) out.add(value);
  else if (depth > 0 && value && typeof value === 'object') {
    // Large arrays of plain values (GeoJSON coordinates) hold no buffers: skip them quickly.
    const items = Array.isArray(value) ? (value.length && typeof value[0] === 'object' ? value : []) : Object.values(value);
    for (const v of items) if (v && typeof v === 'object') collectTransferables(v, depth - 1, out);
  }
  return [...out];
}

interface Job {
  id: number;
  type: string;
  payload: unknown;
  ctrl: AbortController;
}

/**
 * The worker side: handlers by type, one queue. A request waits until the
 * ones before it have finished; a request cancelled while it waits never
 * starts; a running one sees its signal aborted.
 *
 * @example
 * const server = new RpcServer<AnalysisMessages>(self);
 * server.register('analysis', (req, { signal, progress }) => run(req, signal, progress));
 */
export class RpcServer<M extends MessageMap> {
  private readonly handlers = new Map<string, Handler<M, keyof M>>();
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly onEvent?: (e: RpcEvent) => void;

  constructor(
    private readonly ep: Endpoint,
    opts: { now?: () => number; progressPerSecond?: number; onEvent?: (e: RpcEvent) => void } = {},
  ) {
    this.now = opts.now ?? (() => Date.now());
    this.intervalMs = 1000 / (opts.progressPerSecond ?? PROGRESS_PER_SECOND);
    this.onEvent = opts.onEvent;
    ep.addEventListener('message', (ev: MessageEvent) => this.receive(ev.data as ToWorker));
    ep.start?.();
  }

  /** Serves requests of `type` with `handler`. */
  register<T extends keyof M & string>(type: T, handler: Handler<M, T>): this {
    this.handlers.set(type, handler as unknown as Handler<M, keyof M>);
    return this;
  }

  private receive(m: ToWorker): void {
    if (m?.kind === 'cancel') {
      if (this.running?.id === m.id) this.running.ctrl.abort(abortError(`request ${m.id} cancelled`));
      const i = this.queue.findIndex((j) => j.id === m.id);
      if (i >= 0) {
        const [job] = this.queue.splice(i, 1);
        this.onEvent?.({ id: job.id, type: job.type, phase: 'skipped' });
        this.post({ kind: 'error', id: job.id, name: 'AbortError', message: `request ${job.id} cancelled before it started` });
      }
      return;
    }
    if (m?.kind !== 'request') return;
    this.queue.push({ id: m.id, type: m.type, payload: m.payload, ctrl: new AbortController() });
    this.pump();
  }

  private post(m: FromWorker, transfer?: Transferable[]): void {
    this.ep.postMessage(m, transfer);
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    void this.execute(job).finally(() => {
      this.running = undefined;
      this.pump();
    });
  }

  private async execute(job: Job): Promise<void> {
    const { id, type } = job;
    const handler = this.handlers.get(type);
    let last = -Infinity;
    const progress = (done: number, total: number) => {
      if (job.ctrl.signal.aborted) return;
      this.onEvent?.({ id, type, phase: 'progress', done, total });
      const t = this.now();
      // Throttled: the first, then one per interval, and always the final one.
      if (done < total && t - last < this.intervalMs) return;
      last = t;
      this.post({ kind: 'progress', id, done, total });
    };
    this.onEvent?.({ id, type, phase: 'start' });
    try {
      if (!handler) throw new Error(`no handler for request type "${type}"`);
      // Let a cancel sent right after the request arrive before the work starts.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      job.ctrl.signal.throwIfAborted();
      const result = await handler(job.payload, { signal: job.ctrl.signal, progress });
      job.ctrl.signal.throwIfAborted();
      this.onEvent?.({ id, type, phase: 'done' });
      this.post({ kind: 'result', id, result }, collectTransferables(result));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.onEvent?.(err.name === 'AbortError' ? { id, type, phase: 'aborted' } : { id, type, phase: 'error', name: err.name });
      // An expected failure with a message code (no footprints, no plan…) keeps its code, so the page shows it in the user's language.
      this.post({ kind: 'error', id, name: err.name, message: err.message, ...(err instanceof CodedError ? { coded: messageOf(err) } : {}) });
    }
  }
}

/** An error that came back from the worker, with the worker's error name. */
export class RpcError extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
  }
}

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

/**
 * The page side: typed requests with ids, progress callbacks, cancellation
 * through an AbortSignal (the promise rejects at once with an AbortError and
 * the worker is told to stop), worker errors as rejections.
 *
 * @example
 * const rpc = new RpcClient<AnalysisMessages>(new Worker(url, { type: 'module' }));
 * const r = await rpc.request('analysis', req, { signal, onProgress: (d, t) => … });
 */
export class RpcClient<M extends MessageMap> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly onMessage = (ev: MessageEvent) => this.receive(ev.data as FromWorker);

  constructor(private readonly ep: Endpoint & { terminate?(): void }) {
    ep.addEventListener('message', this.onMessage);
    ep.start?.();
  }

  /** Requests still waiting for an answer. */
  get inFlight(): number {
    return this.pending.size;
  }

  request<T extends keyof M & string>(type: T, payload: M[T]['request'], opts: RequestOptions = {}): Promise<M[T]['response']> {
    const id = this.nextId++;
    return new Promise<M[T]['response']>((resolve, reject) => {
      const { signal } = opts;
      if (signal?.aborted) {
        reject(abortError(`${type} aborted`));
        return;
      }
      const onAbort = () => {
        this.pending.get(id)?.cleanup();
        this.pending.delete(id);
        this.ep.postMessage({ kind: 'cancel', id } satisfies ToWorker);
        reject(abortError(`${type} aborted`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      this.ep.postMessage({ kind: 'request', id, type, payload } satisfies ToWorker, opts.transfer);
    });
  }

  /** Rejects everything pending and stops the worker (when it is one). */
  terminate(): void {
    for (const p of this.pending.values()) {
      p.cleanup();
      p.reject(new RpcError('worker terminated', 'TerminatedError'));
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
    else p.reject(m.coded ? new CodedError(m.coded) : new RpcError(m.message, m.name));
  }
}
