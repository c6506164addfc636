import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../core/i18n/Lang';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** Title of the consultation, the staff slot, the language switch (one button per language) and the contrast switch. */
export function KioskTopBar({ staffButton }: { staffButton?: ReactNode }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const config = useAppState((s) => s.kioskConfig)!;
  const lang = useAppState((s) => s.lang);
  const highContrast = useAppState((s) => s.kioskHighContrast);
  return (
    <header className="kiosk-top" data-region="top">
      <h1 className="kiosk-title">{config.title[lang]}</h1>
      <div className="kiosk-top-actions">
        <div className="kiosk-slot kiosk-slot-staff" data-slot="staffButton">
          {staffButton}
        </div>
        <div className="kiosk-segmented" role="group" aria-label={t('kiosk.language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} className="kiosk-btn" aria-pressed={lang === l} onClick={() => store.getState().setLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        <button type="button" className="kiosk-btn" role="switch" aria-checked={highContrast} onClick={() => store.getState().setKioskHighContrast(!highContrast)}>
          <span aria-hidden="true">◐ </span>
          {t('kiosk.contrast')}
        </button>
      </div>
    </header>
  );
}
