import { describe, expect, it } from 'vitest';
import { DAYLIGHT_STANDARDS, matchStandard, standardDate } from '../../../src/core/analysis/daylightStandards';
import { analysisTableInputs } from '../../../src/core/analysis/analysisTableInputs';
import { csvTable } from '../../../src/core/analysis/csvTable';
import { complianceRows } from '../../../src/core/analysis/compliance/complianceAnalysis';
import type { SunHoursResult } from '../../../src/core/analysis/computeSunHours';
import { prepareLayer } from '../../../src/core/analysis/polygonLayer';
import { sunHoursSummary } from '../../../src/core/analysis/sunHours/sunHoursAnalysis';
import { zoneSunStatistics } from '../../../src/core/analysis/zoneSunStatistics';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import { readTableInputs, writeTable } from '../../../src/core/table/writeTable';
import { fromZoned, toZoned } from '../../../src/core/time/zonedTime';
import { createAppStore } from '../../../src/state/createAppStore';

describe('daylight standards', () => {
  it('dates of the presets and the standard a date and threshold meet', () => {
    expect(DAYLIGHT_STANDARDS.map((s) => [s.standard, standardDate(s.id, 2026), s.minHours])).toEqual([
      ['DIN 5034-1', '2026-01-17', 1],
      ['DIN 5034-1', '2026-03-21', 4],
      ['DIN EN 17037', '2026-03-21', 1.5],
    ]);
    expect(matchStandard('2026-01-17', 1)?.id).toBe('din5034-winter');
    expect(matchStandard('2026-03-21', 4)?.id).toBe('din5034-equinox');
    // DIN EN 17037: any day from 1 February to 21 March with 1.5 h.
    expect(matchStandard('2026-02-01', 1.5)?.id).toBe('en17037');
    expect(matchStandard('2026-03-21', 1.5)?.id).toBe('en17037');
    expect(matchStandard('2026-03-22', 1.5)).toBeUndefined();
    expect(matchStandard('2026-01-31', 1.5)).toBeUndefined();
    expect(matchStandard('2026-01-17', 1.5)).toBeUndefined();
  });

  it('a preset sets the scene date (time of day kept), the analysis date and the threshold; the next sun-hours run carries it', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setTime(fromZoned('2026-06-21', 14 * 60 + 30, 'Europe/Berlin'));
    s().applyDaylightStandard('din5034-winter');
    expect(toZoned(s().timeMs, 'Europe/Berlin')).toEqual({ date: '2026-01-17', minutes: 14 * 60 + 30 });
    expect([s().analysisDate, s().sunPointThresholdH, s().sunHoursMap]).toEqual(['2026-01-17', 1, 'threshold']);
    s().applyDaylightStandard('en17037');
    expect(toZoned(s().timeMs, 'Europe/Berlin').date).toBe('2026-03-21');
    expect(s().sunPointThresholdH).toBe(1.5);
    s().setAnalysisKind('sunHours');
    s().requestAnalysis();
    expect(s().analysisRun).toMatchObject({ kind: 'sunHours', date: '2026-03-21', thresholdHours: 1.5 });
    expect(() => s().applyDaylightStandard('nope' as never)).toThrow(/unknown standard/);
  });
});

