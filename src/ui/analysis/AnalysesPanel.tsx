import { allCatalogLayers } from '../../state/selectors';
import type { AnalysisKind } from '../../state/analysisSlice';
import { localized } from '../../state/selectors';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';
import { analysisDate } from '../../core/time/zonedTime';
import { AnalysisInputsLine } from './AnalysisInputsLine';
import { ComplianceView } from './ComplianceView';
import { OverlapsView } from './OverlapsView';
import { usePanelText } from './panelText';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../core/i18n/Message';
import { SunHoursView } from './SunHoursView';
import { SunPointsView } from './SunPointsView';
import { DaylightStandardButtons } from './DaylightStandardButtons';
import './analyses.css';

const KINDS: AnalysisKind[] = ['shadows', 'sunHours', 'sunPoints', 'overlaps', 'compliance'];

/**
 * The "Analyses" side-panel section: shadows at the scene time (following the
 * time slider), sun hours for a day (heatmap legend, value under the pointer,
 * per-polygon table), sun at placed points and façades (pass/fail against a
 * threshold), overlaps of two polygon layers, and plan compliance as
 * traffic lights per Baugebiet; every table downloads as CSV. The app's analysis controller runs the
 * requested analysis in the worker; the viewer draws it.
 */
export function AnalysesPanel() {
  const store = useAppStoreApi();
  const { lang, analysisKind: kind, analysisStatus: status, analysisProgress: progress, analysisError: error, analysisResult: result } = useAppFields('lang', 'analysisKind', 'analysisStatus', 'analysisProgress', 'analysisError', 'analysisResult');
  const { analysisCellM: cellM, analysisStepMin: stepMin, analysisFollowTime: followTime, analysisOverlapA: overlapA, analysisOverlapB: overlapB, sunPointThresholdH: threshold } = useAppFields('analysisCellM', 'analysisStepMin', 'analysisFollowTime', 'analysisOverlapA', 'analysisOverlapB', 'sunPointThresholdH');
  const date = useAppState((s) => s.analysisDate || analysisDate(s.timeMs, s.catalog?.timeZone));
  // Catalog and dropped layers alike: the one layer registry.
  const layers = useAppState(allCatalogLayers);
  const pointCount = useAppState((s) => s.sunPoints.length);
  const tx = usePanelText();
  const { i18n } = useTranslation();
  const { t } = tx;
  const running = status === 'running';
  const polygonLayers = layers.filter((l) => l.type === 'geojson-polygons');
  // Defaults: Baugebiete × flood zone (else parcels, else the next polygon layer).
  const a = overlapA || (polygonLayers.find((l) => l.role === 'zoning') ?? polygonLayers[0])?.id || '';
  const b = overlapB || (polygonLayers.find((l) => l.role === 'flood') ?? polygonLayers.find((l) => l.role === 'parcels') ?? polygonLayers.find((l) => l.id !== a))?.id || '';
  const title = (l: { title: { de: string; en: string } }) => localized(l.title, lang);
  const run = () => {
    if (kind === 'overlaps') store.getState().setAnalysisParams({ overlapA: a, overlapB: b });
    store.getState().requestAnalysis();
  };
  const layerSelect = (label: string, value: string, key: 'overlapA' | 'overlapB') => (
    <label>
      {label}{' '}
      <select value={value} disabled={running} onChange={(e) => store.getState().setAnalysisParams({ [key]: e.target.value })}>
        {polygonLayers.map((l) => (
          <option key={l.id} value={l.id}>
            {title(l)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="analyses" data-analysis-status={status}>
      <div className="button-row" role="radiogroup" aria-label={t('kind')}>
        {KINDS.map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={`btn${kind === k ? ' active' : ''}`} disabled={running} onClick={() => store.getState().setAnalysisKind(k)}>
            {t(k)}
          </button>
        ))}
      </div>
      {kind === 'shadows' && (
        <label className="small">
          <input type="checkbox" checked={followTime} onChange={(e) => store.getState().setAnalysisParams({ followTime: e.target.checked })} /> {t('followTime')}
        </label>
      )}
      {(kind === 'sunHours' || kind === 'sunPoints') && (
        <div className="analysis-params">
          <label>
            {t('date')}{' '}
            <input type="date" value={date} disabled={running} onChange={(e) => e.target.value && store.getState().setAnalysisParams({ date: e.target.value })} />
          </label>
          <DaylightStandardButtons disabled={running} />
          {(kind === 'sunPoints' || kind === 'sunHours') && (
            <label>
              {t('threshold')}{' '}
              <input
                type="number"
                className="threshold"
                min={0}
                max={24}
                step={0.5}
                value={threshold}
                onChange={(e) => {
                  const v = e.target.valueAsNumber;
                  if (v >= 0 && v <= 24) store.getState().setSunPointThreshold(v);
                }}
              />
            </label>
          )}
          {kind === 'sunHours' && (
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
          )}
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
      {kind === 'overlaps' && (
        <div className="analysis-params stacked">
          {layerSelect(t('layerA'), a, 'overlapA')}
          {layerSelect(t('layerB'), b, 'overlapB')}
        </div>
      )}
      <p className="muted small">{kind === 'overlaps' ? t('overlapHint') : kind === 'compliance' ? t('complianceHint') : kind === 'sunPoints' ? t('pointsHint') : t('hint')}</p>
      <div className="button-row">
        {!running ? (
          <button type="button" className="btn primary" data-analysis="run" disabled={(kind === 'overlaps' && (!a || !b)) || (kind === 'sunPoints' && !pointCount)} onClick={run}>
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
        {status === 'error' && <div className="error small">{error && translateMessage(i18n.t, error)}</div>}
      </div>
      {result?.kind === 'shadows' && (
        <dl className="measure-result" data-analysis-result="shadows">
          {result.status === 'sun-below-horizon' ? (
            <div>
              <dd>{t('sunBelow')}</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>{t('shadowArea')}</dt>
                <dd data-analysis-value="unionAreaM2">{tx.nf(result.unionAreaM2, 0)} m²</dd>
              </div>
              <div>
                <dt>{t('sunAlt')}</dt>
                <dd>
                  {tx.nf(result.altitudeDeg, 1)}° / {tx.nf(result.azimuthDeg, 1)}°
                </dd>
              </div>
            </>
          )}
        </dl>
      )}
      {kind === 'sunPoints' && <SunPointsView result={result?.kind === 'sunPoints' ? result : undefined} tx={tx} />}
      {result?.kind === 'sunHours' && <SunHoursView result={result} tx={tx} />}
      {result?.kind === 'overlaps' && <OverlapsView result={result} tx={tx} />}
      {result?.kind === 'compliance' && <ComplianceView result={result} tx={tx} />}
      {result && <AnalysisInputsLine inputs={result.inputs} tx={tx} />}
    </div>
  );
}
