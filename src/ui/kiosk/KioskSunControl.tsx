import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../core/i18n/Lang';
import { KIOSK_DAY_TIMES, KIOSK_SEASONS, type KioskSunChoice } from '../../core/kiosk/kioskSun';
import { datasetTimeZone } from '../../core/time/zonedTime';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';
import { KioskChoiceRow } from './KioskChoiceRow';

/** Default of the half not yet chosen: midsummer, noon. */
const DEFAULT_CHOICE: KioskSunChoice = { season: 'june', dayTime: 'noon' };

/** The simple sun control: season (21 March / 21 June / 21 December) × morning / noon / evening, shadows always on. */
export function KioskSunControl() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { kioskSun: sun, timeMs, lang } = useAppFields('kioskSun', 'timeMs', 'lang');
  const timeZone = useAppState((s) => datasetTimeZone(s.catalog));
  const choose = (patch: Partial<KioskSunChoice>) => store.getState().setKioskSun({ ...DEFAULT_CHOICE, ...sun, ...patch });
  const date = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'long', timeZone }).format(timeMs);
  const time = new Intl.DateTimeFormat(INTL_LOCALE[lang], { hour: '2-digit', minute: '2-digit', timeZone }).format(timeMs);
  return (
    <div>
      <KioskChoiceRow label={t('kiosk.sunSeason')} choices={KIOSK_SEASONS.map((id) => ({ id, text: t(`kiosk.sun.${id}`) }))} chosen={sun?.season} onChoose={(season) => choose({ season })} />
      <KioskChoiceRow label={t('kiosk.sunDayTime')} choices={KIOSK_DAY_TIMES.map((id) => ({ id, text: t(`kiosk.sun.${id}`) }))} chosen={sun?.dayTime} onChoose={(dayTime) => choose({ dayTime })} />
      <p className="kiosk-caption" aria-live="polite">
        {t('kiosk.sunShown', { date, time })}
      </p>
    </div>
  );
}
