import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { runShadows, runSunHoursSync } from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import type { CatalogLayer } from '../../../src/core/model/Catalog';
import { connectAnalysisWorker } from '../analysis/analysisTestUtils';

/**
 * Round trips over a real MessageChannel: the page's RPC client on one port,
 * the analysis worker's handlers on the other (the same code the worker entry
 * attaches). The worker holds the dataset: it is opened once, then requests
 * carry a handle; `fetchJson` stands in for the network.
 */
const centre: [number, number] = [9.99, 53.55];
const buildings = generateDistrict({ centre, sizeM: 200, count: 150, seed: 5 });
const big = generateDistrict({ centre, sizeM: 600, count: 2500, seed: 9 });
const mid = generateDistrict({ centre, sizeM: 400, count: 600, seed: 7 });
const bbox: [number, number, number, number] = [9.9885, 53.5492, 9.9915, 53.5508];
const layer = (id: string, url: string): CatalogLayer => ({ id, title: { de: id, en: id }, group: { de: 'g', en: 'g' }, type: 'geojson-polygons', url, defaultVisible: false, attribution: '', role: 'buildingFootprints' });

function open(files: Record<string, unknown>) {
  const fetched: string[] = [];
  const w = connectAnalysisWorker(async (u) => {
    fetched.push(u);
    if (!(u in files)) throw new Error(`HTTP 404 for ${u}`);
    return structuredClone(files[u]);
  });
  return { ...w, fetched };
}

