import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { Scenario } from '../../core/model/Scenario';
import { translateMessage } from '../../core/i18n/Message';
import { analysisDate } from '../../core/time/zonedTime';
import type { ScenarioCompare, VariantRef } from '../../state/scenarioSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';

const fmt = (v: number | null, rule: string) => (v === null ? '–' : rule === 'GRZ' || rule === 'GFZ' ? v.toFixed(2) : rule === 'height' ? `${v.toFixed(1)} m` : String(Math.round(v * 10) / 10));

/**
 * Compare two variants (or one with Existing): split/swipe view, delta table,
 * sun-hour change. Nothing is computed here: the comparison runs in the
 * analysis worker (`requestCompare`), which holds the dataset.
 */
export function CompareSection({ sc, t }: { sc: Scenario; t: TFunction }) {
  const store = useAppStoreApi();
  const cmp = useAppState((s) => s.scenarioCompare);
  const timeMs = useAppState((s) => s.timeMs);
  const timeZone = useAppState((s) => s.catalog?.timeZone);
  const catalog = useAppState((s) => s.catalog);
  const status = useAppState((s) => s.compareStatus);
  const progress = useAppState((s) => s.compareProgress);
  const error = useAppState((s) => s.compareError);
  const run = useAppState((s) => s.compareRun);
  const result = useAppState((s) => (cmp.mode !== 'off' ? s.compareResult : undefined));
  const busy = status === 'running' && !!run?.sunDate;
  const left = cmp.left === null ? null : sc.variants.find((v) => v.id === cmp.left);
  const right = cmp.right === null ? null : sc.variants.find((v) => v.id === cmp.right);
  // The delta table follows the sides and their edits: one worker request each time (no sun change).
  useEffect(() => {
    if (cmp.mode === 'off' || !catalog) return;
    store.getState().requestCompare({ left: cmp.left, right: cmp.right });
  }, [store, catalog, cmp.mode, cmp.left, cmp.right, left, right]);
  const sunDelta = useAppState((s) => s.scenarioSunDelta);
  const setCmp = (c: Partial<ScenarioCompare>) => {
    store.getState().setScenarioSunDelta(null);
    store.getState().setScenarioCompare(c);
  };
  const opt = (id: VariantRef) => (id === null ? 'existing' : id);
  const parse = (v: string): VariantRef => (v === 'existing' ? null : v);
  // The one date rule: the local calendar date of the scene time in the dataset's time zone.
  const date = analysisDate(timeMs, timeZone);
  const computeSun = () => store.getState().requestCompare({ left: cmp.left, right: cmp.right, sunDate: date });
  return (
    <div className="scenario-compare" data-testid="scenario-compare">
      <div className="segmented" role="group" aria-label={t('scenario.compare')}>
        {(['off', 'split', 'swipe'] as const).map((m) => (
          <button key={m} type="button" className={`btn${cmp.mode === m ? ' active' : ''}`} aria-pressed={cmp.mode === m} onClick={() => setCmp({ mode: m })} data-testid={`scenario-compare-${m}`}>
            {m === 'off' ? t('scenario.compareOff') : m === 'split' ? t('scenario.split') : t('scenario.swipe')}
          </button>
        ))}
      </div>
      {cmp.mode !== 'off' && (
        <>
          {(['left', 'right'] as const).map((side) => (
            <label className="field" key={side}>
              <span>{side === 'left' ? t('scenario.left') : t('scenario.right')}</span>
              <select value={opt(cmp[side])} onChange={(e) => setCmp({ [side]: parse(e.target.value) })} data-testid={`scenario-compare-${side}`}>
                <option value="existing">{t('scenario.existing')}</option>
                {sc.variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {cmp.mode === 'swipe' && (
            <label className="field">
              <span>{t('scenario.divider')}</span>
              <input type="range" min={0.05} max={0.95} step={0.01} value={cmp.swipe} onChange={(e) => store.getState().setScenarioCompare({ swipe: Number(e.target.value) })} />
            </label>
          )}
          {status === 'running' && (
            <p className="muted small" role="status" data-testid="scenario-compare-progress">
              {t('scenario.comparing')} {Math.round(progress * 100)} %
            </p>
          )}
          {status === 'error' && (
            <p className="error small" role="alert" data-testid="scenario-compare-error">
              {t('scenario.compareFailed')}: {error ? translateMessage(t, error) : ''}
            </p>
          )}
          {result && !result.hasFootprints && <p className="muted small">{t('scenario.noFootprints')}</p>}
          {result && (
            <>
              <div className="muted small" data-testid="scenario-compare-buildings">
                +{result.addedBuildingIds.length} {t('scenario.added')} · −{result.removedBuildingIds.length} {t('scenario.removed')}
              </div>
              {result.hasPlan ? (
                <table className="scenario-table scenario-delta" data-testid="scenario-delta-table">
                  <caption>{t('scenario.deltaTable')}</caption>
                  <thead>
                    <tr>
                      <th>{t('scenario.area_')}</th>
                      <th>{t('scenario.rule')}</th>
                      <th>{t('scenario.before')}</th>
                      <th>{t('scenario.after')}</th>
                      <th>{t('scenario.limit')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.areas.flatMap((a) =>
                      a.rules
                        .filter((r) => r.before !== null || r.after !== null || r.limit !== null)
                        .map((r) => (
                        <tr key={`${a.areaId}-${r.rule}`} data-area={a.areaId} data-rule={r.rule} data-status={r.statusAfter} className={r.newConflict ? 'new-conflict' : undefined}>
                          <td>
                            {a.areaId} ({a.landUse})
                          </td>
                          <td>{r.rule}</td>
                          <td className={r.statusBefore === 'exceeded' ? 'exceeded' : undefined} title={t(`scenario.${r.statusBefore}`)}>
                            {fmt(r.before, r.rule)}
                          </td>
                          <td className={r.statusAfter === 'exceeded' ? 'exceeded' : undefined} title={`${t(`scenario.${r.statusBefore}`)} → ${t(`scenario.${r.statusAfter}`)}`}>
                            {fmt(r.after, r.rule)}
                            {r.statusAfter === 'exceeded' ? ' ⚠' : ''}
                          </td>
                          <td>{fmt(r.limit, r.rule)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              ) : (
                <p className="muted small">{t('scenario.noPlan')}</p>
              )}
              <p data-testid="scenario-new-conflicts" role="status">
                {result.newConflicts.length ? `${t('scenario.newConflicts')}: ${result.newConflicts.map((c) => `${c.areaId} ${c.rule}`).join(', ')}` : t('scenario.noConflicts')}
              </p>
              <button type="button" className="btn" disabled={busy} onClick={computeSun} data-testid="scenario-compute-sun">
                {t('scenario.computeSun')} ({t('scenario.sunDate')} {date})
              </button>
              {result.sunSkipped && run?.sunDate && <p className="muted small">{t('scenario.sunUnchanged')}</p>}
              {sunDelta && (
                <div data-testid="scenario-sun-delta">
                  <div className="muted small">
                    Δ {sunDelta.minDeltaHours.toFixed(1)} … +{sunDelta.maxDeltaHours.toFixed(1)} h
                  </div>
                  {sunDelta.zones.length > 0 && (
                    <table className="scenario-table">
                      <caption>{t('scenario.sunZones')}</caption>
                      <tbody>
                        {sunDelta.zones.map((z) => (
                          <tr key={z.id}>
                            <td>{z.id}</td>
                            <td>
                              {z.meanSunHoursBefore?.toFixed(1) ?? '–'} → {z.meanSunHoursAfter?.toFixed(1) ?? '–'} h
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {sunDelta.facades.length > 0 && (
                    <table className="scenario-table" data-testid="scenario-facades">
                      <caption>{t('scenario.facades')}</caption>
                      <tbody>
                        {sunDelta.facades.slice(0, 8).map((f, i) => (
                          <tr key={i}>
                            <td>
                              {f.buildingId} ({Math.round(f.azimuthDeg)}°)
                            </td>
                            <td>
                              {f.sunHoursBefore.toFixed(1)} → {f.sunHoursAfter.toFixed(1)} h
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
