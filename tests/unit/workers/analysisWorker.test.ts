import { afterEach, describe, expect, it } from 'vitest';
import { runSunHoursSync, runSunPointsSync, runShadows } from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { attachAnalysisHandler } from '../../../src/workers/analysisHandler';
import { AnalysisClient } from '../../../src/workers/client';
import type { Endpoint } from '../../../src/workers/protocol';

/**
 * Round trip over a real MessageChannel: the client on one port, the same
 * handler the worker entry attaches on the other. Messages are structured
 * clones and typed-array buffers are transferred, as with a Worker.
 */
function connect(): { client: AnalysisClient; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  attachAnalysisHandler(port2 as unknown as Endpoint);
  const client = new AnalysisClient(port1 as unknown as Endpoint);
  return {
    client,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const centre: [number, number] = [9.99, 53.55];
const buildings = generateDistrict({ centre, sizeM: 200, count: 150, seed: 5 });
const bbox: [number, number, number, number] = [9.9885, 53.5492, 9.9915, 53.5508];

describe('analysis worker round trip', () => {
  let close = () => {};
  afterEach(() => close());

  it('answers a sun-hours request with progress and the same numbers as the direct core call, typed arrays intact', async () => {
    const c = connect();
    close = c.close;
    const progress: number[] = [];
    const req = { buildings, date: '2026-03-20', bbox, cellM: 2, stepMin: 15 };
    const r = await c.client.request('sunHours', req, { onProgress: (d, t) => progress.push(d / t) });
    const direct = runSunHoursSync(req);
    expect(r.sunHours).toBeInstanceOf(Float32Array);
    expect(r.building).toBeInstanceOf(Uint8Array);
    expect(Array.from(r.sunHours)).toEqual(Array.from(direct.sunHours));
    expect(r.grid).toEqual(direct.grid);
    expect(progress.length).toBe(direct.stepCount);
    expect(progress[progress.length - 1]).toBe(1);
    expect(c.client.inFlight).toBe(0);
  });

  it('answers a sun-points request (ground and building clicks) with one progress event per point and the core numbers', async () => {
    const c = connect();
    close = c.close;
    const b0 = buildings.features[0];
    const ring = (b0.geometry.type === 'Polygon' ? b0.geometry.coordinates : b0.geometry.coordinates[0])[0];
    const points = [
      { id: 'g1', lonLat: [9.9895, 53.5497] as [number, number] },
      { id: 'g2', lonLat: [9.9905, 53.5503] as [number, number], heightM: 1.5 },
      // Halfway along the first footprint edge of a building: a façade point.
      { id: 'wall', lonLat: [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[1][1]) / 2] as [number, number], heightM: 3, onBuildingId: String(b0.properties.id) },
    ];
    const progress: [number, number][] = [];
    const req = { buildings, points, date: '2026-03-21', stepMin: 10, thresholdHours: 1.5 };
    const r = await c.client.request('sunPoints', req, { onProgress: (d, t) => progress.push([d, t]) });
    expect(r).toEqual(runSunPointsSync(req));
    expect(r.points.map((p) => p.kind)).toEqual(['ground', 'ground', 'facade']);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(c.client.inFlight).toBe(0);
  });

  it('cancels a long sun-points request between points', async () => {
    const c = connect();
    close = c.close;
    const ctrl = new AbortController();
    let seen = 0;
    const big = generateDistrict({ centre, sizeM: 600, count: 2500, seed: 9 });
    const points = Array.from({ length: 4000 }, (_, i) => ({ id: `p${i}`, lonLat: [9.986 + (i % 80) * 0.0001, 53.548 + Math.floor(i / 80) * 0.0001] as [number, number] }));
    const p = c.client.request('sunPoints', { buildings: big, points, date: '2026-06-21', stepMin: 1 }, {
      signal: ctrl.signal,
      onProgress: (d) => {
        seen = d;
        if (!ctrl.signal.aborted) ctrl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    // The later request's answer comes after every progress message the cancelled job posted.
    await expect(c.client.request('sunPoints', { buildings, points: points.slice(0, 1), date: '2026-06-21', stepMin: 10, thresholdHours: 30 })).rejects.toThrow(/threshold 30 h/);
    expect(seen).toBeLessThan(points.length);
  });

  it('keeps concurrent requests apart by id', async () => {
    const c = connect();
    close = c.close;
    const t1 = Date.parse('2026-03-20T10:00:00+01:00'), t2 = Date.parse('2026-06-21T17:00:00+02:00');
    const [a, b] = await Promise.all([
      c.client.request('shadows', { buildings, timeMs: t1, perBuilding: false }),
      c.client.request('shadows', { buildings, timeMs: t2, perBuilding: false }),
    ]);
    expect(a.unionAreaM2).toBeCloseTo(runShadows({ buildings, timeMs: t1 }).unionAreaM2, 6);
    expect(b.unionAreaM2).toBeCloseTo(runShadows({ buildings, timeMs: t2 }).unionAreaM2, 6);
    expect(a.unionAreaM2).not.toBeCloseTo(b.unionAreaM2, 0);
  });

  it('cancels through an AbortSignal: rejects with AbortError, the worker stops, later requests still work', async () => {
    const c = connect();
    close = c.close;
    const ctrl = new AbortController();
    let seen = 0;
    const big = generateDistrict({ centre, sizeM: 600, count: 2500, seed: 9 });
    const p = c.client.request('sunHours', { buildings: big, date: '2026-06-21', bbox: [9.985, 53.547, 9.995, 53.553], cellM: 1, stepMin: 2 }, {
      signal: ctrl.signal,
      onProgress: (d) => {
        seen = d;
        if (d === 3) ctrl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(c.client.inFlight).toBe(0);
    // The handler notices the cancel message between slices and stops early; the later
    // request's answer comes after every progress message the cancelled job posted.
    const ok = await c.client.request('shadows', { buildings, timeMs: Date.parse('2026-03-20T12:00:00+01:00'), perBuilding: false });
    expect(ok.status).toBe('ok');
    const stoppedAt = seen;
    expect(stoppedAt).toBeLessThan(50);
    // Already-aborted signals reject without sending.
    await expect(c.client.request('shadows', { buildings, timeMs: 0 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('returns errors as rejections with the core message', async () => {
    const c = connect();
    close = c.close;
    await expect(c.client.request('sunHours', { buildings, date: '2026-03-20', bbox, cellM: 0, stepMin: 10 })).rejects.toThrow(/cell size 0 must be > 0/);
    await expect(c.client.request('sunHours', { buildings, date: '20.03.2026', bbox, cellM: 2, stepMin: 10 })).rejects.toThrow(/not YYYY-MM-DD/);
    await expect(c.client.request('nope' as 'shadows', { buildings, timeMs: 0 })).rejects.toThrow(/unknown analysis type "nope"/);
    expect(c.client.inFlight).toBe(0);
  });
});
