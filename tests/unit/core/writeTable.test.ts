import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatTableCell, tableCell, TABLE_BOM, writeTable } from '../../../src/core/table/writeTable';
import { sunHoursToCsv } from '../../../src/core/analysis/analysisOutputs';

describe('writeTable (the one table writer)', () => {
  it('RFC 4180: BOM, header, CRLF rows, quotes only where needed; reads back cell for cell', () => {
    const rows = [
      ['Weg, Ecke "Süd"', 1234.5678, true],
      ['zwei\nZeilen', 0.1, false],
      [' Rand ', null, undefined],
    ];
    const text = writeTable(['Fläche', 'm²', 'ok'], rows, { decimals: [undefined, 2, undefined] });
    expect(text).toBe('\uFEFFFläche,m²,ok\r\n"Weg, Ecke ""Süd""",1234.57,true\r\n"zwei\nZeilen",0.1,false\r\n" Rand ",,\r\n');
    const back = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(back).toEqual([['Fläche', 'm²', 'ok'], ['Weg, Ecke "Süd"', '1234.57', 'true'], ['zwei\nZeilen', '0.1', 'false'], [' Rand ', '', '']]);
  });

  it('defuses formulas (= + - @ tab CR first) but leaves signed numbers written as text alone', () => {
    for (const bad of ['=1+2', '+SUM(A1)', '-A1', '@cmd', '\tx', '\rx']) expect(formatTableCell(bad).startsWith("'")).toBe(true);
    expect(formatTableCell('-5')).toBe('-5');
    expect(formatTableCell('+49 40 1234')).toBe('+49 40 1234');
    expect(tableCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // Numbers are never touched by the guard.
    expect(tableCell(-5)).toBe('-5');
  });

  it('numbers: given decimals, plain digits, empty when not finite', () => {
    expect(formatTableCell(1e-7)).toBe('0.0000001');
    expect(formatTableCell(2.5e21)).toBe('2500000000000000000000');
    expect(formatTableCell(-0.000012345, 4)).toBe('0');
    expect(formatTableCell(NaN)).toBe('');
    expect(formatTableCell(Infinity)).toBe('');
    expect(formatTableCell(2 / 3, 3)).toBe('0.667');
  });

  it('German Excel dialect: ";" between cells, decimal comma, cells with ";" quoted, commas left alone', () => {
    const text = writeTable(['Fläche', 'Anteil'], [['WA 1; Nord', 0.25], ['a, b', 1234.5]], { dialect: 'excel-de', bom: false });
    expect(text).toBe('Fläche;Anteil\r\n"WA 1; Nord";0,25\r\na, b;1234,5\r\n');
    expect(Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data[1]).toEqual(['WA 1; Nord', '0,25']);
  });

  it('options: no BOM, LF line ends, rows without the header; rows must fit the header', () => {
    expect(writeTable(['a'], [[1]], { bom: false, newline: '\n' })).toBe('a\n1\n');
    expect(writeTable(['a'], [[1]], { bom: false, header: false })).toBe('1\r\n');
    expect(writeTable(['a'], [], {})).toBe(`${TABLE_BOM}a\r\n`);
    expect(() => writeTable(['a', 'b'], [[1]])).toThrow(/a row has 1 cells, the header 2/);
  });

  it('sun-hours grid CSV: same text as a hand-written join, across chunk boundaries', () => {
    const nx = 300, ny = 70; // 21,000 cells: more than one chunk of 20,000 rows
    const sunHours = Float32Array.from({ length: nx * ny }, (_, k) => (k % 97) / 8);
    const building = Uint8Array.from({ length: nx * ny }, (_, k) => (k % 13 === 0 ? 1 : 0));
    const csv = sunHoursToCsv({ grid: { x0: -150, y0: -35, cellM: 1, nx, ny, originX: 565000, originY: 5933000 }, sunHours, building });
    const lines = csv.split('\n');
    expect(lines[0]).toBe('x,y,lon,lat,sunHours,building');
    expect(lines).toHaveLength(nx * ny + 2);
    expect(lines[nx * ny + 1]).toBe('');
    const k = 20_000;
    const [x, y, , , h, b] = lines[k + 1].split(',');
    expect(Number(x)).toBeCloseTo(565000 - 150 + (k % nx) + 0.5, 6);
    expect(Number(y)).toBeCloseTo(5933000 - 35 + Math.floor(k / nx) + 0.5, 6);
    expect(b).toBe(String(building[k]));
    expect(h).toBe(building[k] ? '' : String(Number(sunHours[k].toFixed(4))));
  });
});
