import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { missingSharedFiles } from '../../state/droppedFilesSlice';
import { useAppState } from '../StoreContext';

/**
 * Over the map: the own files a shared link names that are not open in this browser, and how to open them. It goes
 * away when they are opened (or when closed); the link keeps naming them.
 */
export function MissingFilesNotice() {
  const { t } = useTranslation();
  const missing = useAppState(useShallow((s) => missingSharedFiles(s)));
  const [closed, setClosed] = useState(false);
  if (closed || missing.length === 0) return null;
  const names = missing.join(', ');
  return (
    <div className="banner missing-files" role="alert" data-testid="missing-files">
      <strong>{t('drop.missing.title')}</strong>
      <span> {t('drop.missing.text', { names })}</span>
      <button type="button" className="icon-btn" aria-label={t('drop.missing.dismiss')} title={t('drop.missing.dismiss')} onClick={() => setClosed(true)}>
        ×
      </button>
    </div>
  );
}
