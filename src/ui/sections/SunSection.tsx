import { datasetTimeZone, fromZoned, toZoned } from '../../core/time/zonedTime';
import type { ShadowQuality } from '../../state';
import { useTranslation } from 'react-i18next';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';
import { LabelledSelect } from '../controls/LabelledSelect';
import { DaylightStandardButtons } from '../analysis/DaylightStandardButtons';

const QUALITIES: ShadowQuality[] = ['low', 'medium', 'high'];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Date, time of day (in the dataset's time zone, default Europe/Berlin), presets, day animation, lighting and shadows. */
export function SunSection() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { timeMs, playing, lighting, shadows, shadowQuality: quality } = useAppFields('timeMs', 'playing', 'lighting', 'shadows', 'shadowQuality');
  const tz = useAppState((s) => datasetTimeZone(s.catalog));
  const { date, minutes } = toZoned(timeMs, tz);
  const year = date.slice(0, 4);
  const preset = (md: string) => store.getState().setTime(fromZoned(`${year}-${md}`, minutes, tz));
  return (
    <div className="sun">
      <label className="field">
        <span>{t('sun.date')}</span>
        <input type="date" value={date} aria-label={t('sun.date')} onChange={(e) => e.target.value && store.getState().setLocalDate(e.target.value)} />
      </label>
      <label className="field">
        <span>
          {t('sun.time')}: <output data-testid="time-value">{t('sun.timeValue', { time: hhmm(minutes) })}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1425}
          step={15}
          value={minutes}
          aria-label={t('sun.time')}
          aria-valuetext={hhmm(minutes)}
          onChange={(e) => store.getState().setLocalMinutes(Number(e.target.value))}
        />
      </label>
      <div className="muted small">{t('sun.timeZone')}</div>
      <div className="button-row" role="group" aria-label={t('sun.presets')}>
        <button type="button" className="btn" onClick={() => preset('03-21')}>
          {t('sun.spring')}
        </button>
        <button type="button" className="btn" onClick={() => preset('06-21')}>
          {t('sun.summer')}
        </button>
        <button type="button" className="btn" onClick={() => preset('12-21')}>
          {t('sun.winter')}
        </button>
        <button type="button" className="btn" onClick={() => store.getState().setTime(fromZoned(toZoned(Date.now(), tz).date, minutes, tz))}>
          {t('sun.today')}
        </button>
      </div>
      <div className="muted small">{t('daylight.title')}</div>
      <DaylightStandardButtons />
      <button type="button" className="btn btn-primary" aria-pressed={playing} onClick={() => store.getState().setPlaying(!playing)}>
        {playing ? t('sun.pause') : t('sun.play')}
      </button>
      <label className="check">
        <input type="checkbox" checked={lighting} onChange={(e) => store.getState().setLighting(e.target.checked)} />
        {t('sun.lighting')}
      </label>
      <label className="check">
        <input type="checkbox" checked={shadows} onChange={(e) => store.getState().setShadows(e.target.checked)} />
        {t('sun.shadows')}
      </label>
      <LabelledSelect label={t('sun.quality')} value={quality} options={QUALITIES} optionText={(q) => t(`sun.quality.${q}`)} onChoose={(q) => store.getState().setShadowQuality(q)} select={{ disabled: !shadows }} />
    </div>
  );
}
