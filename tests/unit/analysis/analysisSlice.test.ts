import { describe, expect, it } from 'vitest';
import { controllerHarness, makeStore } from './analysisTestUtils';
import { sunHoursSummary } from '../../../src/core/analysis/sunHours/sunHoursAnalysis';
import { startAnalysisController } from '../../../src/app/analysisController';

describe('analysisSlice', () => {
  it('requests runs with increasing ids, drops stale results, cancels and clears', () => {
    const store = makeStore();
    const s = () => store.getState();
    s().setTime(Date.parse('2026-03-20T15:00:00+01:00'));
    s().setAnalysisKind('sunHours');
    s().setAnalysisParams({ cellM: 5, stepMin: 15 });
    expect(() => s().setAnalysisParams({ cellM: 0 })).toThrow(/cell size 0 m/);
    s().requestAnalysis();
    expect(s().analysisRun).toMatchObject({ runId: 1, kind: 'sunHours', date: '2026-03-20', cellM: 5, stepMin: 15 });
    expect(s().analysisStatus).toBe('running');
    s().analysisProgressed(1, 0.5);
    expect(s().analysisProgress).toBe(0.5);
    s().requestAnalysis();
    expect(s().analysisRun!.runId).toBe(2);
    const grid = { x0: 0, y0: 0, cellM: 5, nx: 2, ny: 1, originX: 0, originY: 0 };
    const result = { kind: 'sunHours' as const, grid, sunHours: new Float32Array([3, 5]), building: new Uint8Array(2), stepCount: 48, stepHours: 0.25, ...sunHoursSummary([3, 5], [0, 0]), zones: [], inputs: { catalogId: 'd', layers: ['b'], variant: null } };
    s().analysisFinished({ ...result, runId: 1 });
    expect(s().analysisResult).toBeUndefined();
    s().analysisFinished({ ...result, runId: 2 });
    expect(s().analysisStatus).toBe('done');
    expect(s().analysisResult).toMatchObject({ meanSunHours: 4, shareAtLeast2h: 1, shareAtLeast4h: 0.5 });
    s().requestAnalysis();
    s().cancelAnalysis();
    expect(s().analysisStatus).toBe('cancelled');
    s().analysisFailed(3, { code: 'common.error', params: { detail: 'late' } });
    expect(s().analysisError).toBeUndefined();
    s().clearAnalysis();
    expect(s().analysisResult).toBeUndefined();
  });

  it('the app controller runs requests through the worker handler and reports progress, results and cancellation', async () => {
    const { store, client, urls, close } = controllerHarness();
    const stop = startAnalysisController(store, client);
    const s = () => store.getState();
    const done = () => new Promise<void>((resolve) => { const u = store.subscribe((st) => { if (st.analysisStatus !== 'running') { u(); resolve(); } }); });

    s().setTime(Date.parse('2026-03-20T15:00:00+01:00'));
    s().requestAnalysis();
    await done();
    expect(s().analysisStatus).toBe('done');
    expect(s().analysisResult).toMatchObject({ kind: 'shadows', status: 'ok' });
    expect(urls).toEqual(['http://x/data/d/buildings.geojson']);

    s().setAnalysisKind('sunHours');
    s().setAnalysisParams({ cellM: 2, stepMin: 30 });
    const progress: number[] = [];
    const u = store.subscribe((st) => progress.push(st.analysisProgress));
    s().requestAnalysis();
    await done();
    u();
    const r = s().analysisResult;
    expect(r?.kind).toBe('sunHours');
    if (r?.kind === 'sunHours') {
      expect(r.sunHours).toBeInstanceOf(Float32Array);
      expect(r.groundCells).toBeGreaterThan(1000);
      expect(r.meanSunHours).toBeGreaterThan(1);
    }
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);

    // Cancel: the worker request is aborted, the status stays 'cancelled', no result replaces the old one.
    s().setAnalysisParams({ cellM: 1, stepMin: 2 });
    s().setAnalysisParams({ date: '2026-06-21' });
    s().requestAnalysis();
    s().cancelAnalysis();
    // Requests of one worker run one at a time in order: a later request's reply comes after anything the cancelled job posted.
    await client.request('dataset.open', { catalogUrl: 'http://x/data/d/catalog.json', layers: [] });
    expect(s().analysisStatus).toBe('cancelled');
    expect(s().analysisResult).toBe(r);
    expect(client.inFlight).toBe(0);
    stop();
    close();
  });
});
