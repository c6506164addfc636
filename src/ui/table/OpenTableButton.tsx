import { useTranslation } from 'react-i18next';
import type { Message } from '../../core/i18n/Message';
import type { FeatureTable } from '../../core/table/featureTable';
import { useAppStoreApi } from '../StoreContext';

/**
 * "Als Tabelle öffnen": shows rows of an analysis result in the bottom
 * drawer's attribute table (sort, filter, summary, export, selection), where a
 * long table has room. `rows` is built on click only.
 */
export function OpenTableButton({ id, title, rows }: { id: string; title: Message; rows: () => FeatureTable }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  return (
    <button type="button" className="btn small" data-open-table={id} onClick={() => store.getState().openRowsTable(id, title, rows())}>
      {t('table.openRows')}
    </button>
  );
}
