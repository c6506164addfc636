import { describe, expect, it } from 'vitest';
import { columnUnit } from '../../../src/core/table/columnUnit';
import { exportTableRows } from '../../../src/core/table/exportTableRows';
import { tableSummary } from '../../../src/core/table/tableSummary';
import { viewOfBbox } from '../../../src/core/table/viewOfBbox';

describe('tableSummary', () => {
  it('counts rows; sums and averages numeric columns over their numbers only', () => {
    const s = tableSummary(
      [
        { key: 'id', kind: 'text' },
        { key: 'h', kind: 'number' },
        { key: 'ok', kind: 'boolean' },
      ],
      [
        ['a', 3, true],
        ['b', undefined, false],
        ['c', 6, true],
        ['d', NaN, true],
      ],
    );
    expect(s).toEqual({ rows: 4, columns: [undefined, { count: 2, sum: 9, mean: 4.5 }, undefined] });
  });
  it('does not drift over 50,000 values (compensated sum equals the exact decimal sum)', () => {
    const rows = Array.from({ length: 50_000 }, () => [0.1]);
    const s = tableSummary([{ key: 'a', kind: 'number' }], rows);
    expect(s.columns[0]!.sum).toBe(5000);
    let naive = 0;
    for (const r of rows) naive += r[0];
    expect(naive).not.toBe(5000);
  });
  it('an empty table: zero rows, no mean', () => {
    expect(tableSummary([{ key: 'a', kind: 'number' }], [])).toEqual({ rows: 0, columns: [{ count: 0, sum: 0, mean: undefined }] });
  });
});

describe('columnUnit', () => {
  it('reads units from the attribute names of the data contracts', () => {
    expect(columnUnit('groundAreaM2')).toBe('m²');
    expect(columnUnit('flaeche')).toBeUndefined();
    expect(columnUnit('heightM')).toBe('m');
    expect(columnUnit('measuredHeightM')).toBe('m');
    expect(columnUnit('xplan.maxHeightM')).toBe('m');
    expect(columnUnit('height')).toBe('m');
    expect(columnUnit('azimuthDeg')).toBe('°');
    expect(columnUnit('meanSunHours')).toBe('h');
    expect(columnUnit('stepMin')).toBe('min');
    expect(columnUnit('grz')).toBeUndefined();
    expect(columnUnit('storeysAboveGround')).toBeUndefined();
    expect(columnUnit('GM')).toBeUndefined();
  });
});

describe('exportTableRows', () => {
  it('writes the rows as given through the one table writer, both dialects', () => {
    const header = ['Kennung', 'Gebäudehöhe (m)'];
    const rows = [
      ['B 2', 12.5],
      ['=HYPERLINK("x")', undefined],
    ];
    expect(exportTableRows(header, rows, 'rfc4180')).toBe('\uFEFFKennung,Gebäudehöhe (m)\r\nB 2,12.5\r\n"\'=HYPERLINK(""x"")",\r\n');
    expect(exportTableRows(header, rows, 'excel-de')).toBe('\uFEFFKennung;Gebäudehöhe (m)\r\nB 2;12,5\r\n"\'=HYPERLINK(""x"")";\r\n');
  });
});

describe('viewOfBbox', () => {
  it('looks north at the box centre from the south, 45° down, far enough for the box', () => {
    // A 1 km wide box at 53.55° N.
    const dLon = 1000 / (111_195 * Math.cos((53.55 * Math.PI) / 180));
    const v = viewOfBbox([10, 53.55, 10 + dLon, 53.55]);
    expect(v.headingDeg).toBe(0);
    expect(v.pitchDeg).toBe(-45);
    expect(v.lon).toBeCloseTo(10 + dLon / 2, 9);
    // Distance: 1.4 × 1000 m / 2 / tan 30° = 1212.4 m; height and ground offset each distance × sin 45°.
    const d = 1400 / 2 / Math.tan(Math.PI / 6);
    expect(v.height).toBeCloseTo(d * Math.SQRT1_2, 1);
    expect((53.55 - v.lat) * 111_195).toBeCloseTo(d * Math.SQRT1_2, 0);
  });
  it('keeps a point feature in context (at least 120 m away) and adds the ground height', () => {
    const v = viewOfBbox([10, 53.5, 10, 53.5], 30);
    expect(v.height).toBeCloseTo(30 + 120 * Math.SQRT1_2, 6);
  });
});
