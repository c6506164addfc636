import type { FeedbackService, FeedbackSyncView } from '../../ui/kiosk/feedback/FeedbackService';
import { openPlanlotseDb, type PlanlotseDbHandle } from '../storage/openPlanlotseDb';
import { deleteRecords } from '../storage/records';
import type { StorageResult } from '../storage/StorageError';
import { loadFeedbackPins, saveFeedbackPin, setFeedbackHidden } from './feedbackStorage';
import { startFeedbackSync, type FeedbackSync } from './feedbackSync';

/**
 * The kiosk's feedback service on Planlotse's one IndexedDB database: pins
 * stored durably the moment they are confirmed, listed, hidden/restored,
 * deleted (after the UI's second confirmation). With a `syncEndpoint` the
 * sync starts (queue in the same database, tried at start, after each new
 * pin and when the browser comes back online); without one, no request is
 * ever made.
 */
export function createFeedbackService(o: { syncEndpoint?: string; openDb?: () => Promise<StorageResult<PlanlotseDbHandle>> } = {}): FeedbackService & { ready: Promise<void>; sync: () => FeedbackSync | null } {
  const opened = (o.openDb ?? (() => openPlanlotseDb()))();
  let sync: FeedbackSync | null = null;
  let status: FeedbackSyncView | null = o.syncEndpoint ? { pending: 0, sent: 0, lastError: null } : null;
  const listeners = new Set<(s: FeedbackSyncView) => void>();
  const ready = opened.then((r) => {
    if (!r.ok || !o.syncEndpoint) return;
    sync = startFeedbackSync({
      db: r.value,
      endpoint: o.syncEndpoint,
      onStatus: (s) => {
        status = s;
        for (const f of listeners) f(s);
      },
    });
    addEventListener('online', () => void sync?.flush());
    void sync.flush();
  });
  const withDb = async <T>(f: (db: PlanlotseDbHandle) => Promise<StorageResult<T>>): Promise<StorageResult<T>> => {
    const r = await opened;
    return r.ok ? f(r.value) : r;
  };
  return {
    ready,
    sync: () => sync,
    save: async (pin) => {
      await ready;
      const r = await withDb((db) => saveFeedbackPin(db, pin, sync?.outboxRecordFor(pin.id)));
      if (r.ok) void sync?.flush();
      return r;
    },
    list: () => withDb(loadFeedbackPins),
    setHidden: (id, hidden) => withDb((db) => setFeedbackHidden(db, id, hidden)),
    remove: (id) => withDb((db) => deleteRecords(db, 'feedback', [id]).then((r) => (r.ok ? deleteRecords(db, 'feedbackOutbox', [id]) : r))),
    syncStatus: () => status,
    onSyncStatus: (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
}
