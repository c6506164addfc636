import { createRoot } from 'react-dom/client';
import { createAppStore, layerOverridesFromUrl, parseUrlState } from '../state';
import { AppShell } from '../ui/AppShell';
import { StoreProvider } from '../ui/StoreContext';
import { translate } from '../ui/i18n/messages';
import '../ui/styles.css';
import { mountScene } from '../viewer/mountScene';
import { catalogUrlOf, loadCatalog } from './loadCatalog';
import { runDayPlayer } from './playDay';
import { SECTIONS } from './sections';
import { startAnalysisController } from './analysisController';
import { createAnalysisClient } from '../workers/createAnalysisClient';
import { syncAnalysis } from '../viewer/AnalysisSync';
import { installTestHook } from './testHook';
import { syncUrl } from './urlSync';
import { initScenarioPersistence, installScenarioTestHook } from './scenarioPersistence';
import { installScenarioShortcuts } from '../ui/scenario/scenarioShortcuts';
import { installDropTestHook, startDroppedFilesController } from './droppedFilesController';

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

const sceneEl = document.getElementById('scene')!;
const scene = mountScene(sceneEl, store);
// The scene element is outside React; keep its accessible name in the current language.
const labelScene = () => sceneEl.setAttribute('aria-label', translate(store.getState().lang, 'scene.label'));
labelScene();
store.subscribe((s, prev) => s.lang !== prev.lang && labelScene());

const dataset = store.getState().dataset;
const catalogUrl = catalogUrlOf(dataset);
const ready = loadCatalog(catalogUrl).then(
  (catalog) => {
    store.getState().setCatalog(catalog, catalogUrl, layerOverridesFromUrl(url, catalog.layers.map((l) => l.id)));
    store.getState().flyTo(url.camera ?? catalog.home, true);
  },
  (e: unknown) => {
    const msg = (e as Error).message ?? String(e);
    store.getState().setCatalogError(msg);
    throw new Error(msg);
  },
);
// The hook's consumers handle rejection; keep the page free of unhandled-rejection noise.
ready.catch(() => undefined);

// Scenarios: saved work back from IndexedDB (the link's scn/var win), shortcuts (models, overlay and tools are the scene's).
installScenarioShortcuts(store);
installScenarioTestHook(scene.scenario, initScenarioPersistence(store, { scenarioId: url.scenarioId, variantId: url.variantId }));

// Analyses: the worker runs what the Analyses panel asks for; the scene shows the result.
startAnalysisController(store, createAnalysisClient());
syncAnalysis(scene.viewer, store);

// Dropped/opened files: converted in a worker, shown under "Your files".
startDroppedFilesController(store);
installDropTestHook(scene);

syncUrl(store);
runDayPlayer(store);
installTestHook(store.getState, ready, scene);

createRoot(document.getElementById('root')!).render(
  <StoreProvider store={store}>
    <AppShell sections={SECTIONS} />
  </StoreProvider>,
);
