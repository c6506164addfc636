import type { AnalysisResult } from '../../state/analysisSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { CsvButton } from './CsvButton';
import { csvFileName, sunPointsCsv } from './analysisCsv';
import type { PanelText } from './panelText';
import { AnalysisTable } from './AnalysisTable';

type SunPoints = Extract<AnalysisResult, { kind: 'sunPoints' }>;

/**
 * Sun at points: "Place point" arms the next map click (the viewer's
 * sun-points sync turns it into a ground, façade or roof point), the points
 * are listed with their hours and a pass/fail badge against the threshold, and
 * each can be removed. Every change recomputes all points in the worker.
 */
export function SunPointsView({ result, tx }: { result: SunPoints | undefined; tx: PanelText }) {
  const store = useAppStoreApi();
  const points = useAppState((s) => s.sunPoints);
  const placing = useAppState((s) => s.tool === 'placeSunPoint');
  const { t, nf } = tx;
  const rows = new Map((result?.rows ?? []).map((r) => [r.id, r]));
  const pass = result ? result.rows.filter((r) => r.meetsThreshold).length : 0;
  return (
    <div data-analysis-result="sunPoints">
      <div className="button-row">
        <button type="button" className={`btn${placing ? ' active' : ''}`} data-sun-point="place" aria-pressed={placing} onClick={() => store.getState().setTool(placing ? 'select' : 'placeSunPoint')}>
          {placing ? t('placeCancel') : t('placePoint')}
        </button>
        {result && result.rows.length > 0 && <CsvButton table="points" tx={tx} fileName={csvFileName('sun-points', result)} csv={() => sunPointsCsv(result)} />}
      </div>
      {placing && (
        <p className="small placing-hint" role="status">
          {t('placing')}
        </p>
      )}
      {!points.length ? (
        <p className="muted small">{t('pointsNone')}</p>
      ) : (
        <>
          {result && (
            <p className="small" data-sun-points-summary="">
              {t('summaryPoints', { pass, n: result.rows.length, h: nf(result.thresholdHours, 1) })}
            </p>
          )}
          <AnalysisTable
            table={{ className: 'analysis-table fixed sun-points', 'data-sun-points': '' }}
            caption={result?.inputs.date ? t('pointsTitle', { date: result.inputs.date }) : undefined}
            widths={['id', 'kind', '', '', 'badge', 'remove']}
            head={
              <>
                <th>{t('point')}</th>
                <th>{t('pointKind')}</th>
                <th>{t('pointHeight')}</th>
                <th>h</th>
                <th aria-label={t('status')} />
                <th />
              </>
            }
          >
            {points.map((p) => {
              const r = rows.get(p.id);
              const kind = r ? (r.kind === 'facade' ? t('kindfacade', { az: nf(r.facadeAzimuthDeg ?? 0, 0) }) : t(r.kind === 'roof' ? 'kindroof' : 'kindground')) : t('kindpending');
              return (
                <tr key={p.id} data-point-id={p.id} data-kind={r?.kind ?? ''} data-hours={r ? r.sunHours.toFixed(4) : ''} data-pass={r ? String(r.meetsThreshold) : ''}>
                  <td>{p.id}</td>
                  <td>{kind}</td>
                  <td className="num">{nf(r?.heightM ?? p.heightM, 1)}</td>
                  <td className="num" data-sun-hours="">{r ? `${nf(r.sunHours, 2)} h` : '…'}</td>
                  <td>
                    {r && (
                      <span className={`badge ${r.meetsThreshold ? 'pass' : 'fail'}`} role="img" title={t(r.meetsThreshold ? 'pass' : 'fail')} aria-label={t(r.meetsThreshold ? 'pass' : 'fail')}>
                        {r.meetsThreshold ? '✓' : '✗'}
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="link remove" aria-label={t('remove', { id: p.id })} title={t('remove', { id: p.id })} onClick={() => store.getState().removeSunPoint(p.id)}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </AnalysisTable>
        </>
      )}
    </div>
  );
}
