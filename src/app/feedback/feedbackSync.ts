import { feedbackToFeature } from '../../core/kiosk/feedbackToGeoJson';
import { feedbackSyncDelayMs } from '../../core/kiosk/feedbackSyncDelayMs';
import type { PlanlotseDbHandle } from '../storage/openPlanlotseDb';
import type { FeedbackOutboxRecord } from '../storage/planlotseDbSchema';
import { deleteRecords, listRecords, putRecords } from '../storage/records';
import { getFeedbackPin } from './feedbackStorage';

/** What the sync reports after each round (for the staff screen). */
export interface FeedbackSyncStatus {
  /** Pins still waiting to be sent. */
  pending: number;
  /** Pins sent in this session. */
  sent: number;
  /** The last failure, e.g. `HTTP 503` or the network error's text. */
  lastError: string | null;
}

export interface FeedbackSyncOptions {
  db: PlanlotseDbHandle;
  /** The OGC API – Features items URL, `{api}/collections/{id}/items` (kiosk.json `syncEndpoint`). */
  endpoint: string;
  /** The network boundary (tests pass a fake). */
  fetch?: typeof fetch;
  /** Epoch ms (tests pass a fake clock). */
  now?: () => number;
  /** Timer for the next due try; default `setTimeout`. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onStatus?: (status: FeedbackSyncStatus) => void;
}

export interface FeedbackSync {
  /** Sends every due pin now (after a confirm, on `online`); resolves when the round is over. */
  flush(): Promise<FeedbackSyncStatus>;
  /** The record to store with a new pin (in the same transaction), so a crash cannot lose its place in the queue. */
  outboxRecordFor(pinId: string): FeedbackOutboxRecord;
  stop(): void;
}

/**
 * The kiosk's optional sync: pins are POSTed one by one as GeoJSON features
 * to an OGC API – Features Part 4 endpoint (`POST {items}`, `Content-Type:
 * application/geo+json`, answered by `201 Created`). The queue is the
 * IndexedDB store `feedbackOutbox` (written with the pin, so it survives
 * reloads and crashes); a failed try (network error, any status but 2xx) waits
 * {@link feedbackSyncDelayMs} (5 s doubling to 15 min) before the next. Only
 * started when kiosk.json names an endpoint: without one, nothing is sent.
 *
 * @example const sync = startFeedbackSync({ db, endpoint: config.syncEndpoint }); await sync.flush();
 */
export function startFeedbackSync(o: FeedbackSyncOptions): FeedbackSync {
  const doFetch = o.fetch ?? ((input, init) => fetch(input, init));
  const now = o.now ?? Date.now;
  const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let stopped = false;
  let running: Promise<FeedbackSyncStatus> | null = null;
  let again = false;
  const status: FeedbackSyncStatus = { pending: 0, sent: 0, lastError: null };

  const send = async (rec: FeedbackOutboxRecord): Promise<boolean> => {
    const got = await getFeedbackPin(o.db, rec.id);
    // A pin that is gone (or unreadable) has nothing to send: leave the queue, keep the record in `feedback`.
    if (!got.ok) throw new Error(got.error.params.detail);
    if (!got.value) return true;
    const res = await doFetch(o.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/geo+json', Accept: 'application/geo+json, application/json' },
      body: JSON.stringify(feedbackToFeature(got.value)),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (res.status >= 200 && res.status < 300) return true;
    throw new Error(`HTTP ${res.status}`);
  };

  const round = async (): Promise<FeedbackSyncStatus> => {
    const list = await listRecords(o.db, 'feedbackOutbox');
    if (!list.ok) {
      status.lastError = list.error.params.detail;
      return { ...status };
    }
    const queue = list.value.map((r) => r.value as FeedbackOutboxRecord).filter((r) => r && typeof r.id === 'string');
    let pending = queue.length;
    let nextDue = Infinity;
    for (const rec of queue) {
      if (stopped) break;
      if (rec.nextAttemptAtMs > now()) {
        nextDue = Math.min(nextDue, rec.nextAttemptAtMs);
        continue;
      }
      try {
        await send(rec);
        await deleteRecords(o.db, 'feedbackOutbox', [rec.id]);
        pending--;
        status.sent++;
      } catch (e) {
        const attempts = rec.attempts + 1;
        const lastError = String((e as Error)?.message ?? e);
        const next = { ...rec, attempts, lastError, nextAttemptAtMs: now() + feedbackSyncDelayMs(attempts) };
        await putRecords(o.db, 'feedbackOutbox', [next]);
        status.lastError = lastError;
        nextDue = Math.min(nextDue, next.nextAttemptAtMs);
      }
    }
    status.pending = pending;
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!stopped && Number.isFinite(nextDue)) timer = setTimer(() => void flush(), Math.max(0, nextDue - now()));
    o.onStatus?.({ ...status });
    return { ...status };
  };

  // One round at a time; a flush asked for during a round runs once more after it (a pin confirmed meanwhile).
  const flush = (): Promise<FeedbackSyncStatus> => {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void flush();
      }
    });
    return running;
  };

  return {
    flush,
    outboxRecordFor: (pinId) => ({ id: pinId, attempts: 0, nextAttemptAtMs: 0 }),
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
