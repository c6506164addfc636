import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskPinHash } from '../../../core/kiosk/KioskConfig';
import { PIN_MAX_FAILURES, pinLockout, pinLockRemainingMs, type PinLockoutState } from '../../../core/kiosk/pinLockout';
import { verifyPin } from '../../../core/kiosk/verifyPin';

export interface StaffPinPadProps {
  pinHash: KioskPinHash;
  /** The lockout state; kept by the caller so closing and reopening the pad does not reset it. */
  lockout: PinLockoutState;
  onLockout(s: PinLockoutState): void;
  onUnlock(): void;
  onCancel(): void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * The staff PIN pad: digits as 48 px+ buttons, the PIN shown as dots,
 * checked against the salted hash ({@link verifyPin}); three wrong tries
 * lock the pad for a minute ({@link pinLockout}, on `performance.now()` so a
 * clock change cannot unlock it). While locked, no try is verified.
 */
export function StaffPinPad({ pinHash, lockout, onLockout, onUnlock, onCancel }: StaffPinPadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [, rerender] = useState(0);
  const now = performance.now();
  const lockedMs = pinLockRemainingMs(lockout, now);

  // One timer to the end of the lock, so the pad opens again by itself.
  useEffect(() => {
    if (lockedMs <= 0) return;
    const h = setTimeout(() => rerender((n) => n + 1), Math.min(lockedMs, 1000));
    return () => clearTimeout(h);
  });

  const submit = async () => {
    if (checking || pin === '' || pinLockRemainingMs(lockout, performance.now()) > 0) return;
    setChecking(true);
    const ok = await verifyPin(pin, pinHash);
    setChecking(false);
    setPin('');
    const next = pinLockout(lockout, { ok, atMs: performance.now() });
    onLockout(next);
    if (ok) onUnlock();
  };

  const left = PIN_MAX_FAILURES - lockout.failures;
  return (
    <div className="staff-pin" role="dialog" aria-modal="true" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('staff.pinTitle')}</h2>
      <p id={`${id}-p`}>{t('staff.pinPrompt')}</p>
      <output className="staff-pin-dots" aria-live="off" aria-describedby={`${id}-p`}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </output>
      <div className="staff-pin-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="kiosk-btn" disabled={lockedMs > 0} onClick={() => setPin((p) => (p.length < 12 ? p + k : p))}>
            {k}
          </button>
        ))}
        <button type="button" className="kiosk-btn" aria-label={t('staff.pinDelete')} disabled={lockedMs > 0} onClick={() => setPin((p) => p.slice(0, -1))}>
          ⌫
        </button>
      </div>
      <p className="staff-pin-msg" role="alert">
        {lockedMs > 0 ? t('staff.pinLocked', { s: Math.ceil(lockedMs / 1000) }) : lockout.failures > 0 ? t('staff.pinWrong', { count: left }) : ''}
      </p>
      <div className="feedback-actions">
        <button type="button" className="kiosk-btn" onClick={onCancel}>
          {t('feedback.cancel')}
        </button>
        <button type="button" className="kiosk-btn kiosk-btn-primary" disabled={lockedMs > 0 || checking || pin === ''} onClick={() => void submit()}>
          {t('staff.pinOk')}
        </button>
      </div>
    </div>
  );
}
