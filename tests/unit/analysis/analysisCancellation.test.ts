import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { generateTiling } from '../../../scripts/bench/support/generateLayers';
import { ANALYSES, type AnalysisKindId } from '../../../src/core/analysis/analysisKinds';
import type { LoadedInputs, RunContext } from '../../../src/core/analysis/AnalysisDescriptor';

/*
 * Cancellation on the worker side, for every kind: the run is given an
 * AbortSignal that is aborted at its first progress report. A run that
 * observes the signal rejects with an AbortError and reports no further
 * progress; a run that ignored it would carry on to done === total and
 * resolve, and fail here. (The RPC passes the request's signal to the same
 * `run`; analysisWorker.test.ts checks that path end to end.)
 */
const centre: [number, number] = [9.99, 53.55];
const buildings = generateDistrict({ centre, sizeM: 300, count: 400, seed: 3 });
const tiles = generateTiling({ centre, sizeM: 300, nx: 6, ny: 6, seed: 2, groups: ['WA', 'MI'] });
const plan: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: tiles.features.map((f, i) => ({ ...f, properties: { id: `BG${i}`, landUse: i % 2 ? 'MI' : 'WA', grz: 0.4, gfz: 1.2, maxStoreys: 4 } })) };
const zones = generateTiling({ centre, sizeM: 200, nx: 4, ny: 4, seed: 4, groups: ['a', 'b'], idPrefix: 'z' });
const inputs: LoadedInputs = { buildings, plan, zoneLayers: [{ layerId: 'zones', fc: zones }], layers: { a: plan, b: zones } };
const ring = (buildings.features[0].geometry as GeoJSON.Polygon).coordinates[0];

const params: { [K in AnalysisKindId]: unknown } = {
  shadows: { timeMs: Date.parse('2026-03-20T12:00:00+01:00') },
  sunHours: { date: '2026-06-21', cellM: 2, stepMin: 5 },
  sunPoints: { date: '2026-06-21', stepMin: 5, points: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, lonLat: [ring[0][0] + i * 1e-5, ring[0][1] - 2e-4] })) },
  overlaps: { a: 'a', b: 'b' },
  compliance: {},
  layerStats: { layers: ['a', 'b'] },
  compare: { before: null, after: { buildings: [], demolishedIds: [String(buildings.features[0].properties.id)] }, sun: { date: '2026-06-21', cellM: 3, stepMin: 20, marginM: 60 } },
};

/** Runs a kind with a signal aborted at its first progress report; returns the outcome and every progress report. */
async function runAbortingAtFirstProgress(kind: AnalysisKindId): Promise<{ outcome: string; steps: [number, number][] }> {
  const d = ANALYSES[kind] as unknown as { buildRequest(i: LoadedInputs, p: unknown): unknown; run(r: unknown, c: RunContext): Promise<unknown> };
  const ctrl = new AbortController();
  const steps: [number, number][] = [];
  const ctx: RunContext = {
    signal: ctrl.signal,
    progress: (done, total) => {
      steps.push([done, total]);
      ctrl.abort();
    },
  };
  const outcome = await d.run(d.buildRequest(inputs, params[kind]), ctx).then(
    () => 'finished',
    (e: Error) => e.name,
  );
  return { outcome, steps };
}

describe('every analysis kind stops when its signal is aborted', () => {
  it.each(Object.keys(ANALYSES) as AnalysisKindId[])('%s', async (kind) => {
    const { outcome, steps } = await runAbortingAtFirstProgress(kind);
    expect(outcome).toBe('AbortError');
    // At most one more report after the abort (a step already under way), and far from the end.
    expect(steps.length).toBeLessThanOrEqual(2);
    const [done, total] = steps.at(-1)!;
    expect(done).toBeLessThan(total);
  });

  it('each kind runs to the end with a signal that is not aborted (the same inputs are valid)', async () => {
    for (const kind of Object.keys(ANALYSES) as AnalysisKindId[]) {
      const d = ANALYSES[kind] as unknown as { buildRequest(i: LoadedInputs, p: unknown): unknown; run(r: unknown, c: RunContext): Promise<unknown> };
      const steps: [number, number][] = [];
      await d.run(d.buildRequest(inputs, params[kind]), { signal: new AbortController().signal, progress: (a, b) => steps.push([a, b]) });
      expect(steps.at(-1)![0], kind).toBe(steps.at(-1)![1]);
      expect(steps.length, kind).toBeGreaterThan(1);
    }
  });
});
