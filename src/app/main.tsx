import { createAppStore, layerOverridesFromUrl, parseUrlState } from '../state';
import { AppShell } from '../ui/AppShell';
import { messageOf } from '../core/i18n/Message';
import '../ui/styles.css';
import { mountScene } from '../viewer/mountScene';
import { catalogUrlOf, loadCatalog } from './loadCatalog';
import { runDayPlayer } from './playDay';
import { SECTIONS } from './sections';
import { startAnalysisController } from './analysisController';
import { createReportService } from './reportService';
import { captureReportViews, type CaptureReportViewsOptions } from './captureReportViews';
import { captureSettledScene } from '../viewer/captureScene';
import { ReportServiceContext } from '../ui/report/ReportService';
import type { ReportSceneView } from '../core/report/reportSceneViews';
import { startAnalysisWorker } from '../workers/startWorkers';
import { syncAnalysis } from '../viewer/AnalysisSync';
import { installTestHook, readTestOptions } from './testHook';
import { syncUrl } from './urlSync';
import { initScenarioPersistence, installScenarioTestHook } from './scenarioPersistence';
import { installScenarioShortcuts } from '../ui/scenario/scenarioShortcuts';
import { installDropTestHook, startDroppedFilesController } from './droppedFilesController';
import { startTableController } from './tableController';
import { initDropFilesPersistence } from './droppedFilesPersistence';
import { startFeedbackLayer } from './feedback/feedbackLayerController';
import { startPageI18n } from './pageI18n';
import { renderPage } from './renderPage';

// Composition root: store ← URL, Cesium scene (outside React), React UI, side effects.
const url = parseUrlState(location.search);
const store = createAppStore();
const s0 = store.getState();
if (url.dataset) s0.setDataset(url.dataset);
if (url.lang) s0.setLang(url.lang);
if (url.timeMs !== undefined) s0.setTime(url.timeMs);
if (url.buildingStyle) s0.setBuildingStyle(url.buildingStyle);
if (url.shadows !== undefined) s0.setShadows(url.shadows);
if (url.shadowQuality) s0.setShadowQuality(url.shadowQuality);
if (url.lighting !== undefined) s0.setLighting(url.lighting);
if (url.selection) s0.select({ ...url.selection, properties: undefined });
if (url.files) s0.setSharedFileNames(url.files);

const sceneEl = document.getElementById('scene')!;
const scene = mountScene(sceneEl, store, readTestOptions());
const i18n = startPageI18n(store, sceneEl);

const dataset = store.getState().dataset;
const catalogUrl = catalogUrlOf(dataset);
const ready = loadCatalog(catalogUrl).then(
  (catalog) => {
    store.getState().setCatalog(catalog, catalogUrl, layerOverridesFromUrl(url, catalog.layers.map((l) => l.id)));
    store.getState().flyTo(url.camera ?? catalog.home, true);
  },
  (e: unknown) => {
    store.getState().setCatalogError(messageOf(e));
    throw e;
  },
);
// The hook's consumers handle rejection; keep the page free of unhandled-rejection noise.
ready.catch(() => undefined);

// Scenarios: saved work back from IndexedDB (the link's scn/var win), shortcuts (models, overlay and tools are the scene's).
installScenarioShortcuts(store);
installScenarioTestHook(scene.scenario, initScenarioPersistence(store, { scenarioId: url.scenarioId, variantId: url.variantId }));

// Analyses: the worker holds the dataset and runs what the Analyses panel and the variant comparison ask for; the scene shows the result.
const analysisRpc = startAnalysisWorker();
startAnalysisController(store, analysisRpc);
// The report's scene images: the browser's report builder and the CLI (through the hook) take them the same way.
const captureViews = (views: readonly ReportSceneView[], o?: CaptureReportViewsOptions) => captureReportViews(store, () => captureSettledScene(scene.viewer, scene.settled, 120_000), views, o);
const reportService = createReportService(store, analysisRpc, captureViews);
syncAnalysis(scene.viewer, store);

// Dropped/opened files: converted in a worker, shown under "Your files", kept in this browser (source bytes) and
// converted again after a reload; a shared link names them, and the recipient is told which ones to open.
startDroppedFilesController(store);
installDropTestHook(scene, initDropFilesPersistence(store));

// Attribute tables: the features of the layer opened in the bottom drawer.
startTableController(store);
// Imported kiosk feedback: the pins as a layer of the registry.
startFeedbackLayer(store);

syncUrl(store);
runDayPlayer(store);
installTestHook(store.getState, ready, scene, { captureReportViews: captureViews });

renderPage(i18n, store, { context: ReportServiceContext, value: reportService }, <AppShell sections={SECTIONS} />);
