/** A CSV cell: text, number, boolean, or empty (null/undefined/NaN). */
export type CsvCell = string | number | boolean | null | undefined;

/** Byte order mark: Excel reads a CSV as UTF-8 (umlauts, ², ≥) only when the file starts with it. */
export const CSV_BOM = '\uFEFF';

/**
 * One cell as RFC 4180 text. Numbers always with '.' decimals and no
 * grouping (locale-independent, so spreadsheets and scripts read them alike);
 * `decimals` rounds them. Text with a comma, quote or line break is quoted;
 * text starting with = + - @ is prefixed with ' so a spreadsheet does not run
 * it as a formula (ids and names come from user data).
 */
export function csvCell(v: CsvCell, decimals?: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const s = decimals === undefined ? String(v) : String(Number(v.toFixed(decimals)));
    // String() writes 1e-7 and 2.5e+21; spreadsheets and people prefer plain digits (en-US: '.' decimals, no grouping).
    return /e/i.test(s) ? Number(s).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = v;
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A table as CSV text: header row, then one line per row, CRLF line ends
 * (RFC 4180, what Excel writes) and, by default, the UTF-8 byte order mark.
 * `decimals` gives per-column rounding of numbers; `eol: '\n'` and
 * `bom: false` write the analysis CLI's long-standing plain format.
 *
 * @example csvTable(['id', 'sunHours'], [['P1', 1.5]]) // '\uFEFFid,sunHours\r\nP1,1.5\r\n'
 */
export function csvTable(header: string[], rows: CsvCell[][], o: { bom?: boolean; decimals?: (number | undefined)[]; eol?: '\n' | '\r\n' } = {}): string {
  const lines = [header.map((h) => csvCell(h)).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`csvTable: a row has ${row.length} cells, the header ${header.length}`);
    lines.push(row.map((v, i) => csvCell(v, o.decimals?.[i])).join(','));
  }
  const eol = o.eol ?? '\r\n';
  return (o.bom === false ? '' : CSV_BOM) + lines.join(eol) + eol;
}
