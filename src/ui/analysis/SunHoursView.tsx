import { allCatalogLayers } from '../../state/selectors';
import { sunHoursColor, sunHoursRampMax, THRESHOLD_FAIL_RGB, THRESHOLD_PASS_RGB } from '../../core/analysis/sunHoursColor';
import type { AnalysisResult } from '../../state/analysisSlice';
import { localized } from '../../state/selectors';
import { useAppState, useAppStoreApi } from '../StoreContext';
import type { PanelText } from './panelText';
import { CsvButton } from './CsvButton';
import { csvFileName, zonesCsv } from './analysisCsv';
import { SunHoursCharts } from '../charts/AnalysisCharts';
import { AnalysisTable } from './AnalysisTable';
import { OpenTableButton } from '../table/OpenTableButton';
import { zonesTable } from './analysisTables';

type SunHours = Extract<AnalysisResult, { kind: 'sunHours' }>;


/**
 * Sun-hours result: key figures, legend in hours (or the threshold map's pass/fail), the value under the pointer and
 * the per-polygon table with the share of each polygon reaching the threshold.
 */
export function SunHoursView({ result, tx }: { result: SunHours; tx: PanelText }) {
  const store = useAppStoreApi();
  const probe = useAppState((s) => s.analysisProbe);
  const map = useAppState((s) => s.sunHoursMap);
  const th = result.thresholdHours;
  const thresholdMap = map === 'threshold' && th !== undefined;
  const thText = th !== undefined ? nfShort(tx, th) : '';
  // Catalog and dropped layers alike: the one layer registry.
  const layers = useAppState(allCatalogLayers);
  const { t, nf } = tx;
  // The ramp spans the day's length (same as the heatmap), labelled in five steps.
  const maxH = sunHoursRampMax(result.stepCount * result.stepHours);
  const stops = [0, 1, 2, 3, 4, 5].map((i) => Math.round((maxH * i) / 5 * 10) / 10);
  const rgb = (h: number) => `rgb(${sunHoursColor(h, maxH).join(',')})`;
  const layerTitle = (id: string) => {
    const l = layers.find((x) => x.id === id);
    return l ? localized(l.title, tx.lang) : id;
  };
  const byLayer = new Map<string, SunHours['zones']>();
  for (const z of result.zones) {
    let l = byLayer.get(z.layerId);
    if (!l) byLayer.set(z.layerId, (l = []));
    l.push(z);
  }
  const pct = (v: number | null) => (v === null ? '–' : `${nf(v * 100, 0)} %`);
  return (
    <>
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
        {th !== undefined && result.shareAtLeastThreshold !== undefined && (
          <div>
            <dt>{t('shareThreshold', { h: thText })}</dt>
            <dd data-analysis-value="shareAtLeastThreshold">{nf(result.shareAtLeastThreshold * 100, 0)} %</dd>
          </div>
        )}
        <div>
          <dt>{t('cells')}</dt>
          <dd>
            {nf(result.groundCells, 0)} × {result.grid.cellM} m
          </dd>
        </div>
      </dl>
      {th !== undefined && (
        <div className="button-row" role="radiogroup" aria-label={t('mapMode')} data-testid="sun-hours-map">
          {(['hours', 'threshold'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={map === m} className={`btn small${map === m ? ' active' : ''}`} data-map={m} onClick={() => store.getState().setSunHoursMap(m)}>
              {m === 'hours' ? t('mapHours') : t('mapThreshold')}
            </button>
          ))}
        </div>
      )}
      {thresholdMap ? (
        <div className="analysis-legend" data-analysis-legend="threshold">
          <div className="small">
            <span className="swatch" style={{ background: `rgb(${THRESHOLD_PASS_RGB.join(',')})` }} aria-hidden="true" />
            {t('thresholdPass', { h: thText })}
          </div>
          <div className="small">
            <span className="swatch" style={{ background: `rgb(${THRESHOLD_FAIL_RGB.join(',')})` }} aria-hidden="true" />
            {t('thresholdFail', { h: thText })}
          </div>
        </div>
      ) : (
        <div className="analysis-legend" data-analysis-legend="sunHours" aria-label={t('legend')}>
          <div className="small muted">{t('legend')}</div>
          <div className="analysis-ramp" style={{ background: `linear-gradient(to right, ${stops.map((h) => rgb(h)).join(', ')})` }} />
          <div className="analysis-ramp-labels small">
            {stops.map((h) => (
              <span key={h}>{nf(h, Number.isInteger(h) ? 0 : 1)}</span>
            ))}
          </div>
        </div>
      )}
      <p className="small" data-analysis-probe={probe ? (probe.hours === null ? 'building' : probe.hours.toFixed(2)) : ''} aria-live="polite">
        {probe ? (probe.hours === null ? t('probeBuilding') : t('probe', { h: `${nf(probe.hours, 1)} h` })) : <span className="muted">{t('probeHint')}</span>}
      </p>
      <SunHoursCharts result={result} />
      <div className="table-head">
        <h4 className="analysis-subtitle">{t('zonesTitle')}</h4>
        {result.zones.length > 0 && <CsvButton table="zones" tx={tx} fileName={csvFileName('sun-hours-per-area', result)} csv={() => zonesCsv(result)} />}
        {result.zones.length > 0 && <OpenTableButton id="sun-hours-per-area" title={{ code: 'table.sunZones' }} rows={() => zonesTable(result)} />}
      </div>
      {!result.zones.length && <p className="muted small">{t('zonesNone')}</p>}
      {[...byLayer].map(([layerId, rows]) => (
        <AnalysisTable
          key={layerId}
          table={{ className: 'analysis-table fixed', 'data-analysis-zones': layerId }}
          caption={layerTitle(layerId)}
          widths={th !== undefined ? ['wide', '', '', '', ''] : ['wide', '', '', '']}
          head={
            <>
              <th>{t('zoneName')}</th>
              <th title={t('mean')}>Ø h</th>
              <th>≥ 2 h</th>
              <th>≥ 4 h</th>
              {th !== undefined && <th title={t('shareThreshold', { h: thText })}>≥ {thText} h</th>}
            </>
          }
        >
          {rows.map((z) => (
            <tr key={z.id} data-zone-id={z.id}>
              <td title={z.id}>{z.label}</td>
              <td className="num">{z.meanSunHours === null ? '–' : `${nf(z.meanSunHours, 1)} h`}</td>
              <td className="num">{pct(z.shareAtLeast2h)}</td>
              <td className="num">{pct(z.shareAtLeast4h)}</td>
              {th !== undefined && (
                <td className="num" data-share-threshold={z.shareAtLeastThreshold ?? ''}>
                  {pct(z.shareAtLeastThreshold ?? null)}
                </td>
              )}
            </tr>
          ))}
        </AnalysisTable>
      ))}
    </>
  );
}

/** Hours as short as they are: 1, 1,5, 4 (no trailing zero). */
function nfShort(tx: PanelText, h: number): string {
  return tx.nf(h, Number.isInteger(h) ? 0 : 1);
}
