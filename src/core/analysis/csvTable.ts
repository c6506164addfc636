// The analysis tables' names for the one table writer (src/core/table/writeTable.ts).
import { TABLE_BOM, tableCell, writeTable, type TableCell } from '../table/writeTable';

/** A CSV cell: text, number, boolean, or empty (null/undefined/NaN). */
export type CsvCell = TableCell;

/** Byte order mark: Excel reads a CSV as UTF-8 (umlauts, ², ≥) only when the file starts with it. */
export const CSV_BOM = TABLE_BOM;

/** One cell as RFC 4180 text; see {@link tableCell}. */
export const csvCell = (v: CsvCell, decimals?: number): string => tableCell(v, decimals);

/**
 * A table as CSV text (BOM, header, CRLF rows); see {@link writeTable}.
 *
 * @example csvTable(['id', 'sunHours'], [['P1', 1.5]]) // '\uFEFFid,sunHours\r\nP1,1.5\r\n'
 */
export function csvTable(header: string[], rows: CsvCell[][], o: { bom?: boolean; decimals?: (number | undefined)[]; eol?: '\n' | '\r\n'; inputs?: TableInputs } = {}): string {
  return writeTable(header, rows, { bom: o.bom, decimals: o.decimals, newline: o.eol, inputs: o.inputs });
}

/** What a table was computed from, as `# key: value` lines before its header (see `writeTable`). */
export type TableInputs = readonly (readonly [string, string | number | undefined])[];
