import Papa from 'papaparse';

/** A table cell: text, number, boolean, or empty (null/undefined/NaN/±Infinity). */
export type TableCell = string | number | boolean | null | undefined;

/**
 * The two CSV dialects written:
 * - `rfc4180`: `,` between cells, `.` decimals, no digit grouping; what scripts,
 *   GIS tools and English-locale spreadsheets read.
 * - `excel-de`: `;` between cells and decimal commas (`1234,57`): what Excel
 *   with German regional settings opens into columns and numbers on a double click.
 */
export type TableDialect = 'rfc4180' | 'excel-de';

export interface WriteTableOptions {
  /** Start with the UTF-8 byte order mark (default true): Excel reads umlauts, ², ≥ only then. */
  bom?: boolean;
  /** Per-column rounding of numbers (decimal places); undefined = as many as needed. */
  decimals?: readonly (number | undefined)[];
  /** Line end after every row (default CRLF, RFC 4180 and what Excel writes). */
  newline?: '\r\n' | '\n';
  /** Default `rfc4180`. */
  dialect?: TableDialect;
  /** Write the header row (default true); false for further chunks of one long table. */
  header?: boolean;
  /**
   * What the table was computed from (date, step, cell size, variant, dataset …), written as `# key: value` lines
   * before the header: the one place a CSV records its inputs, read back by `readTableInputs`. Spreadsheets show them
   * as the first rows; `papaparse` (`comments: '#'`), pandas (`comment='#'`) and R skip them.
   */
  inputs?: readonly (readonly [string, string | number | undefined])[];
}

/** Byte order mark: Excel reads a CSV as UTF-8 only when the file starts with it. */
export const TABLE_BOM = '\uFEFF';

// A cell a spreadsheet would run as a formula: = + - @, tab or CR first. Signed numbers written as text ("-5", "+49 40 …") are data.
const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]?\d/;

/**
 * One cell as the text that goes between the separators, before quoting:
 * numbers rounded to `decimals`, in plain digits (never `1e-7`), with the
 * dialect's decimal mark; booleans `true`/`false`; empty for missing or
 * non-finite numbers; text that starts like a formula is prefixed with `'`
 * (ids and names come from user data, and a downloaded table must not run
 * `=HYPERLINK(…)` when opened).
 *
 * @example formatTableCell(1234.5678, 2, 'excel-de') // '1234,57'
 */
export function formatTableCell(v: TableCell, decimals?: number, dialect: TableDialect = 'rfc4180'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    let s = decimals === undefined ? String(v) : String(Number(v.toFixed(decimals)));
    // String() writes 1e-7 and 2.5e+21; spreadsheets and people prefer plain digits (en-US: '.' decimals, no grouping).
    if (/e/i.test(s)) s = Number(s).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
    return dialect === 'excel-de' ? s.replace('.', ',') : s;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return FORMULA_START.test(v) && !SIGNED_NUMBER.test(v) ? `'${v}` : v;
}

/**
 * A table as CSV text, through papaparse's `unparse` (RFC 4180 quoting: a cell
 * with the separator, a quote, a line break or edge spaces is quoted, quotes
 * doubled): optional BOM, header row, one line per row, each ended by
 * `newline`. Cells are formatted by {@link formatTableCell}. The one table
 * writer: analysis panels, the CLI and reports all write through it.
 *
 * @example writeTable(['id', 'sunHours'], [['P1', 1.5]]) // '\uFEFFid,sunHours\r\nP1,1.5\r\n'
 * @example writeTable(['id', 'm²'], [['P1', 1.5]], { dialect: 'excel-de', bom: false }) // 'id;m²\r\nP1;1,5\r\n'
 */
export function writeTable(header: readonly string[], rows: readonly (readonly TableCell[])[], o: WriteTableOptions = {}): string {
  const dialect = o.dialect ?? 'rfc4180';
  const newline = o.newline ?? '\r\n';
  const data: string[][] = [];
  if (o.header !== false) data.push(header.map((h) => formatTableCell(h, undefined, dialect)));
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`writeTable: a row has ${row.length} cells, the header ${header.length}`);
    data.push(row.map((v, i) => formatTableCell(v, o.decimals?.[i], dialect)));
  }
  const preamble = o.header === false ? '' : inputLines(o.inputs, newline);
  if (data.length === 0) return o.bom === false || o.header === false ? preamble : TABLE_BOM + preamble;
  const body = Papa.unparse(data, { delimiter: dialect === 'excel-de' ? ';' : ',', newline, quotes: false, escapeFormulae: false, header: false });
  return (o.bom === false ? '' : TABLE_BOM) + preamble + body + newline;
}

/** `# key: value` lines of the inputs that have a value (line breaks in values become spaces). */
function inputLines(inputs: WriteTableOptions['inputs'], newline: string): string {
  let out = '';
  for (const [k, v] of inputs ?? []) {
    if (v === undefined || v === '') continue;
    if (!/^[\w.-]+$/.test(k)) throw new Error(`writeTable: input name "${k}" must be letters, digits, . or -`);
    out += `# ${k}: ${String(v).replace(/[\r\n]+/g, ' ')}${newline}`;
  }
  return out;
}

/**
 * The inputs a table records before its header (see `WriteTableOptions.inputs`) and the table text after them.
 *
 * @example readTableInputs('# date: 2026-01-17\nx,y\n').inputs // { date: '2026-01-17' }
 */
export function readTableInputs(text: string): { inputs: Record<string, string>; table: string } {
  const inputs: Record<string, string> = {};
  let rest = text.startsWith(TABLE_BOM) ? text.slice(1) : text;
  for (;;) {
    const m = /^# ([\w.-]+): ([^\r\n]*)\r?\n/.exec(rest);
    if (!m) break;
    inputs[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
  return { inputs, table: rest };
}

/**
 * One cell as it appears in a {@link writeTable} row (formatted and, where
 * needed, quoted).
 *
 * @example tableCell('Weg, Ecke "Süd"') // '"Weg, Ecke ""Süd"""'
 */
export function tableCell(v: TableCell, decimals?: number, dialect: TableDialect = 'rfc4180'): string {
  const s = formatTableCell(v, decimals, dialect);
  return s === '' ? '' : Papa.unparse([[s]], { delimiter: dialect === 'excel-de' ? ';' : ',', quotes: false, escapeFormulae: false, header: false });
}
