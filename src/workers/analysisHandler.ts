import { runCompliance, runOverlaps, runShadows, runSunHours, runSunPoints, type Progress } from '../core/analysis';
import type { AnalysisType, Endpoint, FromWorker, ToWorker } from './protocol';

/** How long the handler computes before yielding to the event loop (to see cancel messages). */
const SLICE_MS = 25;

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Buffers of typed arrays in a result, to transfer instead of copy. */
function transferables(result: unknown): Transferable[] {
  const out: Transferable[] = [];
  if (result && typeof result === 'object')
    for (const v of Object.values(result)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.push(v.buffer);
  return out;
}

class Cancelled extends Error {
  override name = 'AbortError';
}

/**
 * Serves analysis requests on an endpoint (the worker's global scope, or a
 * MessagePort in tests): runs the core, posts progress, answers cancellation
 * and sends errors back as messages.
 */
export function attachAnalysisHandler(ep: Endpoint): void {
  const cancelled = new Set<number>();
  const post = (m: FromWorker, transfer?: Transferable[]) => ep.postMessage(m, transfer);
  ep.addEventListener('message', (ev: MessageEvent) => {
    const msg = ev.data as ToWorker;
    if (msg.kind === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    if (msg.kind !== 'request') return;
    run(msg.id, msg.type, msg.payload).then(
      (result) => post({ kind: 'result', id: msg.id, result }, transferables(result)),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        post({ kind: 'error', id: msg.id, name: err.name, message: err.message });
      },
    ).finally(() => cancelled.delete(msg.id));
  });
  ep.start?.();

  async function run(id: number, type: AnalysisType, payload: unknown): Promise<unknown> {
    // Let a cancel sent right after the request arrive first.
    await yieldToLoop();
    if (cancelled.has(id)) throw new Cancelled(`analysis ${id} cancelled`);
    switch (type) {
      case 'sunHours':
        return drain(id, runSunHours(payload as Parameters<typeof runSunHours>[0]));
      case 'sunPoints':
        return drain(id, runSunPoints(payload as Parameters<typeof runSunPoints>[0]));
      case 'shadows':
        return runShadows(payload as Parameters<typeof runShadows>[0]);
      case 'overlaps':
        return runOverlaps(payload as Parameters<typeof runOverlaps>[0]);
      case 'compliance':
        return runCompliance(payload as Parameters<typeof runCompliance>[0]);
      default:
        throw new Error(`unknown analysis type "${String(type)}"`);
    }
  }

  /** Runs a progress generator to its end, posting progress and yielding to the loop every slice to see cancel messages. */
  async function drain<T>(id: number, it: Generator<Progress, T>): Promise<T> {
    let t = Date.now();
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
      post({ kind: 'progress', id, done: r.value.done, total: r.value.total });
      if (Date.now() - t > SLICE_MS) {
        await yieldToLoop();
        t = Date.now();
        if (cancelled.has(id)) throw new Cancelled(`analysis ${id} cancelled`);
      }
    }
  }
}
