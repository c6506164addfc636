import { useEffect, type ReactNode } from 'react';
import { useAppFields } from '../StoreContext';
import { KioskConfigError } from './KioskConfigError';
import { KioskTopBar } from './KioskTopBar';
import { KioskControls } from './KioskControls';
import { KioskStoryCaption } from './KioskStoryCaption';
import { KioskCard } from './KioskCard';
import { KioskIdleOverlay } from './KioskIdleOverlay';
import { useTranslation } from 'react-i18next';

/**
 * Where other parts of the kiosk plug into the screen (citizen feedback and
 * staff mode, issue 13 points 4–5). Each slot is a fixed region of the
 * layout; everything in it is remounted at every idle reset (the screen is
 * keyed by `kioskResetCount`), so a visitor's unconfirmed input is gone
 * with the reset even without listening to the reset event.
 */
export interface KioskSlots {
  /** Top bar, right end, before language and contrast switches: the staff button. */
  staffButton?: ReactNode;
  /** Left column below the story caption and card: the feedback button / form. */
  feedback?: ReactNode;
  /** Full-screen layers above everything but the idle overlay (keyboard, staff screen). */
  overlays?: ReactNode;
}

/**
 * The kiosk screen (`?mode=kiosk`): full screen 3D view, a top bar (title,
 * language, high contrast), a left column (story caption, the card of a
 * tapped building or area, feedback), the touch controls at the bottom
 * (stories, variants, sun, layers) and the idle overlay. A broken or
 * missing kiosk.json replaces all of it with an error naming each bad field.
 */
export function KioskApp({ slots = {} }: { slots?: KioskSlots }) {
  const { t } = useTranslation();
  const { lang, kioskConfig: config, kioskLoadError: loadError, catalogError, kioskHighContrast: highContrast, kioskResetCount: resetCount } = useAppFields('lang', 'kioskConfig', 'kioskLoadError', 'catalogError', 'kioskHighContrast', 'kioskResetCount');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-hc', highContrast);
  }, [highContrast]);
  if (loadError || catalogError) return <KioskConfigError />;
  if (!config) return <div className="kiosk-loading" role="status">{t('kiosk.loading')}</div>;
  return (
    <div className="kiosk-app" key={resetCount} data-region="kiosk">
      <KioskTopBar staffButton={slots.staffButton} />
      <div className="kiosk-left" data-region="left">
        <KioskStoryCaption />
        <KioskCard />
        <div className="kiosk-slot kiosk-slot-feedback" data-slot="feedback">
          {slots.feedback}
        </div>
      </div>
      <KioskControls />
      {slots.overlays && (
        <div className="kiosk-slot kiosk-slot-overlays" data-slot="overlays">
          {slots.overlays}
        </div>
      )}
      <KioskIdleOverlay />
    </div>
  );
}
