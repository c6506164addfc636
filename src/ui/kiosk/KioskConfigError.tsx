import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../core/i18n/Message';
import { useAppState } from '../StoreContext';

/** Full-screen error when the dataset's catalog or kiosk.json cannot be used: every bad field by its JSON path. */
export function KioskConfigError() {
  const { t } = useTranslation();
  const error = useAppState((s) => s.kioskLoadError);
  const catalogError = useAppState((s) => s.catalogError);
  return (
    <div className="kiosk-error" role="alert">
      <h1>{t('kiosk.configInvalidTitle')}</h1>
      {catalogError && <p>{translateMessage(t, catalogError)}</p>}
      {error?.kind === 'load' && <p>{translateMessage(t, error.message)}</p>}
      {error?.kind === 'invalid' && (
        <>
          <p>{t('kiosk.configInvalidIntro', { url: error.url })}</p>
          <ul className="kiosk-error-list">
            {error.errors.map((e, i) => (
              <li key={i}>
                <code className="kiosk-error-field">{e.path || t('kiosk.configWholeFile')}</code>: {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
