import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { parseCellFilter } from '../../core/table/cellFilter';
import { filterRowOrder, sortedRowOrder } from '../../core/table/rowOrder';
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
/** tanstack holds the table's state and columns; the rows are ordered by core `sortedRowOrder`/`filterRowOrder` (index arrays). */
const NO_ROWS: TableRow[] = [];

/**
 * The attribute table of one layer or result: sortable (click a header; text
 * sorts naturally, empty cells last), filterable per column (text contains,
 * numbers `> 10`, `2..4`), a summary row (rows, sum and mean of numeric
 * columns over the filtered rows), export of the filtered rows in their order.
 * @tanstack/react-table holds the column model and the sorting and filter
 * state (headers, toggles, aria-sort); the row order comes from core's
 * index-array sort and filter, because tanstack's row model builds and sorts
 * one object per row (seconds for 50,000 rows on this machine, tens of
 * milliseconds with index arrays). Rows are virtualised (@tanstack/react-virtual):
 * the DOM holds only the rows in view plus a few. A row click selects the feature
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
      data.columns.map((c, i) =>
        helper.accessor((r) => r.cells[i], {
          id: c.key,
          header: () => header(c.key),
          size: c.key === 'id' ? 200 : WIDTH[c.kind],
          meta: { kind: c.kind },
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- header changes with the language only
    [data, t],
  );
  const table = useReactTable({
    data: NO_ROWS,
    columns,
    state: { sorting, columnFilters: filters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    // The first click sorts ascending in every column (tanstack would start numbers descending).
    sortDescFirst: false,
  });
  const colIndex = useMemo(() => new Map(data.columns.map((c, i) => [c.key, i])), [data.columns]);
  const sorted = useMemo(() => {
    const s = sorting[0];
    return sortedRowOrder(data.columns, data.rows, s && colIndex.has(s.id) ? { column: colIndex.get(s.id)!, desc: s.desc } : undefined);
  }, [data, sorting, colIndex]);
  const order = useMemo(
    () =>
      filterRowOrder(
        sorted,
        data.rows,
        filters.flatMap((f) => {
          const i = colIndex.get(f.id);
          return i === undefined || typeof f.value !== 'string' ? [] : [{ column: i, filter: parseCellFilter(f.value, data.columns[i].kind === 'number') }];
        }),
      ),
    [sorted, filters, data, colIndex],
  );
  const shownCells = () => Array.from(order, (i) => data.rows[i].cells);
  const summary = useMemo(() => tableSummary(data.columns, Array.from(order, (i) => data.rows[i].cells)), [data, order]);
  const byId = useMemo(() => new Map(data.rows.map((r, i) => [`${r.layerId ?? ''}|${r.id}`, i])), [data.rows]);

  const scroller = useRef<HTMLDivElement>(null);
  // Rows start below the sticky header and must not hide under it or under the sticky summary row.
  const head = useRef<HTMLTableSectionElement>(null);
  const foot = useRef<HTMLTableSectionElement>(null);
  const [bars, setBars] = useState({ head: 64, foot: 40 });
  useLayoutEffect(() => {
    const h = head.current?.offsetHeight ?? 64, f = foot.current?.offsetHeight ?? 40;
    if (h !== bars.head || f !== bars.foot) setBars({ head: h, foot: f });
  }, [bars.head, bars.foot, data, t, filters.length]);
  const virtual = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: bars.head,
    scrollPaddingStart: bars.head,
    scrollPaddingEnd: bars.foot,
  });

  // A selection (map pick or row click) of a feature of this table: its row is highlighted and scrolled into view.
  const selectedIndex = useMemo(() => {
    const i = !selection ? undefined : (byId.get(`${selection.layerId}|${selection.featureId}`) ?? (layerIds.includes(selection.layerId) ? byId.get(`|${selection.featureId}`) : undefined));
    return i === undefined ? -1 : order.indexOf(i);
  }, [selection, layerIds, byId, order]);
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtual]);

  const pick = (r: TableRow) => {
    const s = store.getState();
    const layerId = r.layerId ?? layerIds[0];
    // Rows that are no features of a layer (a table of figures) select nothing.
    if (!layerId) return;
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
  const padTop = (items[0]?.start ?? bars.head) - bars.head;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const width = table.getTotalSize();

  return (
    <div className="attribute-table">
      <div className="attribute-table-bar">
        <span className="muted small" data-testid="table-count">
          {order.length === data.rows.length ? t('table.rows', { count: order.length }) : t('table.rowsOf', { count: order.length, total: data.rows.length })}
        </span>
        {filters.length > 0 && (
          <button type="button" className="btn small" onClick={() => setFilters([])}>
            {t('table.clearFilters')}
          </button>
        )}
        <TableExport name={name} columns={data.columns} rows={shownCells} />
      </div>
      <div className="attribute-table-scroll" ref={scroller} data-testid="table-scroll">
        <table style={{ width }} aria-rowcount={order.length + 2}>
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead ref={head}>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const kind = data.columns[h.index]?.kind;
                  const label = header(h.column.id);
                  return (
                    <th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={kind === 'number' ? 'num' : undefined}>
                      <button type="button" className="th-sort" title={h.column.id} onClick={h.column.getToggleSortingHandler()} aria-label={t('table.sortBy', { column: label })}>
                        <span className="th-label">{flexRender(h.column.columnDef.header, h.getContext())}</span>
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
              const r = data.rows[order[v.index]];
              const selected = v.index === selectedIndex;
              return (
                <tr
                  key={order[v.index]}
                  data-row-id={r.id}
                  aria-rowindex={v.index + 2}
                  aria-selected={selected}
                  className={selected ? 'selected' : undefined}
                  tabIndex={0}
                  onClick={() => pick(r)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      pick(r);
                    }
                  }}
                >
                  {r.cells.map((v, i) => {
                    const text = cell(v);
                    return (
                      <td key={i} className={data.columns[i].kind === 'number' ? 'num' : undefined} title={text}>
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
          <tfoot ref={foot}>
            <tr data-testid="table-summary">
              {data.columns.map((c, i) => {
                const s = summary.columns[i];
                return (
                  <td key={c.key} className={s ? 'num' : undefined}>
                    {i === 0 && !s ? t('table.summaryRows', { count: summary.rows }) : ''}
                    {s && s.count > 0 && (
                      <span title={t('table.summaryTitle', { count: s.count })}>
                        Σ {nf(s.sum, { maximumFractionDigits: 2 })}
                        <br />⌀ {nf(s.mean!, { maximumFractionDigits: 2 })}
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
