import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { baugebietLights } from '../../../src/core/analysis/compliance/baugebietLights';
import { sunHoursAt } from '../../../src/core/analysis/sunHours/sunHoursAnalysis';
import { startAnalysisController } from '../../../src/app/analysisController';
import { connectAnalysisWorker, makeStore } from './analysisTestUtils';
import type { AreaCompliance } from '../../../src/core/analysis';

const DEMO = path.resolve('data/demo');
const hasDemo = existsSync(path.join(DEMO, 'catalog.json'));
if (!hasDemo) console.log('analysisPanelController: data/demo missing (npm run demo-data), demo tests skipped');

const row = (baugebietId: string, kind: 'baugebiet' | 'parcel', statuses: ('ok' | 'exceeded' | 'unknown')[]): AreaCompliance => ({
  areaId: kind === 'parcel' ? `P-${baugebietId}` : baugebietId,
  kind,
  baugebietId,
  landUse: 'WA',
  plotAreaM2: 100,
  rules: statuses.map((status) => ({ rule: 'GRZ', value: 0.3, limit: status === 'unknown' ? null : 0.4, status, buildingIds: ['B1'] })),
});

describe('sunHoursAt', () => {
  it('reads the cell under a local point, null in buildings, undefined outside', () => {
    const r = { grid: { x0: -10, y0: -5, cellM: 5, nx: 3, ny: 2 }, sunHours: Float32Array.from([1, 2, 3, 4, 5, 6]), building: Uint8Array.from([0, 0, 0, 0, 1, 0]) };
    expect(sunHoursAt(r, -10, -5)).toBe(1);
    expect(sunHoursAt(r, 4.9, -0.1)).toBe(3);
    expect(sunHoursAt(r, -9, 0)).toBe(4);
    expect(sunHoursAt(r, -4, 4)).toBeNull();
    expect(sunHoursAt(r, 5, 0)).toBeUndefined();
    expect(sunHoursAt(r, -10.01, 0)).toBeUndefined();
  });
});

describe('baugebietLights', () => {
  it('red when the zone or one of its parcels exceeds a rule, green when checked and fine, grey without limits', () => {
    const l = baugebietLights([row('A', 'baugebiet', ['ok', 'unknown']), row('B', 'baugebiet', ['ok']), row('B', 'parcel', ['exceeded']), row('C', 'baugebiet', ['unknown']), row('D', 'baugebiet', ['exceeded', 'ok'])], { A: 'WA 1', B: 'WA 2', C: 'WA 3', D: 'WA 10' });
    expect(l.map((x) => [x.label, x.light])).toEqual([['WA 1', 'ok'], ['WA 2', 'exceeded'], ['WA 3', 'unknown'], ['WA 10', 'exceeded']]);
    expect(l[1].parcels.map((p) => p.areaId)).toEqual(['P-B']);
    // A closed-pattern zone ignores its parcel rows.
    expect(baugebietLights([row('B', 'baugebiet', ['ok']), row('B', 'parcel', ['exceeded'])], {}, ['B'])[0]).toMatchObject({ light: 'ok', parcels: [] });
  });
});

