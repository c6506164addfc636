import type { TableCell } from './writeTable';

/** A parsed column filter: tests one cell. */
export type CellFilter = (v: TableCell) => boolean;

const NUMBER = String.raw`[-+]?\d+(?:[.,]\d+)?`;
const COMPARISON = new RegExp(String.raw`^(<=|>=|<|>|=)\s*(${NUMBER})$`);
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:\.\.|–|-)\s*(${NUMBER})$`);
/** Decimal comma or point alike: people type "0,5" in German and "0.5" in English. */
const num = (s: string): number => Number(s.replace(',', '.'));

/**
 * Parses what a user typed into a column's filter box. Numeric columns take
 * comparisons (`> 10`, `<= 2,5`, `= 3`), ranges (`10..20`, `10 - 20`,
 * inclusive) or a number (equal); otherwise, and in text columns, the cell
 * must contain the text (case-insensitive). An empty filter passes
 * everything. Empty cells pass no non-empty filter.
 *
 * @example parseCellFilter('>= 12', true)(15) // true
 * @example parseCellFilter('wa', false)('WA 1') // true
 */
export function parseCellFilter(text: string, numeric: boolean): CellFilter {
  const q = text.trim();
  if (!q) return () => true;
  if (numeric) {
    const c = COMPARISON.exec(q);
    if (c) {
      const x = num(c[2]);
      const op = c[1];
      return (v) => typeof v === 'number' && (op === '<' ? v < x : op === '<=' ? v <= x : op === '>' ? v > x : op === '>=' ? v >= x : v === x);
    }
    const r = RANGE.exec(q);
    if (r) {
      const [lo, hi] = [num(r[1]), num(r[2])].sort((a, b) => a - b);
      return (v) => typeof v === 'number' && v >= lo && v <= hi;
    }
    if (new RegExp(`^${NUMBER}$`).test(q)) {
      const x = num(q);
      return (v) => v === x;
    }
  }
  const needle = q.toLocaleLowerCase();
  return (v) => v !== undefined && v !== null && String(v).toLocaleLowerCase().includes(needle);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Orders two cells for sorting: numbers by value, booleans false before true,
 * text naturally (`WA 2` before `WA 10`, case-insensitive); empty cells always
 * last, whatever the direction (the caller passes `desc`).
 *
 * @example ['WA 10', undefined, 'WA 2'].sort((a, b) => compareCells(a, b)) // ['WA 2', 'WA 10', undefined]
 */
export function compareCells(a: TableCell, b: TableCell, desc = false): number {
  const ea = a === undefined || a === null || (typeof a === 'number' && Number.isNaN(a));
  const eb = b === undefined || b === null || (typeof b === 'number' && Number.isNaN(b));
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  let d: number;
  if (typeof a === 'number' && typeof b === 'number') d = a - b;
  else if (typeof a === 'boolean' && typeof b === 'boolean') d = Number(a) - Number(b);
  else d = collator.compare(String(a), String(b));
  return desc ? -d : d;
}
