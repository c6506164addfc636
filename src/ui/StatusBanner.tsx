import { useTranslation } from 'react-i18next';
import { translateMessage } from '../core/i18n/Message';
import { useAppState } from './StoreContext';

/** Loading and error messages for the dataset and the 3D view. */
export function StatusBanner() {
  const { t } = useTranslation();
  const catalog = useAppState((s) => s.catalog);
  const catalogError = useAppState((s) => s.catalogError);
  const viewerError = useAppState((s) => s.viewerError);
  if (catalogError) return <div className="banner error" role="alert">{t('catalog.error', { msg: translateMessage(t, catalogError) })}</div>;
  if (viewerError) return <div className="banner error" role="alert">{t('viewer.error', { msg: viewerError })}</div>;
  if (!catalog) return <div className="banner" role="status">{t('catalog.loading')}</div>;
  return null;
}
