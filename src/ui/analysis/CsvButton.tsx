import { downloadText } from './analysisCsv';
import type { PanelText } from './panelText';

/** A small "CSV" button that downloads a table (the text is built only on click). */
export function CsvButton({ table, fileName, csv, tx }: { table: string; fileName: string; csv: () => string; tx: PanelText }) {
  return (
    <button type="button" className="btn small csv-button" data-csv={table} title={tx.t('csvTitle')} aria-label={tx.t('csvOf', { table: tx.t(`csvTable_${table}` as Parameters<PanelText['t']>[0]) })} onClick={() => downloadText(fileName, csv())}>
      ⤓ CSV
    </button>
  );
}
