// idb checks `instanceof IDBRequest`: the globals come from fake-indexeddb (each test uses its own factory).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getFeedbackPin, loadFeedbackPins, saveFeedbackPin, setFeedbackHidden } from '../../../src/app/feedback/feedbackStorage';
import { openPlanlotseDb, type PlanlotseDbHandle } from '../../../src/app/storage/openPlanlotseDb';
import type { StorageResult } from '../../../src/app/storage/StorageError';
import { pinOf } from './feedbackFixtures';

function ok<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`storage: ${r.error.code} ${r.error.params.detail}`);
  return r.value;
}

/** A database handle whose write transactions fail as a full disk does (QuotaExceededError when committing). */
function fullDisk(db: PlanlotseDbHandle): PlanlotseDbHandle {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (stores: never, mode: IDBTransactionMode, opts?: IDBTransactionOptions) => {
        const tx = target.transaction(stores, mode, opts);
        if (mode !== 'readwrite') return tx;
        // The browser aborts the transaction and reports QuotaExceededError on it; do the same.
        const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        const done = tx.done.then(
          () => Promise.reject(quota),
          () => Promise.reject(quota),
        );
        done.catch(() => undefined);
        queueMicrotask(() => tx.abort());
        return new Proxy(tx, {
          get: (t, p) => {
            if (p === 'done') return done;
            const v = Reflect.get(t, p) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
          },
        });
      };
    },
  });
}

describe('feedback storage (IndexedDB via the storage module)', () => {
  it('a confirmed pin is stored and read back unchanged after reopening; hide/restore keeps the pin and moves updatedAt', async () => {
    const idb = new IDBFactory();
    const db = ok(await openPlanlotseDb({ idb }));
    const a = pinOf('Mehr Bäume bitte – äöü ß', '2026-06-01T10:00:00.000Z');
    const b = pinOf('=HYPERLINK("x")', '2026-06-01T09:00:00.000Z');
    ok(await saveFeedbackPin(db, a));
    ok(await saveFeedbackPin(db, b));
    db.close();
    const again = ok(await openPlanlotseDb({ idb }));
    const { pins, skipped } = ok(await loadFeedbackPins(again));
    expect(skipped).toBe(0);
    expect(pins).toEqual([b, a]); // oldest first
    const hidden = ok(await setFeedbackHidden(again, a.id, true, new Date('2026-06-02T08:00:00.000Z')));
    expect(hidden).toMatchObject({ id: a.id, hidden: true, updatedAt: '2026-06-02T08:00:00.000Z', createdAt: a.createdAt, text: a.text });
    expect(ok(await getFeedbackPin(again, a.id))?.hidden).toBe(true);
    const restored = ok(await setFeedbackHidden(again, a.id, false, new Date('2026-06-02T09:00:00.000Z')));
    expect(restored?.hidden).toBe(false);
    expect(ok(await loadFeedbackPins(again)).pins).toHaveLength(2);
    again.close();
  });

  it('an unreadable record is skipped and counted, never deleted', async () => {
    const idb = new IDBFactory();
    const db = ok(await openPlanlotseDb({ idb }));
    const a = pinOf('gut', '2026-06-01T10:00:00.000Z');
    ok(await saveFeedbackPin(db, a));
    await db.put('feedback', { id: 'broken', createdAt: 'x', doc: { text: 5 } });
    const { pins, skipped } = ok(await loadFeedbackPins(db));
    expect(pins.map((p) => p.id)).toEqual([a.id]);
    expect(skipped).toBe(1);
    expect(await db.get('feedback', 'broken')).toBeDefined();
    db.close();
  });

  it('a full disk is reported as storage.quotaExceeded and overwrites nothing: earlier pins are intact, the new one is absent', async () => {
    const idb = new IDBFactory();
    const db = ok(await openPlanlotseDb({ idb }));
    const a = pinOf('erster', '2026-06-01T10:00:00.000Z');
    ok(await saveFeedbackPin(db, a));
    const b = pinOf('zweiter', '2026-06-01T11:00:00.000Z');
    const r = await saveFeedbackPin(fullDisk(db), b, { id: b.id, attempts: 0, nextAttemptAtMs: 0 });
    expect(r.ok).toBe(false);
    expect(!r.ok && `${r.error.code} ${r.error.params.detail}`).toMatch(/^storage.quotaExceeded /);
    expect(ok(await loadFeedbackPins(db)).pins).toEqual([a]);
    expect(await db.getAllKeys('feedbackOutbox')).toEqual([]);
    db.close();
  });
});
