import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../../src/core/analysis';

describe('csvTable', () => {
  it('writes a BOM, a header and CRLF rows; numbers with "." decimals whatever the locale', () => {
    const text = csvTable(['Fläche', 'm²', 'ok'], [['Spielplatz Mühlenpark', 1234.5678, true], ['WA 1', 0.1, false]], { decimals: [undefined, 2, undefined] });
    expect(text).toBe('\uFEFFFläche,m²,ok\r\nSpielplatz Mühlenpark,1234.57,true\r\nWA 1,0.1,false\r\n');
    expect(csvTable(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('quotes commas, quotes and line breaks, leaves empty cells for missing numbers and defuses formulas', () => {
    expect(csvCell('Weg, Ecke "Süd"')).toBe('"Weg, Ecke ""Süd"""');
    expect(csvCell('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell(1e-7)).toBe('0.0000001');
    expect(csvCell(-0.000012345, 4)).toBe('0');
    expect(csvCell(2.5e21)).toBe('2500000000000000000000');
  });

  it('rejects rows that do not fit the header', () => {
    expect(() => csvTable(['a', 'b'], [[1]])).toThrow(/a row has 1 cells, the header 2/);
  });
});
