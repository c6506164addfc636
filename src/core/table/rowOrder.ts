import { compareCells, type CellFilter } from './cellFilter';
import type { TableColumn, TableRow } from './featureTable';

/** One sort key: a column index and its direction. */
export interface SortKey {
  column: number;
  desc: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The order of the rows for a sort (data order without one), as an index
 * array: numbers and booleans by value through a Float64Array of keys, text
 * naturally (`WA 2` before `WA 10`) through a collator; empty cells last in
 * both directions; ties stay in data order (a stable sort). Index arrays
 * keep 50,000-row sorts in the tens of milliseconds: no row objects, no
 * per-comparison look-ups.
 *
 * @example sortedRowOrder(table.columns, table.rows, { column: 2, desc: true })
 */
export function sortedRowOrder(columns: readonly TableColumn[], rows: readonly TableRow[], sort: SortKey | undefined): Uint32Array {
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!sort) return order;
  const c = sort.column;
  const dir = sort.desc ? -1 : 1;
  const kind = columns[c]?.kind ?? 'text';
  if (kind === 'number' || kind === 'boolean') {
    const keys = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i].cells[c];
      keys[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
    }
    return order.sort((a, b) => {
      const x = keys[a], y = keys[b];
      const ex = x !== x, ey = y !== y; // NaN: empty
      if (ex || ey) return ex === ey ? a - b : ex ? 1 : -1;
      return x === y ? a - b : (x < y ? -1 : 1) * dir;
    });
  }
  const keys = rows.map((r) => r.cells[c]);
  return order.sort((a, b) => {
    const x = keys[a], y = keys[b];
    const ex = x === undefined || x === null || x === '', ey = y === undefined || y === null || y === '';
    if (ex || ey) return ex === ey ? a - b : ex ? 1 : -1;
    const d = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : compareCells(x, y);
    return d === 0 ? a - b : d * dir;
  });
}

/**
 * The rows of `order` that pass every column filter, in `order`'s order.
 *
 * @example filterRowOrder(order, rows, [{ column: 1, filter: parseCellFilter('wa', false) }])
 */
export function filterRowOrder(order: Uint32Array, rows: readonly TableRow[], filters: readonly { column: number; filter: CellFilter }[]): Uint32Array {
  if (filters.length === 0) return order;
  const out = new Uint32Array(order.length);
  let n = 0;
  outer: for (let k = 0; k < order.length; k++) {
    const cells = rows[order[k]].cells;
    for (const f of filters) if (!f.filter(cells[f.column])) continue outer;
    out[n++] = order[k];
  }
  return out.slice(0, n);
}