describe('analysis worker round trip (dataset held in the worker)', () => {
  let close = () => {};
  afterEach(() => close());

  it('sun hours by handle: the core numbers, typed arrays intact, throttled progress ending at 1, the footprints fetched once', async () => {
    const w = open({ 'http://x/d/buildings.geojson': buildings });
    close = w.close;
    const { datasetId } = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [layer('b', 'buildings.geojson')] });
    const progress: number[] = [];
    const params = { date: '2026-03-20', bbox, cellM: 2, stepMin: 15 };
    const r = await w.rpc.request('sunHours', { dataset: { datasetId, variant: null }, params }, { onProgress: (d, t) => progress.push(d / t) });
    const direct = runSunHoursSync({ buildings, ...params });
    expect(r.summary.sunHours).toBeInstanceOf(Float32Array);
    expect(r.summary.building).toBeInstanceOf(Uint8Array);
    expect(Array.from(r.summary.sunHours)).toEqual(Array.from(direct.sunHours));
    expect(r.summary.grid).toEqual(direct.grid);
    expect(r.layers).toEqual(['b']);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(direct.stepCount);
    expect(progress.at(-1)).toBe(1);
    await w.rpc.request('sunHours', { dataset: { datasetId, variant: null }, params: { ...params, stepMin: 30 } });
    expect(w.fetched).toEqual(['http://x/d/buildings.geojson']);
    expect(w.rpc.inFlight).toBe(0);
  });

  it('time-slider shadow steps send a handle of a few hundred bytes and re-use the prepared buildings; variants are applied in the worker', async () => {
    const w = open({ 'http://x/d/buildings.geojson': mid });
    close = w.close;
    const { datasetId } = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [layer('b', 'buildings.geojson')] });
    const t1 = Date.parse('2026-03-20T10:00:00+01:00'), t2 = Date.parse('2026-03-20T10:15:00+01:00');
    const call = (timeMs: number, variant: { buildings: never[]; demolishedIds: string[] } | null = null) => ({ dataset: { datasetId, variant }, params: { timeMs, perBuilding: false } });
    const a = await w.rpc.request('shadows', call(t1));
    const b = await w.rpc.request('shadows', call(t2));
    expect(a.summary.unionAreaM2).toBeCloseTo(runShadows({ buildings: mid, timeMs: t1 }).unionAreaM2, 6);
    expect(b.summary.unionAreaM2).toBeCloseTo(runShadows({ buildings: mid, timeMs: t2 }).unionAreaM2, 6);
    expect(w.datasets.stats).toMatchObject({ fetches: 1, prepareMisses: 1, prepareHits: 1, variantMisses: 1 });
    // Bytes the page posts per step (structured clone): the handle, not the 600 buildings.
    expect(serialize(call(t2)).length).toBeLessThan(300);
    expect(serialize({ buildings: mid, timeMs: t2 }).length).toBeGreaterThan(100_000);
    // A variant that demolishes a building: applied and cached in the worker by content.
    const gone = String(mid.features[0].properties.id);
    const c = await w.rpc.request('shadows', call(t2, { buildings: [], demolishedIds: [gone] }));
    expect(c.summary.unionAreaM2).toBeCloseTo(runShadows({ buildings: { ...mid, features: mid.features.slice(1) }, timeMs: t2 }).unionAreaM2, 6);
    await w.rpc.request('shadows', call(t1, { buildings: [], demolishedIds: [gone] }));
    expect(w.datasets.stats).toMatchObject({ fetches: 1, variantMisses: 2, prepareMisses: 2, prepareHits: 2 });
  });

  it('a cancelled request stops in the worker: the handler saw the abort and made no further progress', async () => {
    const w = open({ 'http://x/d/buildings.geojson': big });
    close = w.close;
    const { datasetId } = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [layer('b', 'buildings.geojson')] });
    const ctrl = new AbortController();
    const p = w.rpc.request('sunHours', { dataset: { datasetId, variant: null }, params: { date: '2026-06-21', bbox: [9.985, 53.547, 9.995, 53.553], cellM: 1, stepMin: 2 } }, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    // The worker side ends the request as aborted (waiting on its event, not on time).
    await expect.poll(() => w.events.find((e) => e.type === 'sunHours' && e.phase !== 'start' && e.phase !== 'progress')?.phase, { timeout: 10_000, interval: 20 }).toBe('aborted');
    const steps = w.events.filter((e) => e.type === 'sunHours' && e.phase === 'progress') as { done: number; total: number }[];
    expect(steps.at(-1)!.done).toBeLessThan(steps.at(-1)!.total / 2);
    // Later requests still work.
    const ok = await w.rpc.request('shadows', { dataset: { datasetId, variant: null }, params: { timeMs: Date.parse('2026-03-20T12:00:00+01:00') } });
    expect(ok.summary.status).toBe('ok');
  });

  it('returns errors as rejections with the message: unknown dataset, bad parameters, missing footprints', async () => {
    const w = open({ 'http://x/d/buildings.geojson': buildings });
    close = w.close;
    await expect(w.rpc.request('shadows', { dataset: { datasetId: 'nope', variant: null }, params: { timeMs: 0 } })).rejects.toThrow(/dataset "nope" is not open/);
    const { datasetId } = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [layer('b', 'buildings.geojson')] });
    await expect(w.rpc.request('sunHours', { dataset: { datasetId, variant: null }, params: { date: '2026-03-20', bbox, cellM: 0, stepMin: 10 } })).rejects.toThrow(/cell size 0 must be > 0/);
    const empty = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [] });
    await expect(w.rpc.request('shadows', { dataset: { datasetId: empty.datasetId, variant: null }, params: { timeMs: 0 } })).rejects.toMatchObject({ code: 'analysis.noFootprints' });
    const missing = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/d/catalog.json', layers: [layer('b', 'gone.geojson')] });
    await expect(w.rpc.request('shadows', { dataset: { datasetId: missing.datasetId, variant: null }, params: { timeMs: 0 } })).rejects.toThrow(/HTTP 404 for http:\/\/x\/d\/gone.geojson/);
    await expect(w.rpc.request('nope' as 'shadows', { dataset: { datasetId, variant: null }, params: { timeMs: 0 } })).rejects.toThrow(/no handler for request type "nope"/);
    expect(w.rpc.inFlight).toBe(0);
  });
});
