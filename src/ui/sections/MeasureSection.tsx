import { useMemo } from 'react';
import type { MeasureMode } from '../../state';
import { measureModeOf, selectMeasureResult } from '../../state';
import { measureOffGround } from '../../state/measureSlice';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../core/i18n/Message';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../i18n/useNumberFormat';
import { useAppState, useAppStoreApi } from '../StoreContext';

const MODES: Exclude<MeasureMode, 'none'>[] = ['distance', 'area', 'height'];

/** Distance, area and height measurement; results in EPSG:25832 metres. */
export function MeasureSection() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const nf = useNumberFormat();
  const mode = useAppState((s) => measureModeOf(s.tool));
  const n = useAppState((s) => s.measurePoints.length);
  const r = useAppState(useShallow(selectMeasureResult));
  const onGround = useAppState((s) => s.measureOnGround);
  // Derived here, not in the selector: a selector returning a fresh array re-renders forever (React #185).
  const tool = useAppState((s) => s.tool);
  const measurePoints = useAppState((s) => s.measurePoints);
  const measureAboveGroundM = useAppState((s) => s.measureAboveGroundM);
  const off = useMemo(() => measureOffGround({ tool, measurePoints, measureAboveGroundM }), [tool, measurePoints, measureAboveGroundM]);
  const fmt = (v: number, digits: number) => nf(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const rows: [MessageKey, string][] = [];
  if (r.distanceM !== undefined) rows.push([mode === 'height' ? 'measure.result.horizontal' : 'measure.result.distance', `${fmt(r.distanceM, 2)} m`]);
  if (r.slopeDistanceM !== undefined) rows.push(['measure.result.slope', `${fmt(r.slopeDistanceM, 2)} m`]);
  if (r.areaM2 !== undefined) rows.push(['measure.result.area', `${fmt(r.areaM2, 1)} m²`]);
  if (r.perimeterM !== undefined) rows.push(['measure.result.perimeter', `${fmt(r.perimeterM, 2)} m`]);
  if (r.heightM !== undefined) rows.push(['measure.result.height', `${fmt(r.heightM, 2)} m`]);
  return (
    <div className="measure">
      <div className="button-row" role="group" aria-label={t('measure.tools')}>
        {MODES.map((m) => (
          <button key={m} type="button" className={`btn${mode === m ? ' active' : ''}`} aria-pressed={mode === m} onClick={() => store.getState().setTool(mode === m ? 'select' : `measure-${m}`)}>
            {t(`measure.${m}`)}
          </button>
        ))}
      </div>
      <p className="muted">{t(`measure.hint.${mode}`)}</p>
      {mode !== 'none' && (
        <>
          {mode !== 'height' && (
            <label className="check-row">
              <input type="checkbox" checked={onGround} data-testid="measure-on-ground" onChange={(e) => store.getState().setMeasureOnGround(e.target.checked)} />
              <span>{t('measure.onGround')}</span>
            </label>
          )}
          <div className="muted small">{t('measure.points', { n })}</div>
          {off.points.length > 0 && (
            <div className="measure-warning" role="alert" data-testid="measure-off-ground">
              <p>{t('measure.offGround', { count: off.points.length, points: off.points.join(', '), h: fmt(off.maxAboveM, 1) })}</p>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  store.getState().setMeasureOnGround(true);
                  store.getState().clearMeasure();
                }}
              >
                {t('measure.useGround')}
              </button>
            </div>
          )}
          {rows.length > 0 && (
            <dl className="measure-result" aria-live="polite">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <dt>{t(k)}</dt>
                  <dd data-measure={k}>{v}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="muted small">{t('measure.crs')}</div>
          <div className="button-row">
            <button type="button" className="btn" onClick={() => store.getState().clearMeasure()} disabled={n === 0}>
              {t('measure.clear')}
            </button>
            <button type="button" className="btn" onClick={() => store.getState().setTool('select')}>
              {t('measure.stop')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
