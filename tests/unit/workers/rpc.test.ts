import { afterEach, describe, expect, it } from 'vitest';
import { collectTransferables, RpcClient, RpcServer, type Endpoint, type RpcEvent } from '../../../src/workers/rpc';

/** A small message map for the RPC's own behaviour (the app's maps are tested in analysisWorker / convertDroppedFile). */
type TestMessages = {
  count: { request: { n: number }; response: number };
  hold: { request: { name: string }; response: string };
  loop: { request: null; response: number };
  fail: { request: null; response: never };
  buffers: { request: null; response: { a: Float32Array; nested: { b: Uint8Array }; same: Float32Array } };
};

function connect(opts: { now?: () => number } = {}) {
  const { port1, port2 } = new MessageChannel();
  const events: RpcEvent[] = [];
  const server = new RpcServer<TestMessages>(port2 as unknown as Endpoint, { ...opts, onEvent: (e) => events.push(e) });
  const client = new RpcClient<TestMessages>(port1 as unknown as Endpoint);
  return { server, client, events, close: () => (port1.close(), port2.close()) };
}

/** A promise with its resolve, to hold a handler until the test lets it go. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('worker RPC', () => {
  let close = () => {};
  afterEach(() => close());

  it('throttles progress to 10 messages per second of handler time, plus the final one', async () => {
    let t = 0;
    const c = connect({ now: () => t });
    close = c.close;
    // 1,000 steps over 2 s of (simulated) handler time: 2 ms per step.
    c.server.register('count', ({ n }, { progress }) => {
      for (let i = 1; i <= n; i++) {
        t += 2;
        progress(i, n);
      }
      return n;
    });
    const got: number[] = [];
    expect(await c.client.request('count', { n: 1000 }, { onProgress: (d) => got.push(d) })).toBe(1000);
    // One every 100 ms over 2 s → 20, the final one always.
    expect(got.length).toBeGreaterThanOrEqual(20);
    expect(got.length).toBeLessThanOrEqual(21);
    expect(got[0]).toBe(1);
    expect(got.at(-1)).toBe(1000);
    // The handler itself reported every step (the throttle is on the messages only).
    expect(c.events.filter((e) => e.phase === 'progress')).toHaveLength(1000);
  });

  it('runs requests one at a time in order; a request cancelled while queued never starts', async () => {
    const c = connect();
    close = c.close;
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    c.server.register('hold', async ({ name }) => {
      started.push(name);
      const g = deferred();
      gates.set(name, g);
      await g.promise;
      return name;
    });
    const ctrl = new AbortController();
    const a = c.client.request('hold', { name: 'a' });
    const b = c.client.request('hold', { name: 'b' }, { signal: ctrl.signal });
    const d = c.client.request('hold', { name: 'd' });
    await expect.poll(() => started).toEqual(['a']);
    ctrl.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => c.events.find((e) => e.phase === 'skipped')).toMatchObject({ id: 2, phase: 'skipped' });
    gates.get('a')!.resolve();
    expect(await a).toBe('a');
    await expect.poll(() => started).toEqual(['a', 'd']);
    gates.get('d')!.resolve();
    expect(await d).toBe('d');
    expect(started).toEqual(['a', 'd']);
  });

  it('the abort reaches the running handler as its AbortSignal', async () => {
    const c = connect();
    close = c.close;
    let sawAbort = false;
    let rounds = 0;
    c.server.register('loop', async (_p, { signal, progress }) => {
      signal.addEventListener('abort', () => (sawAbort = true));
      for (;;) {
        rounds++;
        progress(rounds, 1e9);
        await new Promise((r) => setTimeout(r, 0));
        signal.throwIfAborted();
      }
    });
    const ctrl = new AbortController();
    const p = c.client.request('loop', null, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => c.events.at(-1)?.phase).toBe('aborted');
    expect(sawAbort).toBe(true);
    expect(rounds).toBeLessThan(1000);
    expect(c.client.inFlight).toBe(0);
  });

  it('errors come back as rejections with their name and message; unknown types are refused', async () => {
    const c = connect();
    close = c.close;
    c.server.register('fail', () => {
      const e = new RangeError('out of range: 7');
      throw e;
    });
    await expect(c.client.request('fail', null)).rejects.toMatchObject({ name: 'RangeError', message: 'out of range: 7' });
    await expect(c.client.request('count', { n: 1 })).rejects.toThrow(/no handler for request type "count"/);
  });

  it('transfers the buffers of typed arrays in results (each once), so the worker keeps none', async () => {
    const c = connect();
    close = c.close;
    const a = new Float32Array([1, 2, 3]);
    const b = new Uint8Array([4]);
    c.server.register('buffers', () => ({ a, nested: { b }, same: a }));
    expect(collectTransferables({ a, nested: { b }, same: a })).toEqual([a.buffer, b.buffer]);
    const r = await c.client.request('buffers', null);
    expect(Array.from(r.a)).toEqual([1, 2, 3]);
    expect(Array.from(r.nested.b)).toEqual([4]);
    // Transferred, not copied: the worker's arrays are detached.
    expect(a.byteLength).toBe(0);
    expect(b.byteLength).toBe(0);
  });
});
