import { writeTable, type TableCell, type TableDialect } from './writeTable';

/**
 * The rows a user sees (filtered, in their order) as CSV through the one
 * table writer: the header row carries the readable labels with units
 * (`Höhe (m)`), the cells their values with full precision.
 *
 * @example exportTableRows(['Kennung', 'Höhe (m)'], [['B1', 12.5]], 'excel-de') // '\uFEFFKennung;Höhe (m)\r\nB1;12,5\r\n'
 */
export function exportTableRows(header: readonly string[], rows: readonly (readonly TableCell[])[], dialect: TableDialect): string {
  return writeTable(header, rows, { dialect });
}
