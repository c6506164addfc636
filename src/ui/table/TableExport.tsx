import { useTranslation } from 'react-i18next';
import type { TableColumn } from '../../core/table/featureTable';
import { exportTableRows } from '../../core/table/exportTableRows';
import type { TableCell, TableDialect } from '../../core/table/writeTable';
import { downloadText } from '../analysis/analysisCsv';
import { useColumnHeader } from './useColumnHeader';

/** File name of an exported table: planlotse-<name>[-excel].csv, safe characters only. */
export function tableFileName(name: string, dialect: TableDialect): string {
  return `planlotse-${name.replace(/[^\w.-]+/g, '_')}${dialect === 'excel-de' ? '-excel' : ''}.csv`;
}

/** Two buttons: the filtered rows in their order as CSV (RFC 4180) and as CSV for German Excel (`;`, decimal comma). */
export function TableExport({ name, columns, rows }: { name: string; columns: TableColumn[]; rows: () => (readonly TableCell[])[] }) {
  const { t } = useTranslation();
  const header = useColumnHeader();
  const save = (dialect: TableDialect) => downloadText(tableFileName(name, dialect), exportTableRows(columns.map((c) => header(c.key)), rows(), dialect));
  return (
    <span className="table-export">
      <button type="button" className="btn small" data-export="rfc4180" title={t('table.exportCsvTitle')} onClick={() => save('rfc4180')}>
        ⤓ CSV
      </button>
      <button type="button" className="btn small" data-export="excel-de" title={t('table.exportExcelTitle')} onClick={() => save('excel-de')}>
        ⤓ {t('table.exportExcel')}
      </button>
    </span>
  );
}
