import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { compareCells, parseCellFilter, type CellFilter } from '../../core/table/cellFilter';
import type { FeatureTable, TableColumn, TableRow } from '../../core/table/featureTable';
import { tableSummary } from '../../core/table/tableSummary';
import { viewOfBbox } from '../../core/table/viewOfBbox';
import type { TableCell } from '../../core/table/writeTable';
import { useNumberFormat } from '../i18n/useNumberFormat';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { TableExport } from './TableExport';
import { useColumnHeader } from './useColumnHeader';

/** Row height in px: fixed, so the virtualiser knows every row's place without measuring. */
export const ROW_HEIGHT = 28;
const WIDTH: Record<TableColumn['kind'], number> = { number: 120, boolean: 80, text: 180 };

const helper = createColumnHelper<TableRow>();

/**
 * The attribute table of one layer or result: sortable (click a header; text
 * sorts naturally, empty cells last), filterable per column (text contains,
 * numbers `> 10`, `2..4`), a summary row (rows, sum and mean of numeric
 * columns over the filtered rows), export of the filtered rows in their order.
 * Rows are virtualised: the DOM holds only the rows in view plus a few, so
 * 50,000 features scroll as smoothly as 50. A row click selects the feature
 * (the scene highlights it) and flies to it; a selection made on the map
 * highlights its row and scrolls it into view.
 */
export function AttributeTable({ data, layerIds, name }: { data: FeatureTable; layerIds: string[]; name: string }) {
  const { t } = useTranslation();
  const nf = useNumberFormat();
  const header = useColumnHeader();
  const store = useAppStoreApi();
  const selection = useAppState((s) => s.selection);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);

  const columns = useMemo(
    () =>
      data.columns.map((c, i) => {
        const filterFn: FilterFn<TableRow> = (row, id, f: CellFilter) => f(row.getValue<TableCell>(id));
        // Parsed once per filter change, not once per row.
        filterFn.resolveFilterValue = (text: string) => parseCellFilter(text, c.kind === 'number');
        return helper.accessor((r) => r.cells[i], {
          id: c.key,
          header: () => header(c.key),
          size: c.key === 'id' ? 200 : WIDTH[c.kind],
          sortingFn: (a, b, id) => compareCells(a.getValue<TableCell>(id), b.getValue<TableCell>(id)),
          sortUndefined: 'last',
          filterFn,
          meta: { kind: c.kind },
        });
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- header changes with the language only; columns are rebuilt with it below
    [data, t],
  );
  const table = useReactTable({
    data: data.rows,
    columns,
    state: { sorting, columnFilters: filters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r, i) => `${i}`,
  });
  const rows = table.getRowModel().rows;
  const summary = useMemo(() => tableSummary(data.columns, rows.map((r) => r.original.cells)), [data.columns, rows]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  // A selection (map pick or row click) of a feature of this table: its row is highlighted and scrolled into view.
  const selectedIndex = useMemo(
    () => (selection && layerIds.includes(selection.layerId) ? rows.findIndex((r) => r.original.id === selection.featureId) : -1),
    [selection, layerIds, rows],
  );
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtual]);

  const pick = (r: TableRow) => {
    const s = store.getState();
    const layerId = layerIds[0];
    if (!s.layers[layerId]?.visible) s.setLayerVisible(layerId, true);
    s.select({ layerId, featureId: r.id, properties: r.properties });
    if (r.bbox) s.flyTo(viewOfBbox(r.bbox));
  };

  const cell = (v: TableCell): string => {
    if (v === undefined || v === null || v === '') return '';
    if (typeof v === 'number') return nf(v, { maximumFractionDigits: 3 });
    if (typeof v === 'boolean') return v ? t('feature.yes') : t('feature.no');
    return v;
  };
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const width = table.getTotalSize();

  return (
    <div className="attribute-table">
      <div className="attribute-table-bar">
        <span className="muted small" data-testid="table-count">
          {rows.length === data.rows.length ? t('table.rows', { count: rows.length }) : t('table.rowsOf', { count: rows.length, total: data.rows.length })}
        </span>
        {filters.length > 0 && (
          <button type="button" className="btn small" onClick={() => setFilters([])}>
            {t('table.clearFilters')}
          </button>
        )}
        <TableExport name={name} columns={data.columns} rows={() => rows.map((r) => r.original.cells)} />
      </div>
      <div className="attribute-table-scroll" ref={scroller} data-testid="table-scroll">
        <table style={{ width }} aria-rowcount={rows.length + 2}>
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const kind = data.columns[h.index]?.kind;
                  const label = header(h.column.id);
                  return (
                    <th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={kind === 'number' ? 'num' : undefined}>
                      <button type="button" className="th-sort" title={h.column.id} onClick={h.column.getToggleSortingHandler()} aria-label={t('table.sortBy', { column: label })}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                      <input
                        type="search"
                        className="th-filter"
                        value={(h.column.getFilterValue() as string | undefined) ?? ''}
                        placeholder={kind === 'number' ? t('table.filterNumber') : t('table.filterText')}
                        aria-label={t('table.filterBy', { column: label })}
                        onChange={(e) => h.column.setFilterValue(e.target.value || undefined)}
                      />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="pad">
                <td style={{ height: padTop }} colSpan={columns.length} />
              </tr>
            )}
            {items.map((v) => {
              const r = rows[v.index];
              const selected = v.index === selectedIndex;
              return (
                <tr
                  key={r.id}
                  data-row-id={r.original.id}
                  aria-rowindex={v.index + 2}
                  aria-selected={selected}
                  className={selected ? 'selected' : undefined}
                  tabIndex={0}
                  onClick={() => pick(r.original)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      pick(r.original);
                    }
                  }}
                >
                  {r.getVisibleCells().map((c) => {
                    const text = cell(c.getValue<TableCell>());
                    return (
                      <td key={c.id} className={data.columns[c.column.getIndex()]?.kind === 'number' ? 'num' : undefined} title={text}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="pad">
                <td style={{ height: padBottom }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr data-testid="table-summary">
              {data.columns.map((c, i) => {
                const s = summary.columns[i];
                return (
                  <td key={c.key} className={s ? 'num' : undefined}>
                    {i === 0 && !s ? t('table.summaryRows', { count: summary.rows }) : ''}
                    {s && s.count > 0 && (
                      <span title={t('table.summaryTitle', { count: s.count })}>
                        Σ {nf(s.sum, { maximumFractionDigits: 2 })} · ⌀ {nf(s.mean!, { maximumFractionDigits: 2 })}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
