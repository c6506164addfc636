import type { KioskConfig } from '../../core/kiosk/KioskConfig';
import type { AppStore } from '../../state';
import type { FeedbackService, FeedbackSyncView } from '../../ui/kiosk/feedback/FeedbackService';
import { createFeedbackService } from './createFeedbackService';
import { startFeedbackLayer } from './feedbackLayerController';

/** `window.__planlotseFeedback`: lets browser tests wait for the stored pins and the sync. */
export interface FeedbackTestHook {
  /** Resolves with the stored pins' ids, in order of confirmation. */
  storedIds(): Promise<string[]>;
  /** Runs one sync round now; null when sync is off. */
  syncNow(): Promise<FeedbackSyncView | null>;
}

declare global {
  interface Window {
    __planlotseFeedback?: FeedbackTestHook;
  }
}

/**
 * Citizen feedback in the kiosk: the storage service (created once kiosk.json
 * is known, so the sync starts only when it names an endpoint), the pins
 * layer for the staff map, and the idle reset's wipe (a pin being written,
 * the thank-you, the staff area). Returns the service the UI uses; its calls
 * wait for the configuration.
 */
export function startKioskFeedback(store: AppStore): FeedbackService {
  let resolve!: (s: ReturnType<typeof createFeedbackService>) => void;
  const service = new Promise<ReturnType<typeof createFeedbackService>>((r) => (resolve = r));
  const begin = (config: KioskConfig | null) => config && resolve(createFeedbackService({ syncEndpoint: config.syncEndpoint }));
  begin(store.getState().kioskConfig);
  store.subscribe((s) => s.kioskConfig, begin);
  startFeedbackLayer(store);
  store.subscribe(
    (s) => s.kioskResetCount,
    () => {
      const s = store.getState();
      s.clearFeedbackPlace();
      s.setFeedbackSaved(false);
      s.setStaffScreen('closed');
      s.setFeedbackPins([]);
    },
  );
  let syncView: FeedbackSyncView | null = null;
  const listeners = new Set<(v: FeedbackSyncView) => void>();
  void service.then((s) => {
    syncView = s.syncStatus();
    s.onSyncStatus((v) => {
      syncView = v;
      for (const f of listeners) f(v);
    });
  });
  const facade: FeedbackService = {
    save: (pin) => service.then((s) => s.save(pin)),
    list: () => service.then((s) => s.list()),
    setHidden: (id, hidden) => service.then((s) => s.setHidden(id, hidden)),
    remove: (id) => service.then((s) => s.remove(id)),
    syncStatus: () => syncView,
    onSyncStatus: (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
  const hook: FeedbackTestHook = {
    storedIds: async () => {
      const r = await facade.list();
      return r.ok ? r.value.pins.map((p) => p.id) : [];
    },
    syncNow: async () => {
      const s = await service;
      await s.ready;
      return (await s.sync()?.flush()) ?? null;
    },
  };
  Object.defineProperty(window, '__planlotseFeedback', { value: Object.freeze(hook), writable: false, configurable: false });
  return facade;
}
