import type { StoreValue } from 'idb';
import type { PlanlotseDbHandle } from './openPlanlotseDb';
import type { PlanlotseDb, StoreName } from './planlotseDbSchema';
import { storageError, type StorageResult } from './StorageError';

/**
 * A record as read back: its key and the value as stored, not yet trusted (a record may be corrupt, hand-edited or
 * from an older version). Readers validate each one and skip, never delete, what they cannot read.
 */
export interface StoredRecord {
  key: IDBValidKey;
  value: unknown;
}

const attempt = async <T>(f: () => Promise<T>): Promise<StorageResult<T>> => {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
};

/**
 * Runs the requests of a write transaction and waits until it is committed. A request that throws at once (a
 * record without its key, a value that cannot be cloned) aborts the transaction, so it stores all or nothing;
 * IndexedDB would otherwise commit the requests made before the throw.
 */
async function allOrNothing(tx: { abort(): void; done: Promise<void> }, requests: (add: (request: Promise<unknown>) => void) => void): Promise<void> {
  const ops: Promise<unknown>[] = [];
  try {
    requests((r) => ops.push(r));
  } catch (e) {
    tx.abort();
    // The requests made so far now fail with AbortError; the first error is the one to report.
    await Promise.allSettled([...ops, tx.done]);
    throw e;
  }
  const settled = await Promise.allSettled([...ops, tx.done]);
  const reasons = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  // When the browser aborts a transaction (a full disk: QuotaExceededError on the transaction), every request of it
  // fails with a plain AbortError; report the cause, not the echo.
  if (reasons.length) throw reasons.find((r) => (r as { name?: string } | null)?.name !== 'AbortError') ?? reasons[0];
}

/** Every record of a store, in key order. */
export function listRecords(db: PlanlotseDbHandle, store: StoreName): Promise<StorageResult<StoredRecord[]>> {
  return attempt(async () => {
    const tx = db.transaction(store, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    return keys.map((key, i) => ({ key, value: values[i] as unknown }));
  });
}

/** One record by key (`undefined` when there is none), not yet trusted. */
export function getRecord(db: PlanlotseDbHandle, store: StoreName, key: string): Promise<StorageResult<unknown>> {
  return attempt(() => db.get(store, key) as Promise<unknown>);
}

/**
 * Writes records (insert or replace by key) in one transaction: all of them are stored, or none. `durability:
 * 'strict'` resolves only once the data is flushed to disk (a citizen's confirmed comment must survive a power cut
 * right after the "saved" message); the default lets the browser batch the flush.
 */
export function putRecords<S extends StoreName>(db: PlanlotseDbHandle, store: S, values: StoreValue<PlanlotseDb, S>[], o: { durability?: 'strict' | 'default' } = {}): Promise<StorageResult<void>> {
  return attempt(async () => {
    const tx = db.transaction(store, 'readwrite', o.durability ? { durability: o.durability } : undefined);
    await allOrNothing(tx, (add) => values.forEach((v) => add(tx.store.put(v))));
  });
}

/** Deletes records by key in one transaction. Only for what the user deleted; never for records that failed to read. */
export function deleteRecords(db: PlanlotseDbHandle, store: StoreName, keys: string[]): Promise<StorageResult<void>> {
  return attempt(async () => {
    const tx = db.transaction(store, 'readwrite');
    await allOrNothing(tx, (add) => keys.forEach((k) => add(tx.store.delete(k))));
  });
}

/** Puts and deletes in several stores as one transaction (an autosave step: changed scenarios, deletions, session); `durability` as for {@link putRecords}. */
export function writeTransaction(
  db: PlanlotseDbHandle,
  steps: { put?: { [S in StoreName]?: StoreValue<PlanlotseDb, S>[] }; delete?: { [S in StoreName]?: string[] } },
  o: { durability?: 'strict' | 'default' } = {},
): Promise<StorageResult<void>> {
  const stores = [...new Set([...Object.keys(steps.put ?? {}), ...Object.keys(steps.delete ?? {})])] as StoreName[];
  return attempt(async () => {
    const tx = db.transaction(stores, 'readwrite', o.durability ? { durability: o.durability } : undefined);
    await allOrNothing(tx, (add) => {
      for (const s of stores) {
        const st = tx.objectStore(s);
        for (const v of steps.put?.[s] ?? []) add(st.put(v as never));
        for (const k of steps.delete?.[s] ?? []) add(st.delete(k));
      }
    });
  });
}
