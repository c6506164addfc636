import { describe, expect, it } from 'vitest';
import { compareCells, parseCellFilter } from '../../../src/core/table/cellFilter';
import { filterRowOrder, sortedRowOrder } from '../../../src/core/table/rowOrder';

describe('parseCellFilter', () => {
  const pass = (q: string, numeric: boolean, values: unknown[]) => values.filter((v) => parseCellFilter(q, numeric)(v as never));
  it('numeric columns: comparisons, ranges (either order, inclusive), decimal comma or point, plain numbers', () => {
    const vs = [undefined, -3, 0, 2, 2.5, 4, 10, 12];
    expect(pass('> 4', true, vs)).toEqual([10, 12]);
    expect(pass('>=4', true, vs)).toEqual([4, 10, 12]);
    expect(pass('< 0', true, vs)).toEqual([-3]);
    expect(pass('<= 2,5', true, vs)).toEqual([-3, 0, 2, 2.5]);
    expect(pass('= 2.5', true, vs)).toEqual([2.5]);
    expect(pass('2..4', true, vs)).toEqual([2, 2.5, 4]);
    expect(pass('10 - 2', true, vs)).toEqual([2, 2.5, 4, 10]);
    expect(pass('12', true, vs)).toEqual([12]);
    expect(pass('-3', true, vs)).toEqual([-3]);
  });
  it('text: contains, case-insensitive; numbers in text columns match as text; empty filter passes all', () => {
    const vs = ['WA 1', 'MI 2', 'wa 12', undefined, 'Grünfläche'];
    expect(pass('wa', false, vs)).toEqual(['WA 1', 'wa 12']);
    expect(pass('GRÜN', false, vs)).toEqual(['Grünfläche']);
    expect(pass('1', false, vs)).toEqual(['WA 1', 'wa 12']);
    expect(pass('  ', false, vs)).toEqual(vs);
    // In a numeric column, text that is no comparison searches the digits.
    expect(pass('1.', true, [1.5, 21.5, 3])).toEqual([1.5, 21.5]);
  });
});

describe('compareCells', () => {
  it('orders numbers by value, text naturally, empty cells last in both directions', () => {
    // (Array.prototype.sort moves undefined to the end itself; null and NaN reach the comparator.)
    expect([10, null, 2, NaN, -1].sort((a, b) => compareCells(a, b))).toEqual([-1, 2, 10, null, NaN]);
    expect([10, null, 2, -1].sort((a, b) => compareCells(a, b, true))).toEqual([10, 2, -1, null]);
    expect(compareCells(undefined, 3)).toBe(1);
    expect(compareCells(3, undefined, true)).toBe(-1);
    expect([10, undefined, 2, -1].sort((a, b) => compareCells(a, b, true))).toEqual([10, 2, -1, undefined]);
    expect(['WA 10', 'wa 2', undefined, 'MI 1'].sort((a, b) => compareCells(a, b))).toEqual(['MI 1', 'wa 2', 'WA 10', undefined]);
    expect([true, false, true].sort((a, b) => compareCells(a, b))).toEqual([false, true, true]);
  });
});

describe('sortedRowOrder and filterRowOrder', () => {
  const columns = [
    { key: 'name', kind: 'text' as const },
    { key: 'h', kind: 'number' as const },
  ];
  const rows = [
    ['WA 10', 3],
    ['wa 2', undefined],
    [undefined, 3],
    ['MI 1', 12],
    ['WA 1', -1],
  ].map((cells, i) => ({ id: `r${i}`, cells, properties: {} }));
  it('sorts text naturally and numbers by value, empty last in both directions, ties in data order', () => {
    expect([...sortedRowOrder(columns, rows, undefined)]).toEqual([0, 1, 2, 3, 4]);
    expect([...sortedRowOrder(columns, rows, { column: 0, desc: false })]).toEqual([3, 4, 1, 0, 2]);
    expect([...sortedRowOrder(columns, rows, { column: 0, desc: true })]).toEqual([0, 1, 4, 3, 2]);
    expect([...sortedRowOrder(columns, rows, { column: 1, desc: false })]).toEqual([4, 0, 2, 3, 1]);
    expect([...sortedRowOrder(columns, rows, { column: 1, desc: true })]).toEqual([3, 0, 2, 4, 1]);
  });
  it('filters in the given order with all column filters', () => {
    const order = sortedRowOrder(columns, rows, { column: 1, desc: true });
    expect([...filterRowOrder(order, rows, [{ column: 0, filter: parseCellFilter('wa', false) }])]).toEqual([0, 4, 1]);
    expect([...filterRowOrder(order, rows, [{ column: 0, filter: parseCellFilter('wa', false) }, { column: 1, filter: parseCellFilter('>= 0', true) }])]).toEqual([0]);
    expect(filterRowOrder(order, rows, [])).toBe(order);
  });
  it('sorts 50,000 rows like a stable comparison sort of compareCells', () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const big = Array.from({ length: 50_000 }, (_, i) => ({ id: `${i}`, cells: [`x ${Math.floor(rnd() * 900)}`, rnd() < 0.05 ? undefined : Math.round(rnd() * 500) / 10], properties: {} }));
    for (const [column, desc] of [[1, false], [1, true], [0, false]] as const) {
      const want = big.map((_, i) => i).sort((a, b) => compareCells(big[a].cells[column], big[b].cells[column], desc) || a - b);
      expect([...sortedRowOrder(columns, big, { column, desc })]).toEqual(want);
    }
  });
});
