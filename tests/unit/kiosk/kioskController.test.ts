import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/state';
import { parseKioskConfig } from '../../../src/core/kiosk/parseKioskConfig';
import type { KioskConfig } from '../../../src/core/kiosk/KioskConfig';
import type { Catalog } from '../../../src/core/model/Catalog';
import { startKioskController, type KioskStartState } from '../../../src/app/kioskController';
import type { HeapMonitor } from '../../../src/app/kioskHeapMonitor';
import { fromZoned } from '../../../src/core/time/zonedTime';

// The demo's own kiosk.json and catalog (npm run demo-data), with a short idle time as in the browser test config.
const catalog = JSON.parse(readFileSync('data/demo/catalog.json', 'utf8')) as Catalog;
const raw = { ...JSON.parse(readFileSync('data/demo/kiosk.json', 'utf8')), idleTimeoutS: 10, countdownS: 5 };
const parsed = parseKioskConfig(raw, { layerIds: catalog.layers.map((l) => l.id) });
if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
const config: KioskConfig = parsed.config;

let store: AppStore, target: EventTarget, heapMB: number, reloads: number, stop: () => void, start: KioskStartState;
const heap: HeapMonitor = { lastMB: () => heapMB, overLimit: (limit) => heapMB > limit, stop: () => undefined };

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  const s = store.getState();
  s.setCatalog(catalog, 'data/demo/catalog.json');
  s.setKioskConfig(config);
  s.flyTo(config.startView, true);
  start = { lang: 'de', timeMs: fromZoned('2026-05-04', 13 * 60), layers: Object.fromEntries(Object.entries(store.getState().layers).map(([id, l]) => [id, l.visible])) };
  s.setTime(start.timeMs);
  target = new EventTarget();
  heapMB = 300;
  reloads = 0;
  stop = startKioskController(store, config, start, { heap, reload: () => reloads++, now: () => Date.now() }, target as unknown as Window);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** A visitor changes everything a visitor can change. */
function visit() {
  const s = store.getState();
  s.setLang('en');
  s.setKioskHighContrast(true);
  s.setLayerVisible('flood', true);
  s.setLayerVisible('buildings', false);
  s.setKioskSun({ season: 'december', dayTime: 'morning' });
  s.select({ layerId: 'bplan-baugebiete', featureId: 'x', properties: {} });
  s.flyTo({ ...config.startView, headingDeg: 200 });
  s.kioskStoryEvent({ type: 'start', storyId: 'schatten', atMs: Date.now() });
}

describe('kiosk controller', () => {
  it('counts down after the idle time, a touch cancels the countdown', () => {
    vi.advanceTimersByTime(9_999);
    expect(store.getState().kioskIdle.phase).toBe('active');
    vi.advanceTimersByTime(1);
    expect(store.getState().kioskIdle.phase).toBe('countdown');
    target.dispatchEvent(new Event('pointerdown'));
    expect(store.getState().kioskIdle.phase).toBe('active');
    // The idle time starts again from the touch.
    vi.advanceTimersByTime(9_999);
    expect(store.getState().kioskIdle.phase).toBe('active');
  });

  it('returns everything to the start state after the countdown, fires the reset event once and plays the attract loop until touched', () => {
    visit();
    const s = () => store.getState();
    expect(s().kioskStory.mode).toBe('manual');
    expect(s().timeMs).not.toBe(start.timeMs);
    const requests = s().cameraRequest!.seq;
    vi.advanceTimersByTime(15_000);
    expect(s().kioskResetCount).toBe(1);
    expect(s().lang).toBe('de');
    expect(s().kioskHighContrast).toBe(false);
    expect(s().selection).toBeUndefined();
    expect(s().kioskVariantId).toBe('existing');
    expect(s().kioskSun).toBeNull();
    expect(s().layers.flood.visible).toBe(start.layers.flood);
    expect(s().layers.buildings.visible).toBe(true);
    expect(s().cameraRequest!.seq).toBeGreaterThan(requests);
    // Then the attract loop: the first story, its first step on screen (camera, layers, time of the step).
    expect(s().kioskIdle.phase).toBe('attract');
    expect(s().kioskStory).toMatchObject({ mode: 'attract', storyIndex: 0, stepIndex: 0 });
    const step0 = config.stories[0].steps[0];
    expect(s().cameraRequest!.view).toEqual(step0.view);
    expect(s().timeMs).toBe(fromZoned(step0.dateTime.slice(0, 10), 15 * 60));
    // It moves on slowly (durationS × 1.5) …
    vi.advanceTimersByTime(step0.durationS * 1500);
    expect(s().kioskStory.stepIndex).toBe(1);
    expect(s().cameraRequest!.view).toEqual(config.stories[0].steps[1].view);
    expect(s().layers.playgrounds.visible).toBe(true);
    // … until someone touches the screen: the loop stops where it is, the visitor has the kiosk.
    target.dispatchEvent(new Event('touchstart'));
    expect(s().kioskIdle.phase).toBe('active');
    expect(s().kioskStory.mode).toBe('stopped');
    expect(s().kioskResetCount).toBe(1);
  });

  it('reloads the page instead of resetting when the JS heap is over the configured limit', () => {
    heapMB = config.heapLimitMB + 1;
    vi.advanceTimersByTime(15_000);
    expect(reloads).toBe(1);
    expect(store.getState().kioskResetCount).toBe(0);
  });

  it('sets the scene time from the sun control: 21 December, morning, in the year of the start state', () => {
    store.getState().setKioskSun({ season: 'december', dayTime: 'morning' });
    const t = new Date(store.getState().timeMs);
    expect(t.toISOString().slice(0, 10)).toBe('2026-12-21');
    // Halfway between sunrise (≈ 07:35 UTC in Hamburg) and solar noon (≈ 11:29 UTC).
    expect(t.getUTCHours() * 60 + t.getUTCMinutes()).toBeGreaterThan(9 * 60 + 15);
    expect(t.getUTCHours() * 60 + t.getUTCMinutes()).toBeLessThan(9 * 60 + 45);
  });
  it('moves on when its timers fire a little early on its own clock (the browser kiosk stayed in its countdown)', () => {
    // A monotonic clock running 0.01 % slower than the timers: each timeout fires ~1 ms before its deadline as
    // the clock reads it, as Chromium's coarsened performance.now() can against setTimeout.
    stop();
    const t0 = Date.now();
    stop = startKioskController(store, config, start, { heap, reload: () => reloads++, now: () => t0 + (Date.now() - t0) * 0.9999 }, target as unknown as Window);
    vi.advanceTimersByTime(10_010);
    expect(store.getState().kioskIdle.phase).toBe('countdown');
    vi.advanceTimersByTime(5_010);
    expect(store.getState().kioskIdle.phase).toBe('attract');
    expect(store.getState().kioskResetCount).toBe(1);
  });
});
