import type { ReactNode, TableHTMLAttributes } from 'react';
import { ColumnWidths } from './ColumnWidths';

/** Attributes of the `<table>`: its classes and the `data-*` hooks the browser tests read. */
export type AnalysisTableProps = TableHTMLAttributes<HTMLTableElement> & { [data: `data-${string}`]: string };

/**
 * A table of the Analyses panel in its scrolling wrapper: an optional
 * caption, the column widths (see {@link ColumnWidths}), one header row of
 * `head` cells and the `children` rows.
 */
export function AnalysisTable({ table, caption, widths, head, children }: { table: AnalysisTableProps; caption?: string; widths: string[]; head: ReactNode; children: ReactNode }) {
  return (
    <div className="analysis-table-wrap">
      <table {...table}>
        {caption !== undefined && <caption>{caption}</caption>}
        <ColumnWidths classes={widths} />
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
