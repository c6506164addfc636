import type { AnalysisKind } from '../../state/analysisSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { analysisText, type AnalysisMessageKey } from './analysisMessages';
import { toZoned } from '../../core/time/zonedTime';

const KINDS: AnalysisKind[] = ['shadows', 'sunHours'];

/**
 * The "Analyses" side-panel section: shadows at the scene time or sun hours
 * for a day, with progress, cancel and the key figures. The app's analysis
 * controller runs the requested analysis in the worker; the viewer draws it.
 */
export function AnalysesPanel() {
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const kind = useAppState((s) => s.analysisKind);
  const status = useAppState((s) => s.analysisStatus);
  const progress = useAppState((s) => s.analysisProgress);
  const error = useAppState((s) => s.analysisError);
  const result = useAppState((s) => s.analysisResult);
  const date = useAppState((s) => s.analysisDate || toZoned(s.timeMs).date);
  const cellM = useAppState((s) => s.analysisCellM);
  const stepMin = useAppState((s) => s.analysisStepMin);
  const t = (k: AnalysisMessageKey, v?: Record<string, string | number>) => analysisText(lang, k, v);
  const nf = (v: number, d: number) => v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  const running = status === 'running';
  return (
    <div className="analyses" data-analysis-status={status}>
      <div className="button-row" role="radiogroup" aria-label={t('kind')}>
        {KINDS.map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={`btn${kind === k ? ' active' : ''}`} disabled={running} onClick={() => store.getState().setAnalysisKind(k)}>
            {t(k)}
          </button>
        ))}
      </div>
      {kind === 'sunHours' && (
        <div className="analysis-params">
          <label>
            {t('date')}{' '}
            <input type="date" value={date} disabled={running} onChange={(e) => e.target.value && store.getState().setAnalysisParams({ date: e.target.value })} />
          </label>
          <label>
            {t('cell')}{' '}
            <select value={cellM} disabled={running} onChange={(e) => store.getState().setAnalysisParams({ cellM: Number(e.target.value) })}>
              {[1, 2, 5].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('step')}{' '}
            <select value={stepMin} disabled={running} onChange={(e) => store.getState().setAnalysisParams({ stepMin: Number(e.target.value) })}>
              {[5, 10, 15, 30].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="muted small">{t('hint')}</p>
      <div className="button-row">
        {!running ? (
          <button type="button" className="btn primary" data-analysis="run" onClick={() => store.getState().requestAnalysis()}>
            {t('run')}
          </button>
        ) : (
          <button type="button" className="btn" data-analysis="cancel" onClick={() => store.getState().cancelAnalysis()}>
            {t('cancel')}
          </button>
        )}
        {result && !running && (
          <button type="button" className="btn" onClick={() => store.getState().clearAnalysis()}>
            {t('clear')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {running && <progress max={1} value={progress} aria-label={t('running', { p: Math.round(progress * 100) })} />}
        {running && <div className="muted small">{t('running', { p: Math.round(progress * 100) })}</div>}
        {status === 'cancelled' && <div className="muted small">{t('cancelled')}</div>}
        {status === 'error' && <div className="error small">{t('error', { msg: error ?? '' })}</div>}
      </div>
      {result?.kind === 'shadows' && !running && (
        <dl className="measure-result" data-analysis-result="shadows">
          {result.status === 'sun-below-horizon' ? (
            <div>
              <dd>{t('sunBelow')}</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>{t('shadowArea')}</dt>
                <dd data-analysis-value="unionAreaM2">{nf(result.unionAreaM2, 0)} m²</dd>
              </div>
              <div>
                <dt>{t('sunAlt')}</dt>
                <dd>
                  {nf(result.altitudeDeg, 1)}° / {nf(result.azimuthDeg, 1)}°
                </dd>
              </div>
            </>
          )}
        </dl>
      )}
      {result?.kind === 'sunHours' && !running && (
        <dl className="measure-result" data-analysis-result="sunHours">
          <div>
            <dt>{t('mean')}</dt>
            <dd data-analysis-value="meanSunHours">{nf(result.meanSunHours, 1)} h</dd>
          </div>
          <div>
            <dt>{t('share2')}</dt>
            <dd>{nf(result.shareAtLeast2h * 100, 0)} %</dd>
          </div>
          <div>
            <dt>{t('share4')}</dt>
            <dd>{nf(result.shareAtLeast4h * 100, 0)} %</dd>
          </div>
          <div>
            <dt>{t('cells')}</dt>
            <dd>
              {nf(result.groundCells, 0)} × {result.grid.cellM} m
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
