import { createAppStore, parseUrlState } from '../state';
import { messageOf } from '../core/i18n/Message';
import '../ui/styles.css';
import '../ui/kiosk/kiosk.css';
import { mountScene } from '../viewer/mountScene';
import { installKioskCamera } from '../viewer/kioskCamera';
import { boundKioskCaches } from '../viewer/kioskCaches';
import { catalogUrlOf, loadCatalog } from './loadCatalog';
import { kioskConfigUrlOf, kioskScenarioUrlOf, loadKioskConfig, loadKioskScenario } from './loadKioskConfig';
import { installTestHook, readTestOptions } from './testHook';
import { startKioskController } from './kioskController';
import { startHeapMonitor } from './kioskHeapMonitor';
import { installKioskLockdown } from './kioskLockdown';
import { KioskApp, type KioskSlots } from '../ui/kiosk/KioskApp';
import { FeedbackServiceContext } from '../ui/kiosk/feedback/FeedbackService';
import { FeedbackStart } from '../ui/kiosk/feedback/FeedbackStart';
import { FeedbackSheet } from '../ui/kiosk/feedback/FeedbackSheet';
import { StaffButton } from '../ui/kiosk/staff/StaffButton';
import { StaffScreen } from '../ui/kiosk/staff/StaffScreen';
import { startKioskFeedback } from './feedback/startKioskFeedback';
import { startPageI18n } from './pageI18n';
import { renderPage } from './renderPage';

// Composition root of the kiosk screen (`?mode=kiosk&dataset=…`, issue 13): the same store, scene and i18n as the
// planner app, without its side panel, URL sync, analyses or scenario editing; kiosk.json decides what a citizen sees.
const url = parseUrlState(location.search);
const store = createAppStore();
const s0 = store.getState();
if (url.dataset) s0.setDataset(url.dataset);
if (url.lang) s0.setLang(url.lang);
// Shadows on (the sun control is about them); `&shadows=0` turns them off, e.g. for slow software rendering in tests.
s0.setShadows(url.shadows ?? true);
document.documentElement.classList.add('kiosk');
installKioskLockdown();

const sceneEl = document.getElementById('scene')!;
const scene = mountScene(sceneEl, store, readTestOptions());
// All day on one page: Cesium's tile caches stay bounded (the heap monitor catches anything else).
const caches = boundKioskCaches(scene.viewer);
const i18n = startPageI18n(store, sceneEl);

const heap = startHeapMonitor();
const dataset = store.getState().dataset;
const catalogUrl = catalogUrlOf(dataset);
const ready = loadCatalog(catalogUrl).then(
  async (catalog) => {
    const s = store.getState();
    s.setCatalog(catalog, catalogUrl);
    const sc = await loadKioskScenario(kioskScenarioUrlOf(dataset));
    const scenario = 'scenario' in sc ? sc.scenario : null;
    const r = 'error' in sc ? sc : await loadKioskConfig(kioskConfigUrlOf(dataset), { layerIds: catalog.layers.map((l) => l.id), variantIds: scenario?.variants.map((v) => v.id) });
    if ('error' in r) {
      s.setKioskLoadError(r.error);
      s.flyTo(catalog.home, true);
      return;
    }
    const config = r.config;
    s.setKioskConfig(config);
    // Variants other than Bestand are the variants of the dataset's kiosk scenario (in memory only: the kiosk never edits or stores it).
    if (scenario) store.getState().loadScenarios([scenario], { scenarioId: scenario.id, variantId: null });
    installKioskCamera(scene.viewer, config.cameraBounds);
    s.flyTo(config.startView, true);
    const start = { lang: s.lang, timeMs: s.timeMs, layers: Object.fromEntries(Object.entries(s.layers).map(([id, l]) => [id, l.visible])) };
    startKioskController(store, config, start, { heap, reload: () => location.reload(), now: () => performance.now() });
  },
  (e: unknown) => {
    store.getState().setCatalogError(messageOf(e));
    throw e;
  },
);
ready.catch(() => undefined);
installTestHook(store.getState, ready, scene);
// Read-only kiosk extras for the browser tests and the soak script.
Object.defineProperty(window, '__planlotseKiosk', { value: Object.freeze({ cacheLimits: () => caches.limits(), heapMB: () => heap.lastMB() }), writable: false, configurable: false });

/** Where the citizen-feedback and staff parts plug into the kiosk screen. */
const slots: KioskSlots = {
  staffButton: <StaffButton />,
  feedback: <FeedbackStart />,
  overlays: (
    <>
      <FeedbackSheet />
      <StaffScreen />
    </>
  ),
};
// Citizen feedback: IndexedDB store (and sync when kiosk.json names an endpoint), the pins layer, the reset wipe.
const feedback = startKioskFeedback(store);

renderPage(i18n, store, { context: FeedbackServiceContext, value: feedback }, <KioskApp slots={slots} />);
