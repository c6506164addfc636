import { messageOf } from '../core/i18n/Message';
import type { AnalysisKindId, ParamsOf } from '../core/analysis/analysisKinds';
import type { CompareSide } from '../core/analysis/compare/compareVariants';
import type { AppState, AppStore } from '../state';
import type { AnalysisInputs, AnalysisKind, AnalysisResult, AnalysisRun } from '../state/analysisSlice';
import { activeVariant } from '../state/scenarioSlice';
import { allCatalogLayers } from '../state/selectors';
import type { AnalysisRpc } from '../workers/startWorkers';
import type { DatasetHandle, VariantContent } from '../workers/workerMessages';

/** The store's run → the kind's parameters, and the parameters shown under the result. */
const RUNS: { [K in AnalysisKind]: (r: AnalysisRun) => { params: ParamsOf<K>; shown: Partial<AnalysisInputs> } } = {
  shadows: (r) => ({ params: { timeMs: r.timeMs, perBuilding: false }, shown: { timeMs: r.timeMs } }),
  sunHours: (r) => ({
    params: { date: r.date, cellM: r.cellM, stepMin: r.stepMin, ...(r.bbox ? { bbox: r.bbox } : {}), ...(r.thresholdHours !== undefined ? { thresholdHours: r.thresholdHours } : {}) },
    shown: { date: r.date, stepMin: r.stepMin, cellM: r.cellM, ...(r.thresholdHours !== undefined ? { thresholdHours: r.thresholdHours } : {}) },
  }),
  sunPoints: (r) => {
    const thresholdHours = r.thresholdHours ?? 1.5;
    return { params: { date: r.date, stepMin: r.stepMin, points: r.points ?? [], thresholdHours }, shown: { date: r.date, stepMin: r.stepMin, thresholdHours } };
  },
  overlaps: (r) => ({ params: { a: r.overlapA ?? '', b: r.overlapB ?? '' }, shown: {} }),
  compliance: () => ({ params: {}, shown: {} }),
};

/** Cell size, step and margin of the comparison's sun-hour change (coarser than the panel: two full days run). */
const COMPARE_SUN = { cellM: 3, stepMin: 20, marginM: 120 };

/** Only what changes the buildings travels to the worker. */
const variantContent = (v: { buildings: VariantContent['buildings']; demolishedIds: string[]; id?: string } | null): VariantContent | null =>
  v ? { id: v.id, buildings: v.buildings, demolishedIds: v.demolishedIds } : null;

/**
 * Runs what the store asks for in the analysis worker: the panel's analyses
 * (`analysisRun`) and the variant comparison (`compareRun`). The worker holds
 * the dataset: it is opened once per catalog and layer list (`dataset.open`),
 * afterwards each request sends a handle (dataset id + the variant's content)
 * and the kind's parameters; the worker loads, caches and prepares the data
 * and answers with the kind's summary. Cancels the worker request when the
 * user cancels or asks for a new run. Shadows are recomputed when the scene
 * time changes while `analysisFollowTime` is on.
 */
export function startAnalysisController(store: AppStore, rpc: AnalysisRpc): () => void {
  let opened: { key: string; id: Promise<string> } | undefined;
  /** The worker's id of the current dataset (re-opened when the catalog or its layers change). */
  const datasetId = (s: AppState): Promise<string> => {
    const layers = allCatalogLayers(s);
    // The catalog URL may itself be relative to the page; the worker resolves layer URLs against it.
    const catalogUrl = new URL(s.catalogUrl ?? '', globalThis.location?.href ?? 'http://localhost/').href;
    const key = `${catalogUrl}\n${layers.map((l) => `${l.id} ${l.role ?? ''} ${l.type} ${l.url}`).join('\n')}`;
    if (opened?.key !== key) {
      const id = rpc.request('dataset.open', { catalogUrl, layers }).then((r) => r.datasetId);
      const o = (opened = { key, id });
      id.catch(() => opened === o && (opened = undefined));
    }
    return opened.id;
  };

  let current: AbortController | undefined;
  const run = async (r: AnalysisRun, s: AppState) => {
    current?.abort();
    const ctrl = (current = new AbortController());
    const variant = s.scenarios ? activeVariant(s) : null;
    try {
      const dataset: DatasetHandle = { datasetId: await datasetId(s), variant: variantContent(variant) };
      const { params, shown } = RUNS[r.kind](r);
      const answer = await rpc.request(r.kind as AnalysisKindId, { dataset, params } as never, {
        signal: ctrl.signal,
        onProgress: (d, t) => store.getState().analysisProgressed(r.runId, t > 0 ? d / t : 0),
      });
      const inputs: AnalysisInputs = { catalogId: s.catalog?.id ?? '', layers: answer.layers, variant: variant?.name ?? null, ...shown };
      store.getState().analysisFinished({ ...(answer.summary as object), runId: r.runId, inputs } as AnalysisResult);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') store.getState().analysisFailed(r.runId, messageOf(e));
    }
  };

  let compareCtrl: AbortController | undefined;
  const compare = async (s: AppState) => {
    const c = s.compareRun!;
    compareCtrl?.abort();
    const ctrl = (compareCtrl = new AbortController());
    const sc = s.scenarios.find((x) => x.id === s.activeScenarioId);
    const side = (id: string | null): CompareSide => (id === null ? null : (sc?.variants.find((v) => v.id === id) ?? null));
    try {
      const params: ParamsOf<'compare'> = {
        before: variantContent(side(c.left)),
        after: variantContent(side(c.right)),
        ...(c.sunDate ? { sun: { date: c.sunDate, ...COMPARE_SUN } } : {}),
      };
      const answer = await rpc.request('compare', { dataset: { datasetId: await datasetId(s), variant: null }, params }, {
        signal: ctrl.signal,
        onProgress: (d, t) => store.getState().compareProgressed(c.runId, t > 0 ? d / t : 0),
      });
      if (c.sunDate && store.getState().compareRun?.runId === c.runId) store.getState().setScenarioSunDelta(answer.summary.sun ?? null);
      store.getState().compareFinished(c.runId, answer.summary);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') store.getState().compareFailed(c.runId, messageOf(e));
    }
  };

  let prevTime = store.getState().timeMs;
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follows = (s: AppState) => s.analysisFollowTime && s.analysisKind === 'shadows' && s.analysisResult?.kind === 'shadows' && s.analysisStatus !== 'cancelled';
  const unsub = store.subscribe((s, prev) => {
    if (s.analysisRun !== prev.analysisRun && s.analysisRun && s.analysisStatus === 'running') void run(s.analysisRun, s);
    if (s.analysisStatus === 'cancelled' && prev.analysisStatus === 'running') current?.abort();
    if (s.compareRun !== prev.compareRun && s.compareRun && s.compareStatus === 'running') void compare(s);
    // Shadows follow the time slider: one recomputation shortly after the time stops changing.
    if (s.timeMs !== prevTime && follows(s)) {
      clearTimeout(followTimer);
      followTimer = setTimeout(() => {
        if (follows(store.getState())) store.getState().requestAnalysis();
      }, 150);
    }
    prevTime = s.timeMs;
  });
  return () => {
    unsub();
    clearTimeout(followTimer);
    current?.abort();
    compareCtrl?.abort();
  };
}
