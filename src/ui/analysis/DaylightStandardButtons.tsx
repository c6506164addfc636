import { useTranslation } from 'react-i18next';
import { DAYLIGHT_STANDARDS, matchStandard } from '../../core/analysis/daylightStandards';
import { analysisDate } from '../../core/time/zonedTime';
import { useAppState, useAppStoreApi } from '../StoreContext';

/**
 * The dates planners are asked about, one button per check: DIN 5034-1 (17 January ≥ 1 h; equinox ≥ 4 h) and
 * DIN EN 17037 (≥ 1.5 h on a day between 1 February and 21 March). A click sets the scene and analysis date and
 * the threshold (`applyDaylightStandard`); the button of the check the current date and threshold meet is pressed.
 */
export function DaylightStandardButtons({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const date = useAppState((s) => s.analysisDate || analysisDate(s.timeMs, s.catalog?.timeZone));
  const threshold = useAppState((s) => s.sunPointThresholdH);
  const active = matchStandard(date, threshold);
  return (
    <div className="button-row daylight-standards" role="group" aria-label={t('daylight.title')} data-testid="daylight-standards">
      {DAYLIGHT_STANDARDS.map((s) => (
        <button
          key={s.id}
          type="button"
          className={`btn small${active?.id === s.id ? ' active' : ''}`}
          aria-pressed={active?.id === s.id}
          data-standard={s.id}
          title={t(`daylight.hint.${s.id}`)}
          disabled={disabled}
          onClick={() => store.getState().applyDaylightStandard(s.id)}
        >
          {t(`daylight.${s.id}`)}
        </button>
      ))}
    </div>
  );
}
