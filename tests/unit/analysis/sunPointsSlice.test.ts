import { describe, expect, it } from 'vitest';
import { controllerHarness } from './analysisTestUtils';
import { runSunPointsSync } from '../../../src/core/analysis';
import { startAnalysisController } from '../../../src/app/analysisController';
import { untilState } from '../../support/untilState';
import { sunPointsCsv } from '../../../src/ui/analysis/analysisCsv';
import { readTableInputs } from '../../../src/core/table/writeTable';


describe('sun at points in the store and the app controller', () => {
  it('placing a point runs all points in the worker; threshold and removal recompute; results equal the core call', async () => {
    const { store, client, buildings, close } = controllerHarness();
    const stop = startAnalysisController(store, client);
    const s = () => store.getState();
    const done = () => new Promise<void>((resolve) => { const u = store.subscribe((st) => { if (st.analysisStatus !== 'running') { u(); resolve(); } }); });
    s().setTime(Date.parse('2026-03-21T12:00:00+01:00'));

    store.setState({ tool: 'placeSunPoint' });
    const ring = (buildings.features[3].geometry as GeoJSON.Polygon).coordinates[0];
    const wall: [number, number] = [(ring[1][0] + ring[2][0]) / 2, (ring[1][1] + ring[2][1]) / 2];
    s().addSunPoint({ lonLat: [9.9895, 53.5497], heightM: 0 });
    expect(s().tool).toBe('select');
    expect(s().analysisKind).toBe('sunPoints');
    expect(s().analysisRun).toMatchObject({ kind: 'sunPoints', date: '2026-03-21', thresholdHours: 1.5, points: [{ id: 'P1' }] });
    s().addSunPoint({ lonLat: wall, heightM: 4, onBuildingId: String(buildings.features[3].properties.id) });
    await done();
    const r = s().analysisResult;
    if (r?.kind !== 'sunPoints') throw new Error(`expected a sunPoints result, got ${r?.kind}`);
    const core = runSunPointsSync({ buildings, date: '2026-03-21', stepMin: 10, thresholdHours: 1.5, points: s().sunPoints });
    expect(r.rows).toEqual(core.points);
    expect(r.rows.map((x) => [x.id, x.kind])).toEqual([['P1', 'ground'], ['P2', 'facade']]);
    expect(r.inputs).toMatchObject({ date: '2026-03-21', stepMin: 10, thresholdHours: 1.5, layers: ['b'] });

    // A threshold just above P1's hours: same hours, P1 fails now.
    s().setSunPointThreshold(r.rows[0].sunHours + 0.5);
    await done();
    const r2 = s().analysisResult;
    if (r2?.kind !== 'sunPoints') throw new Error('no result');
    expect(r2.rows[0].sunHours).toBe(r.rows[0].sunHours);
    expect(r2.rows[0].meetsThreshold).toBe(false);
    expect(r2.thresholdHours).toBe(r.rows[0].sunHours + 0.5);
    // The download starts with its inputs (date, step, threshold, dataset, variant), then the table.
    const { inputs, table } = readTableInputs(sunPointsCsv(r2));
    expect(inputs).toMatchObject({ analysis: 'sunPoints', date: '2026-03-21', thresholdHours: String(r2.thresholdHours), variant: 'Bestand' });
    const csv = table.split('\r\n');
    expect(csv[0]).toBe('id,lon,lat,heightM,facadeAzimuthDeg,sunHours,meetsThreshold,kind,thresholdHours,date');
    expect(csv[1].split(',').slice(4, 10)).toEqual(['', String(Number(r2.rows[0].sunHours.toFixed(4))), 'false', 'ground', String(r2.thresholdHours), '2026-03-21']);
    expect(() => s().setSunPointThreshold(-1)).toThrow(/within 0–24 h/);

    s().removeSunPoint('P1');
    await done();
    const r3 = s().analysisResult;
    expect(r3?.kind === 'sunPoints' && r3.rows.map((x) => x.id)).toEqual(['P2']);
    // Ids stay unique after a removal.
    s().addSunPoint({ lonLat: [9.9896, 53.5498], heightM: 0 });
    expect(s().sunPoints.map((p) => p.id)).toEqual(['P2', 'P3']);
    await done();
    s().removeSunPoint('P3');
    s().removeSunPoint('P2');
    await untilState(store, (st) => st.analysisResult === undefined);
    expect(s().sunPoints).toEqual([]);
    expect(s().analysisResult).toBeUndefined();
    stop();
    close();
  });
});
