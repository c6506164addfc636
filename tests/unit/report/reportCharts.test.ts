import { describe, expect, it } from 'vitest';
import type { AreaDelta } from '../../../src/core/analysis/compare/compareVariants';
import type { ComplianceRow, SunZoneRow } from '../../../src/core/report/ReportDocument';
import { complianceChart, deltaChart, zoneDeltaChart, zoneMeansChart } from '../../../src/ui/charts/reportCharts';

const t = (key: string) => `[${key}]`;

function row(label: string, grz: number | null, gfz: number | null): ComplianceRow {
  return { baugebietId: label, label, landUse: 'WA', plotAreaM2: 1000, light: 'ok', parcelsExceeded: 0, rules: [
    { rule: 'GRZ', value: grz, limit: 0.4, status: 'ok' },
    { rule: 'GFZ', value: gfz, limit: null, status: 'unknown' },
  ] };
}

function zone(label: string, meanSunHours: number | null): SunZoneRow {
  return { id: label, layerId: 'z', label, groundAreaM2: 100, meanSunHours, shareAtLeast2h: null, shareAtLeast4h: null, complete: true };
}

describe('report charts', () => {
  it('compliance: GRZ/GFZ facets, 2 × 20 px per Baugebiet, the traffic-light legend, bars only for known values', () => {
    const o = complianceChart([row('A', 0.3, 1.2), row('B', null, 0.8)], t, 500);
    expect(o.width).toBe(500);
    expect(o.height).toBe(60 + 20 * 2 * 2);
    expect(o.marginLeft).toBe(90);
    expect(o.x).toEqual({ label: null, grid: true });
    expect(o.color?.domain).toEqual(['ok', 'exceeded', 'unknown']);
    const facet = o.facet as { data: { zone: string; rule: string }[]; x: string };
    expect(facet.x).toBe('rule');
    expect(facet.data.map((d) => `${d.zone} ${d.rule}`)).toEqual(['A GRZ', 'A GFZ', 'B GFZ']);
    expect(o.marks).toHaveLength(3);
  });

  it('variant deltas: 2 × 18 px per area, before → after axis label, no colour legend', () => {
    const areas: AreaDelta[] = [{ areaId: 'bg-0001', landUse: 'WA', plotAreaM2: 1, rules: [{ rule: 'GRZ', before: 0.2, after: 0.5, limit: 0.4, statusBefore: 'ok', statusAfter: 'exceeded', newConflict: true }] }];
    const o = deltaChart(areas, t);
    expect(o.width).toBe(640);
    expect(o.height).toBe(60 + 18 * 1 * 2);
    expect(o.x).toEqual({ label: '[report.before] → [report.after]', grid: true });
    expect('color' in o).toBe(false);
    expect((o.facet as { data: { zone: string }[] }).data.map((d) => d.zone)).toEqual(['WA 0001']);
  });

  it('zone bars: 40 px plus 20 px per zone with a value, labels in a 160 px margin', () => {
    const o = zoneMeansChart([zone('Spielplatz', 3), zone('Spielplatz', 5), zone('Park', null)], t);
    expect(o.height).toBe(40 + 20 * 2);
    expect(o.marginLeft).toBe(160);
    expect(o.x).toEqual({ label: '[report.hours]', grid: true });
    expect(o.y).toEqual({ label: null });
    const empty = zoneDeltaChart([], t);
    expect(empty.height).toBe(40 + 20 * 1);
    expect(empty.marks).toHaveLength(3);
  });
});
