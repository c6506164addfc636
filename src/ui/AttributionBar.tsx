import { useMemo } from 'react';
import { selectAttributions } from '../state';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from './StoreContext';

/** Attribution and license lines of all visible layers, plus the base map. */
export function AttributionBar() {
  const { t } = useTranslation();
  const layers = useAppState((s) => s.layers);
  const catalog = useAppState((s) => s.catalog);
  const store = useAppStoreApi();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when layers or catalog change
  const lines = useMemo(() => selectAttributions(store.getState()), [layers, catalog, store]);
  return (
    <footer className="attribution-bar" aria-label={t('attribution.label')}>
      <span className="muted">{t('attribution.label')}:</span> {[...lines, t('attribution.base')].join(' · ')}
    </footer>
  );
}
