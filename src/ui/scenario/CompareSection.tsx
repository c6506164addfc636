import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { CompareSummary } from '../../core/analysis/compare/compareAnalysis';
import type { RuleName } from '../../core/analysis/computeCompliance';
import type { Scenario, Variant } from '../../core/model/Scenario';
import { translateMessage } from '../../core/i18n/Message';
import { analysisDate } from '../../core/time/zonedTime';
import { allCatalogLayers, localized } from '../../state/selectors';
import type { ScenarioCompare, VariantRef } from '../../state/scenarioSlice';
import { useNumberFormat } from '../i18n/useNumberFormat';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';

type Nf = ReturnType<typeof useNumberFormat>;

/** A rule's value in the plan's way of writing it: GRZ/GFZ with two decimals, heights in metres, storeys whole. */
const fmtRule = (nf: Nf, v: number | null, rule: RuleName) =>
  v === null ? '–' : rule === 'GRZ' || rule === 'GFZ' ? nf(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : rule === 'height' ? `${nf(v, { maximumFractionDigits: 1 })} m` : nf(v, { maximumFractionDigits: 1 });
const fmtH = (nf: Nf, v: number | null) => (v === null ? '–' : `${nf(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`);
const fmtShare = (nf: Nf, v: number | null) => (v === null ? '–' : nf(v, { style: 'percent', maximumFractionDigits: 0 }));

const hasChanges = (v: Variant | null | undefined) => !!v && (v.buildings.length > 0 || v.demolishedIds.length > 0);

/**
 * Compare two states of the city: split/swipe view (Bestand left and the
 * active variant right when opened), a before → after summary (buildings,
 * floor area, conflicts), the per-Baugebiet table named as the plan names
 * the areas, and on request the sun change with mean hours and share ≥ 2 h on
 * playgrounds and green spaces. Nothing is computed here: the comparison runs
 * in the analysis worker (`requestCompare`), which holds the dataset.
 */
export function CompareSection({ sc, t }: { sc: Scenario; t: TFunction }) {
  const store = useAppStoreApi();
  const nf = useNumberFormat();
  const { scenarioCompare: cmp, timeMs, catalog } = useAppFields('scenarioCompare', 'timeMs', 'catalog');
  const timeZone = catalog?.timeZone;
  const { compareStatus: status, compareProgress: progress, compareError: error, compareRun: run, compareElapsedMs: elapsedMs } = useAppFields('compareStatus', 'compareProgress', 'compareError', 'compareRun', 'compareElapsedMs');
  const result = useAppState((s) => (cmp.mode !== 'off' ? s.compareResult : undefined));
  const left = cmp.left === null ? null : sc.variants.find((v) => v.id === cmp.left);
  const right = cmp.right === null ? null : sc.variants.find((v) => v.id === cmp.right);
  // The table follows the sides and their edits: one worker request each time; a sun change once asked for is kept up to date too.
  useEffect(() => {
    if (cmp.mode === 'off' || !catalog) return;
    const last = store.getState().compareRun;
    const keepSun = last?.sunDate && last.left === cmp.left && last.right === cmp.right ? { sunDate: last.sunDate } : {};
    store.getState().requestCompare({ left: cmp.left, right: cmp.right, ...keepSun });
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
  const sunRunning = status === 'running' && !!run?.sunDate;
  const sameSides = (left?.id ?? null) === (right?.id ?? null);
  const nothingToCompare = sameSides || (!hasChanges(left) && !hasChanges(right));
  const sketchIn = (id: string) => {
    const s = store.getState();
    s.setActiveVariant(id);
    setCmp({ right: id });
    s.setTool('sketch');
  };
  const createAndSketch = () => {
    const id = store.getState().addVariant();
    if (id) sketchIn(id);
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
          {sameSides && sc.variants.length > 0 && (
            <p className="muted small" role="status" data-testid="scenario-compare-same">
              {t('scenario.sunUnchanged')}
            </p>
          )}
          {(!sameSides || !sc.variants.length) && nothingToCompare && (
            <div className="banner-inline small" role="status" data-testid="scenario-compare-empty">
              <p>{sc.variants.length ? t('scenario.compareEmpty', { name: (right ?? left ?? sc.variants[0]).name }) : t('scenario.compareNoVariant')}</p>
              <button type="button" className="btn" onClick={() => (sc.variants.length ? sketchIn((right ?? left ?? sc.variants[0]).id) : createAndSketch())} data-testid="scenario-compare-sketch">
                {sc.variants.length ? t('scenario.compareSketch') : t('scenario.compareCreate')}
              </button>
            </div>
          )}
          {status === 'running' && (
            <p className="muted small" role="status" data-testid="scenario-compare-progress">
              {run?.sunDate ? t('scenario.sunRunning') : t('scenario.comparing')} <progress max={1} value={progress} /> {nf(progress, { style: 'percent', maximumFractionDigits: 0 })}
            </p>
          )}
          {status === 'error' && (
            <p className="error small" role="alert" data-testid="scenario-compare-error">
              {t('scenario.compareFailed')}: {error ? translateMessage(t, error) : ''}
            </p>
          )}
          {result && !result.hasFootprints && <p className="muted small">{t('scenario.noFootprints')}</p>}
          {result && <CompareResult result={result} t={t} nf={nf} />}
          {result && (
            <>
              <button type="button" className="btn" disabled={sunRunning} onClick={computeSun} data-testid="scenario-compute-sun">
                {t('scenario.computeSun')} ({t('scenario.sunDate')} {date})
              </button>
              {status === 'done' && result.sunSkipped && run?.sunDate && (
                <p className="muted small" role="status" data-testid="scenario-sun-skipped">
                  {t('scenario.sunUnchanged')}
                </p>
              )}
              {status === 'done' && sunDelta && run?.sunDate && elapsedMs !== undefined && (
                <p className="muted small" role="status" data-testid="scenario-sun-done">
                  {t('scenario.sunDone', { seconds: nf(elapsedMs / 1000, { maximumFractionDigits: 1 }) })}
                </p>
              )}
              {sunDelta && <SunResult result={result} t={t} nf={nf} />}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Before → after summary and the per-Baugebiet table. */
function CompareResult({ result, t, nf }: { result: CompareSummary; t: TFunction; nf: Nf }) {
  const label = (id: string) => result.labels[id] ?? id;
  const tot = result.totals;
  const conflicts = (list: { areaId: string; rule: RuleName }[]) => list.map((c) => `${label(c.areaId)} ${t(`analysis.rule${c.rule}`)}`).join(', ');
  return (
    <>
      <table className="scenario-table scenario-summary" data-testid="scenario-summary">
        <caption>{t('scenario.summary')}</caption>
        <tbody>
          <tr data-row="buildings">
            <th scope="row">{t('scenario.sumBuildings')}</th>
            <td>
              {nf(tot.buildingsBefore)} → {nf(tot.buildingsAfter)}
            </td>
            <td className="muted" data-testid="scenario-compare-buildings">
              {t('scenario.sumBuildingsValue', { added: nf(result.addedBuildingIds.length), removed: nf(result.removedBuildingIds.length) })}
            </td>
          </tr>
          {result.hasPlan && (
            <tr data-row="gf">
              <th scope="row">{t('scenario.sumGF')}</th>
              <td>
                {nf(tot.gfBeforeM2, { maximumFractionDigits: 0 })} → {nf(tot.gfAfterM2, { maximumFractionDigits: 0 })} m²
              </td>
              <td className="muted">
                {tot.gfAfterM2 - tot.gfBeforeM2 >= 0 ? '+' : '−'}
                {nf(Math.abs(tot.gfAfterM2 - tot.gfBeforeM2), { maximumFractionDigits: 0 })} m²
              </td>
            </tr>
          )}
          {result.hasPlan && (
            <tr data-row="conflicts">
              <th scope="row">{t('scenario.sumConflicts')}</th>
              <td colSpan={2}>{t('scenario.sumConflictsValue', { added: nf(result.newConflicts.length), resolved: nf(result.resolvedConflicts.length) })}</td>
            </tr>
          )}
        </tbody>
      </table>
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
                    <td>{label(a.areaId)}</td>
                    <td>{t(`analysis.rule${r.rule}`)}</td>
                    <td className={r.statusBefore === 'exceeded' ? 'exceeded' : undefined} title={t(`scenario.${r.statusBefore}`)}>
                      {fmtRule(nf, r.before, r.rule)}
                    </td>
                    <td className={r.statusAfter === 'exceeded' ? 'exceeded' : undefined} title={`${t(`scenario.${r.statusBefore}`)} → ${t(`scenario.${r.statusAfter}`)}`}>
                      {fmtRule(nf, r.after, r.rule)}
                      {r.statusAfter === 'exceeded' ? ' ⚠' : ''}
                    </td>
                    <td>{fmtRule(nf, r.limit, r.rule)}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('scenario.noPlan')}</p>
      )}
      <p data-testid="scenario-new-conflicts" role="status">
        {result.newConflicts.length ? `${t('scenario.newConflicts')}: ${conflicts(result.newConflicts)}` : t('scenario.noConflicts')}
      </p>
      {result.resolvedConflicts.length > 0 && (
        <p data-testid="scenario-resolved-conflicts">
          {t('scenario.resolvedConflicts')}: {conflicts(result.resolvedConflicts)}
        </p>
      )}
    </>
  );
}

/** The sun change: per playground/green-space layer mean hours and share ≥ 2 h, the zones that change most, the neighbours' façades. */
function SunResult({ result, t, nf }: { result: CompareSummary; t: TFunction; nf: Nf }) {
  const lang = useAppState((s) => s.lang);
  const layers = useAppState(allCatalogLayers);
  const sunDelta = useAppState((s) => s.scenarioSunDelta)!;
  const byId = new Map(layers.map((l) => [l.id, l]));
  const groups = result.sunGroups.filter((g) => ['playgrounds', 'green'].includes(byId.get(g.group)?.role ?? ''));
  const zones = sunDelta.zones
    .filter((z) => z.deltaHours !== null && Math.abs(z.deltaHours) >= 0.05)
    .sort((a, b) => a.deltaHours! - b.deltaHours!)
    .slice(0, 8);
  return (
    <div data-testid="scenario-sun-delta">
      <p className="muted small">
        {t('scenario.sunSummary', { date: sunDelta.date, margin: nf(result.sunMarginM ?? 0) })}: Δ {nf(sunDelta.minDeltaHours, { maximumFractionDigits: 1 })} … +{nf(sunDelta.maxDeltaHours, { maximumFractionDigits: 1 })} h
      </p>
      {groups.length ? (
        <table className="scenario-table" data-testid="scenario-sun-groups">
          <thead>
            <tr>
              <th />
              <th>{t('scenario.sunMean')}</th>
              <th>{t('scenario.sunShare2h')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.group} data-group={g.group}>
                <th scope="row">{localized(byId.get(g.group)?.title, lang)}</th>
                <td>
                  {fmtH(nf, g.meanBefore)} → {fmtH(nf, g.meanAfter)}
                </td>
                <td>
                  {fmtShare(nf, g.share2hBefore)} → {fmtShare(nf, g.share2hAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('scenario.sunNoZones')}</p>
      )}
      {zones.length > 0 && (
        <table className="scenario-table">
          <caption>{t('scenario.sunZones')}</caption>
          <tbody>
            {zones.map((z) => (
              <tr key={z.id}>
                <td>{result.zoneNames[z.id] ?? z.id}</td>
                <td>
                  {fmtH(nf, z.meanSunHoursBefore)} → {fmtH(nf, z.meanSunHoursAfter)}
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
                  {f.buildingId} ({nf(Math.round(f.azimuthDeg))}°)
                </td>
                <td>
                  {fmtH(nf, f.sunHoursBefore)} → {fmtH(nf, f.sunHoursAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
