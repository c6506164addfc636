import { useMemo, useState } from 'react';
import { LocalFrame } from '../../core/crs';
import { compareVariants, type CompareSide } from '../../core/scenario/compareVariants';
import { effectiveBuildings } from '../../core/scenario/effectiveBuildings';
import type { Scenario } from '../../core/model/Scenario';
import type { ScenarioCompare, VariantRef } from '../../state/scenarioSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';
import type { TFunction } from 'i18next';
import { useCompareInputs } from './useCompareInputs';

const sideOf = (sc: Scenario, id: VariantRef): CompareSide => (id === null ? null : (sc.variants.find((v) => v.id === id) ?? null));
const fmt = (v: number | null, rule: string) => (v === null ? '–' : rule === 'GRZ' || rule === 'GFZ' ? v.toFixed(2) : rule === 'height' ? `${v.toFixed(1)} m` : String(Math.round(v * 10) / 10));

/** bbox (WGS84) around the buildings that differ between the two sides, plus a margin in metres. */
function changedBbox(inputs: { existing: ReturnType<typeof effectiveBuildings> }, a: CompareSide, b: CompareSide, marginM: number): [number, number, number, number] | null {
  const ea = effectiveBuildings(inputs.existing, a);
  const eb = effectiveBuildings(inputs.existing, b);
  const ida = new Set(ea.features.map((f) => f.properties.id));
  const idb = new Set(eb.features.map((f) => f.properties.id));
  const changed = [...ea.features.filter((f) => !idb.has(f.properties.id)), ...eb.features.filter((f) => !ida.has(f.properties.id))];
  const pts = changed.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.flatMap((p) => p[0])));
  if (!pts.length) return null;
  const frame = LocalFrame.around(pts[0]);
  const xy = pts.map((p) => frame.toLocal(p));
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const sw = frame.toWgs84([Math.min(...xs) - marginM, Math.min(...ys) - marginM]);
  const ne = frame.toWgs84([Math.max(...xs) + marginM, Math.max(...ys) + marginM]);
  return [sw[0], sw[1], ne[0], ne[1]];
}

/** Compare two variants (or one with Existing): split/swipe view, delta table, sun-hour change. */
export function CompareSection({ sc, t }: { sc: Scenario; t: TFunction }) {
  const store = useAppStoreApi();
  const cmp = useAppState((s) => s.scenarioCompare);
  const timeMs = useAppState((s) => s.timeMs);
  const inputs = useCompareInputs(cmp.mode !== 'off');
  const [busy, setBusy] = useState(false);
  const left = sideOf(sc, cmp.left);
  const right = sideOf(sc, cmp.right);
  const result = useMemo(() => (inputs && cmp.mode !== 'off' ? compareVariants(inputs.existing, left, right, { plan: inputs.plan ?? undefined }) : null), [inputs, left, right, cmp.mode]);
  const sunDelta = useAppState((s) => s.scenarioSunDelta);
  const setCmp = (c: Partial<ScenarioCompare>) => {
    store.getState().setScenarioSunDelta(null);
    store.getState().setScenarioCompare(c);
  };
  const opt = (id: VariantRef) => (id === null ? 'existing' : id);
  const parse = (v: string): VariantRef => (v === 'existing' ? null : v);
  const date = new Date(timeMs).toISOString().slice(0, 10);
  const computeSun = () => {
    if (!inputs) return;
    const bbox = changedBbox(inputs, left, right, 120);
    if (!bbox) return;
    setBusy(true);
    // Let the button show "busy" before the (synchronous) computation.
    setTimeout(() => {
      try {
        const c = compareVariants(inputs.existing, left, right, { sun: { date, bbox, cellM: 3, stepMin: 20, zones: inputs.zones ?? undefined } });
        store.getState().setScenarioSunDelta(c.sun ?? null);
      } catch (e) {
        store.getState().setScenarioMessage({ kind: 'error', code: 'common.error', params: { detail: String((e as Error)?.message ?? e) } });
      } finally {
        setBusy(false);
      }
    }, 30);
  };
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
          {inputs?.error && <p className="muted small">{inputs.error}</p>}
          {inputs && !inputs.hasFootprints && <p className="muted small">{t('scenario.noFootprints')}</p>}
          {result && (
            <>
              <div className="muted small" data-testid="scenario-compare-buildings">
                +{result.addedBuildingIds.length} {t('scenario.added')} · −{result.removedBuildingIds.length} {t('scenario.removed')}
              </div>
              {inputs?.plan ? (
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