describe.skipIf(!hasDemo)('analysis controller on the demo district', () => {
  const setup = () => {
    const store = makeStore();
    const w = connectAnalysisWorker(async (u) => JSON.parse(readFileSync(path.join(DEMO, new URL(u).pathname.replace('/data/demo/', '')), 'utf8')));
    store.getState().setCatalog(JSON.parse(readFileSync(path.join(DEMO, 'catalog.json'), 'utf8')), 'http://x/data/demo/catalog.json');
    const stop = startAnalysisController(store, w.rpc);
    const done = () => new Promise<void>((resolve) => { const un = store.subscribe((st) => { if (st.analysisStatus !== 'running') { un(); resolve(); } }); });
    return { store, done, close: () => { stop(); w.close(); } };
  };

  it('compliance finds the deliberate breaches listed in the README (Demo district)', async () => {
    const { store, done, close } = setup();
    store.getState().setAnalysisKind('compliance');
    store.getState().requestAnalysis();
    await done();
    const r = store.getState().analysisResult;
    expect(store.getState().analysisError).toBeUndefined();
    if (r?.kind !== 'compliance') throw new Error('no compliance result');
    const lights = baugebietLights(r.areas, r.labels, r.closedZones);
    const red = lights.filter((l) => l.light === 'exceeded');
    const ids = (l: (typeof lights)[number]) => new Set([...(l.area?.rules ?? []), ...l.parcels.flatMap((p) => p.rules)].filter((x) => x.status === 'exceeded').flatMap((x) => x.buildingIds));
    const byLabel = new Map(lights.map((l) => [l.label, l]));
    expect(red.map((l) => l.label).sort()).toEqual(['GE 1', 'WA 1', 'WA 5', 'WA 6']);
    expect([...ids(byLabel.get('WA 1')!)]).toEqual(['DEMO_BLDG_0064']);
    expect([...ids(byLabel.get('WA 5')!)].sort()).toEqual(['DEMO_BLDG_0214', 'DEMO_BLDG_0223']);
    expect([...ids(byLabel.get('WA 6')!)]).toEqual(['DEMO_BLDG_0229']);
    expect(byLabel.get('GE 1')!.area!.rules.find((x) => x.rule === 'GRZ')).toMatchObject({ status: 'exceeded' });
    expect(byLabel.get('WA 5')!.parcels.map((p) => p.areaId)).toEqual(['DEMO_FS_0200', 'DEMO_FS_0209']);
    expect(r.buildingCentres.DEMO_BLDG_0064[1]).toBeCloseTo(53.55, 1);
    expect(r.lightsGeojson.features.filter((f) => f.properties?.light === 'exceeded').map((f) => r.labels[f.properties!.id]).sort()).toEqual(['GE 1', 'WA 1', 'WA 5', 'WA 6']);
    expect(r.inputs).toMatchObject({ catalogId: 'demo', layers: ['building-footprints', 'bplan-baugebiete', 'bplan-gemeinbedarf', 'bplan-baugrenzen', 'bplan-ueberbaubare-flaechen', 'parcels'] });
    // The school's Gemeinbedarfsfläche sets GRZ 0.5, GFZ 1.5 and IV storeys: checked too, and it complies.
    expect(byLabel.get('Schule')!.area!.rules.map((x) => x.rule)).toEqual(expect.arrayContaining(['GRZ', 'GFZ', 'storeys']));
    close();
  });

  it('overlaps of Baugebiete and the flood zone come back grouped with shares and polygons', async () => {
    const { store, done, close } = setup();
    store.getState().setAnalysisKind('overlaps');
    store.getState().setAnalysisParams({ overlapA: 'bplan-baugebiete', overlapB: 'flood' });
    store.getState().requestAnalysis();
    await done();
    const r = store.getState().analysisResult;
    if (r?.kind !== 'overlaps') throw new Error(`no overlaps result: ${JSON.stringify(store.getState().analysisError)}`);
    expect(r.groups.length).toBeGreaterThan(0);
    expect(r.groups.reduce((s, g) => s + g.areaM2, 0)).toBeCloseTo(r.totalAreaM2, 6);
    for (const g of r.groups) expect(g.shareOfA > 0 && g.shareOfA <= 1 + 1e-9).toBe(true);
    expect(r.geojson.features.length).toBe(r.pairCount);
    expect(r.inputs.layers).toEqual(['bplan-baugebiete', 'flood']);
    close();
  });

  it('shadows follow the scene time once computed', async () => {
    const { store, done, close } = setup();
    const s = () => store.getState();
    s().setTime(Date.parse('2026-03-20T10:00:00+01:00'));
    s().requestAnalysis();
    await done();
    const first = s().analysisResult;
    if (first?.kind !== 'shadows') throw new Error('no shadows');
    s().setTime(Date.parse('2026-03-20T16:00:00+01:00'));
    await new Promise<void>((resolve) => { const un = store.subscribe((st) => { if (st.analysisRun?.runId === 2 && st.analysisStatus === 'done') { un(); resolve(); } }); });
    const second = s().analysisResult;
    if (second?.kind !== 'shadows') throw new Error('no shadows');
    expect(second.inputs.timeMs).toBe(Date.parse('2026-03-20T16:00:00+01:00'));
    expect(second.azimuthDeg).toBeGreaterThan(first.azimuthDeg + 40);
    // A follow-time re-run would be a debounced timer: fake the timers and run them all now.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    s().setAnalysisParams({ followTime: false });
    s().setTime(Date.parse('2026-03-20T12:00:00+01:00'));
    vi.runAllTimers();
    vi.useRealTimers();
    expect(s().analysisRun!.runId).toBe(2);
    close();
  });
});
