import type { KioskConfig, KioskStoryStep } from '../core/kiosk/KioskConfig';
import { EXISTING_VARIANT_ID } from '../core/kiosk/KioskConfig';
import { idleNextDeadlineMs } from '../core/kiosk/idleTimer';
import { currentStoryStep, storyNextDeadlineMs } from '../core/kiosk/storyPlayer';
import { kioskSunTimeMs } from './kioskSunTimeMs';
import { datasetTimeZone, fromZoned, toZoned } from '../core/time/zonedTime';
import type { Lang } from '../core/i18n/Lang';
import type { AppStore } from '../state';
import type { HeapMonitor } from './kioskHeapMonitor';

/** What the kiosk returns to after each idle reset. */
export interface KioskStartState {
  lang: Lang;
  timeMs: number;
  /** Visible flag of every catalog layer at start. */
  layers: Record<string, boolean>;
}

/** What the controller needs besides the store. */
export interface KioskControllerDeps {
  heap: HeapMonitor;
  /** Reloads the page into its start state (heap over the limit). */
  reload(): void;
  /** Monotonic clock (ms). */
  now(): number;
}

/**
 * The kiosk's side effects, driven by its state: touches feed the idle timer
 * (one `setTimeout` to its next deadline, no polling); the `reset` phase
 * puts the scene back to `start` (camera, layers, variant, time, open card,
 * language, story, sun, contrast), fires the reset event
 * (`kioskResetFinished`) and starts the attract loop; or, when the JS heap
 * has grown past `heapLimitMB`, reloads the page instead (feedback is in
 * IndexedDB). Story steps set camera, layers, variant and time; the sun
 * control sets the time; the variant switch sets the scenario's active
 * variant. Returns a disposer.
 */
export function startKioskController(store: AppStore, config: KioskConfig, start: KioskStartState, deps: KioskControllerDeps, target: Window = window): () => void {
  const s = () => store.getState();
  const cleanups: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /**
   * One timeout to the next deadline that `deadline()` reads from the state; `arm()` (re)sets it. A timer may
   * fire a fraction of a millisecond before its deadline on the monotonic clock: the tick then changes
   * nothing, the store does not notify, and nothing would re-arm it (the kiosk stayed in its countdown for
   * good). So every firing re-arms; a tick at or after the deadline always moves the state on.
   */
  const deadlineTimer = (deadline: () => number | null, tick: () => void) => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      if (t !== undefined) {
        clearTimeout(t);
        timers.delete(t);
      }
      const at = deadline();
      t = undefined;
      if (at === null) return;
      const id: ReturnType<typeof setTimeout> = setTimeout(() => {
        timers.delete(id);
        t = undefined;
        tick();
        arm();
      }, Math.max(0, at - deps.now()));
      t = id;
      timers.add(id);
    };
    return arm;
  };

  // Any touch (pointer, key, wheel) counts as someone being there. Capture phase: before any handler stops it.
  const onTouch = () => {
    const phase = s().kioskIdle.phase;
    s().kioskIdleEvent({ type: 'touch', atMs: deps.now() });
    // Touching the attract loop hands the screen to the visitor: the loop stops where it is.
    if (phase === 'attract' && s().kioskStory.mode === 'attract') s().kioskStoryEvent({ type: 'stop' });
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
    target.addEventListener(type, onTouch, { capture: true, passive: true });
    cleanups.push(() => target.removeEventListener(type, onTouch, { capture: true }));
  }

  // Idle timer: one timeout to the next deadline; re-armed whenever its state changes.
  const armIdle = deadlineTimer(
    () => idleNextDeadlineMs(s().kioskIdle, config),
    () => s().kioskIdleEvent({ type: 'tick', atMs: deps.now() }),
  );
  cleanups.push(
    store.subscribe(
      (st) => st.kioskIdle,
      (idle, prev) => {
        armIdle();
        if (idle.phase === 'reset' && prev.phase !== 'reset') runReset();
        if (idle.phase === 'attract' && prev.phase !== 'attract') s().kioskStoryEvent({ type: 'attract', atMs: deps.now() });
      },
    ),
  );

  const runReset = () => {
    if (deps.heap.overLimit(config.heapLimitMB)) {
      deps.reload();
      return;
    }
    resetKioskToStart(store, config, start);
    s().kioskResetFinished();
    s().kioskIdleEvent({ type: 'resetDone', atMs: deps.now() });
  };

  // Story steps drive the scene; the attract loop advances by one timeout per step.
  const armStory = deadlineTimer(
    () => storyNextDeadlineMs(s().kioskStory, config),
    () => s().kioskStoryEvent({ type: 'tick', atMs: deps.now() }),
  );
  cleanups.push(
    store.subscribe(
      (st) => st.kioskStory,
      (story, prev) => {
        armStory();
        const step = currentStoryStep(story, config);
        const prevStep = currentStoryStep(prev, config);
        if (step && step !== prevStep) applyStep(store, step);
      },
    ),
  );

  // Variant switch → the scenario's active variant (Bestand = none).
  cleanups.push(
    store.subscribe(
      (st) => st.kioskVariantId,
      (id) => s().setActiveVariant(id === EXISTING_VARIANT_ID ? null : id),
      { fireImmediately: true },
    ),
  );

  // Sun control → scene time, in the year of the start state.
  cleanups.push(
    store.subscribe(
      (st) => st.kioskSun,
      (sun) => {
        if (!sun) return;
        const year = Number(toZoned(start.timeMs, datasetTimeZone(s().catalog)).date.slice(0, 4));
        s().setTime(kioskSunTimeMs(sun, year, config.cameraBounds.centre.lon, config.cameraBounds.centre.lat));
      },
    ),
  );

  s().kioskIdleEvent({ type: 'touch', atMs: deps.now() });
  armIdle();
  return () => {
    for (const c of cleanups) c();
    for (const t of timers) clearTimeout(t);
  };
}

/** Shows one story step: camera, visible layers (all others off), variant, local date and time. */
export function applyStep(store: AppStore, step: KioskStoryStep): void {
  const s = store.getState();
  s.flyTo(step.view);
  setVisibleLayers(store, (id) => step.layers.includes(id));
  s.setKioskVariant(step.variant);
  const [date, time] = step.dateTime.split('T');
  const [h, m] = time.split(':').map(Number);
  s.setKioskSun(null);
  s.setTime(fromZoned(date, h * 60 + m, datasetTimeZone(s.catalog)));
}

/** Puts the scene back to the start state: everything a visitor could change. */
export function resetKioskToStart(store: AppStore, config: KioskConfig, start: KioskStartState): void {
  const s = store.getState();
  s.kioskStoryEvent({ type: 'stop' });
  s.select(undefined);
  s.selectProposedBuilding(null);
  s.setTool('select');
  s.flyTo(config.startView, true);
  setVisibleLayers(store, (id) => start.layers[id] ?? false);
  s.setKioskVariant(config.variants[0].id);
  s.setKioskSun(null);
  s.setTime(start.timeMs);
  s.setLang(start.lang);
  s.setKioskHighContrast(false);
}

function setVisibleLayers(store: AppStore, visible: (id: string) => boolean): void {
  const s = store.getState();
  for (const [id, l] of Object.entries(s.layers)) if (l.visible !== visible(id)) s.setLayerVisible(id, visible(id));
}
