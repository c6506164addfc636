import type { TableColumn } from './featureTable';
import type { TableCell } from './writeTable';

/** Summary of one numeric column over the rows shown. */
export interface ColumnSummary {
  /** Rows with a number in this column. */
  count: number;
  sum: number;
  /** Mean over the rows with a number (undefined when there are none). */
  mean: number | undefined;
}

/**
 * The summary row: the number of rows and, for each numeric column, count,
 * sum and mean of its numbers (empty cells do not count). Text and boolean
 * columns get undefined. Uses Kahan summation, so the sum of 50,000 areas
 * does not drift.
 *
 * @example tableSummary([{ key: 'h', kind: 'number' }], [[2], [4], [undefined]]) // { rows: 3, columns: [{ count: 2, sum: 6, mean: 3 }] }
 */
export function tableSummary(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[]): { rows: number; columns: (ColumnSummary | undefined)[] } {
  const out = columns.map((c, i) => {
    if (c.kind !== 'number') return undefined;
    let sum = 0, comp = 0, count = 0;
    for (const r of rows) {
      const v = r[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const y = v - comp;
      const t = sum + y;
      comp = t - sum - y;
      sum = t;
      count++;
    }
    return { count, sum, mean: count ? sum / count : undefined };
  });
  return { rows: rows.length, columns: out };
}
