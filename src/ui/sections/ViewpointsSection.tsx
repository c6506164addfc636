import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** Home view and the catalog's named viewpoints as buttons. */
export function ViewpointsSection() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const catalog = useAppState((s) => s.catalog);
  if (!catalog) return null;
  const views = [catalog.home, ...catalog.viewpoints.filter((v) => v.id !== catalog.home.id)];
  return (
    <div className="button-grid">
      {views.map((v) => (
        <button key={v.id} type="button" className="btn" aria-label={t('viewpoints.flyTo', { name: v.title[lang] })} onClick={() => store.getState().flyTo(v)}>
          {v.title[lang]}
        </button>
      ))}
    </div>
  );
}
