import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idleCountdownRemainingS } from '../../core/kiosk/idleTimer';
import { useAppState, useAppStoreApi } from '../StoreContext';

/**
 * The "Noch da?" countdown (any touch anywhere cancels it: the controller
 * listens on the window) and, in the attract loop, the hint to touch the
 * screen.
 */
export function KioskIdleOverlay() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const idle = useAppState((s) => s.kioskIdle);
  const config = useAppState((s) => s.kioskConfig)!;
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (idle.phase !== 'countdown') return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [idle.phase]);
  if (idle.phase === 'attract') {
    return (
      <div className="kiosk-attract" data-region="attract" role="status">
        {t('kiosk.attractHint')}
      </div>
    );
  }
  if (idle.phase !== 'countdown') return null;
  const remaining = idleCountdownRemainingS(idle, Math.max(now, idle.countdownStartMs ?? now), config);
  return (
    <div className="kiosk-idle-backdrop" data-region="idle">
      <div className="kiosk-idle" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text">
        <h2 id="kiosk-idle-title">{t('kiosk.idleTitle')}</h2>
        <p id="kiosk-idle-text">{t('kiosk.idleText', { count: remaining })}</p>
        <button type="button" className="kiosk-btn kiosk-btn-primary" autoFocus onClick={() => store.getState().kioskIdleEvent({ type: 'touch', atMs: performance.now() })}>
          {t('kiosk.idleStay')}
        </button>
      </div>
    </div>
  );
}
