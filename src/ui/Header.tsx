import { useState } from 'react';
import { LANGS, type Lang } from '../state';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from './StoreContext';

/** App name, dataset and its notice, home, share link, language switch. */
export function Header() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const catalog = useAppState((s) => s.catalog);
  const [copied, setCopied] = useState(false);
  const langName: Record<Lang, string> = { de: t('header.langDe'), en: t('header.langEn') };
  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22">
            <path d="M3 20h18M5 20V10l4-3v13M11 20V5l5 3v12M18 20v-8l2 1v7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
          </svg>
        </span>
        <span className="app-name">{t('app.name')}</span>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      {catalog && (
        <div className="dataset">
          <span className="muted">{t('header.dataset')}:</span> <span className="dataset-title">{catalog.title[lang]}</span>
          {catalog.notice && (
            <span className="badge badge-notice" role="note" data-testid="dataset-notice">
              {catalog.notice[lang]}
            </span>
          )}
        </div>
      )}
      <div className="header-actions">
        {catalog && (
          <button type="button" className="btn" onClick={() => store.getState().flyTo(catalog.home)}>
            {t('header.home')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false));
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t('header.shareDone') : t('header.share')}
        </button>
        <div className="lang-switch" role="group" aria-label={t('header.language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} aria-label={`${l.toUpperCase()} – ${langName[l]}`} className={lang === l ? 'active' : ''} onClick={() => store.getState().setLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