describe('sun-hours threshold map', () => {
  // A 4 × 3 grid of 10 m cells with hours set by hand; cell 5 is a building.
  const grid = { x0: 0, y0: 0, cellM: 10, nx: 4, ny: 3 };
  const hours = [0.5, 1.0, 1.4999999, 1.5, 2.0, NaN, 3.0, 0.0, 1.6, 1.49, 4.0, 1.5];
  const building = hours.map((h) => (Number.isNaN(h) ? 1 : 0));
  const r = { grid, sunHours: Float32Array.from(hours), building: Uint8Array.from(building) } as unknown as SunHoursResult;

  it('the share of ground cells reaching the threshold equals a count by hand', () => {
    // Ground cells: 11; ≥ 1.5 h (1e-6 tolerance: 1.4999999 counts): cells 2, 3, 4, 6, 8, 10, 11 → 7 of 11.
    expect(sunHoursSummary(r.sunHours, r.building, 1.5)).toMatchObject({ groundCells: 11, thresholdHours: 1.5, shareAtLeastThreshold: 7 / 11 });
    expect(sunHoursSummary(r.sunHours, r.building)).not.toHaveProperty('shareAtLeastThreshold');
  });

  it('each zone: share of its ground cells reaching the threshold, by hand', () => {
    const frame = LocalFrame.around([10, 53.5]);
    const rect = (id: string, x0: number, y0: number, x1: number, y1: number): GeoJSON.Feature => ({
      type: 'Feature',
      properties: { id, kind: 'playground' },
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map((p) => frame.toWgs84(p))] },
    });
    // Zone A: the bottom row (cells 0–3); zone B: the right two columns of rows 1–2 (cells 6, 7, 10, 11); zone C: cells 4, 5 (one building).
    const zones = prepareLayer([rect('A', 0, 0, 40, 10), rect('B', 20, 10, 40, 30), rect('C', 0, 10, 20, 20)], frame, 'kind');
    const stats = zoneSunStatistics(r, zones, 1.5);
    expect(stats.map((z) => [z.id, z.groundCells, z.shareAtLeastThreshold])).toEqual([
      ['A', 4, 2 / 4], // 0.5, 1.0 fail; 1.4999999, 1.5 pass
      ['B', 4, 3 / 4], // 3.0, 4.0, 1.5 pass; 0.0 fails
      ['C', 1, 1], // 2.0 passes; the building cell is not ground
    ]);
    expect(zoneSunStatistics(r, zones)[0]).not.toHaveProperty('shareAtLeastThreshold');
  });
});

describe('CSV inputs and compliance rows', () => {
  it('the inputs header reads back as written, in both dialects; a missing value is left out', () => {
    const inputs = analysisTableInputs({ analysis: 'sunHours', dataset: 'demo', variant: null, date: '2026-01-17', stepMin: 10, cellM: 2, thresholdHours: 1, layers: ['bplan-gruen', 'playgrounds'] });
    const text = csvTable(['id', 'meanSunHours'], [['a', 1.25]], { inputs });
    const back = readTableInputs(text);
    expect(back.inputs).toEqual({
      analysis: 'sunHours', dataset: 'demo', variant: 'Bestand', date: '2026-01-17', stepMin: '10', cellM: '2', thresholdHours: '1',
      standard: 'DIN 5034-1 (01-17, ≥ 1 h)', layers: 'bplan-gruen playgrounds', generator: 'Planlotse',
    });
    expect(back.table).toBe('id,meanSunHours\r\na,1.25\r\n');
    const de = writeTable(['id', 'h'], [['a', 1.5]], { dialect: 'excel-de', bom: false, newline: '\n', inputs: [['variant', 'Nord\nSüd'], ['date', undefined]] });
    expect(de).toBe('# variant: Nord Süd\nid;h\na;1,5\n');
    expect(readTableInputs(de)).toEqual({ inputs: { variant: 'Nord Süd' }, table: 'id;h\na;1,5\n' });
    expect(() => writeTable(['a'], [], { inputs: [['bad key', 1]] })).toThrow(/input name/);
  });

  it('compliance rows name buildings only where the rule is exceeded', () => {
    const rows = complianceRows([
      {
        areaId: 'z1', kind: 'baugebiet', baugebietId: 'z1', landUse: 'WA', plotAreaM2: 1000,
        rules: [
          { rule: 'GRZ', value: 0.3, limit: 0.4, status: 'ok', buildingIds: ['b1', 'b2', 'b3'] },
          { rule: 'height', value: 19, limit: 15, status: 'exceeded', buildingIds: ['b2'] },
          { rule: 'storeys', value: null, limit: null, status: 'unknown', buildingIds: ['b1', 'b2', 'b3'] },
        ],
      },
    ] as never);
    expect(rows.map((r) => [r[5], r[9]])).toEqual([['GRZ', ''], ['height', 'b2'], ['storeys', '']]);
  });
});
