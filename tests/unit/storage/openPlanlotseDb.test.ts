// idb checks `instanceof IDBRequest`: the globals come from fake-indexeddb (each test still uses its own factory).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { initScenarioPersistence } from '../../../src/app/scenarioPersistence';
import { DB_VERSION, MIGRATIONS } from '../../../src/app/storage/migrations';
import { openPlanlotseDb, PLANLOTSE_DB_NAME } from '../../../src/app/storage/openPlanlotseDb';
import { deleteRecords, getRecord, listRecords, putRecords } from '../../../src/app/storage/records';
import { storageError, type StorageResult } from '../../../src/app/storage/StorageError';
import { createAppStore } from '../../../src/state/createAppStore';
import { building, scenario } from '../scenario/fixtures';

function ok<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`storage: ${r.error.code} ${r.error.params.detail}`);
  return r.value;
}

const raw = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Writes a database exactly as the scenario storage before the storage module did (its `openScenarioDb` and
 * autosave, copied here in plain IndexedDB): version 1, stores `scenarios` (keyPath id) and `meta` (keyPath key).
 */
async function writeV1Database(idb: IDBFactory, records: unknown[], session: unknown): Promise<void> {
  const r = idb.open(PLANLOTSE_DB_NAME, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore('scenarios', { keyPath: 'id' });
    r.result.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await raw(r);
  const tx = db.transaction(['scenarios', 'meta'], 'readwrite');
  for (const rec of records) tx.objectStore('scenarios').put(rec);
  tx.objectStore('meta').put(session);
  await new Promise((res) => (tx.oncomplete = res));
  db.close();
}

describe('openPlanlotseDb (one IndexedDB database, versioned, with migrations)', () => {
  it('upgrades a version-1 database written by the old scenario storage without losing a scenario', async () => {
    const idb = new IDBFactory();
    const a = scenario();
    const b = scenario({ id: 'scn-2', name: 'Zweiter', createdAt: '2026-11-29T10:00:00.000Z', variants: [{ id: 'v-x', name: 'Variante X', notes: '', buildings: [building('b9')], demolishedIds: [] }] });
    const corrupt = { id: 'broken', savedAt: 'x', doc: { ...scenario({ id: 'broken' }), variants: 'garbage' } };
    await writeV1Database(idb, [{ id: a.id, savedAt: 's', doc: a }, { id: b.id, savedAt: 's', doc: b }, corrupt], { key: 'session', activeScenarioId: 'scn-2', activeVariantId: 'v-x' });

    const store = createAppStore();
    const auto = (await initScenarioPersistence(store, {}, idb))!;
    expect(store.getState().scenarios).toEqual([a, b]);
    expect(store.getState().activeScenarioId).toBe('scn-2');
    expect(store.getState().activeVariantId).toBe('v-x');
    // The corrupt record is reported, not dropped by the upgrade.
    expect(store.getState().scenarioMessage).toMatchObject({ code: 'storage.recordsSkipped', params: { count: 1 } });
    await auto.flush();

    const db = ok(await openPlanlotseDb({ idb }));
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['feedback', 'feedbackOutbox', 'files', 'meta', 'scenarios']);
    expect(await db.getAllKeys('scenarios')).toEqual(['broken', 'scn-1', 'scn-2']);
    expect(await db.get('scenarios', 'broken')).toEqual(corrupt);
    expect([...db.transaction('feedback').store.indexNames]).toEqual(['createdAt']);
    db.close();
  });

  it('creates a fresh database by running every migration in order', async () => {
    const idb = new IDBFactory();
    const v1 = ok(await openPlanlotseDb({ idb, version: 1 }));
    expect([...v1.objectStoreNames].sort()).toEqual(['meta', 'scenarios']);
    v1.close();
    const db = ok(await openPlanlotseDb({ idb }));
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).toEqual(['feedback', 'feedbackOutbox', 'files', 'meta', 'scenarios']);
    db.close();
  });

  it('typed put/get/list/delete; feedback records are listed by key and read back unchanged', async () => {
    const idb = new IDBFactory();
    const db = ok(await openPlanlotseDb({ idb }));
    const pins = [
      { id: 'pin-b', createdAt: '2026-12-05T10:00:00.000Z', doc: { text: 'Mehr Bäume', lonLat: [9.99, 53.55] } },
      { id: 'pin-a', createdAt: '2026-12-05T09:00:00.000Z', hidden: true, doc: { text: 'Zu hoch' } },
    ];
    ok(await putRecords(db, 'feedback', pins));
    expect(ok(await listRecords(db, 'feedback')).map((r) => r.key)).toEqual(['pin-a', 'pin-b']);
    expect(ok(await getRecord(db, 'feedback', 'pin-b'))).toEqual(pins[0]);
    expect(ok(await getRecord(db, 'feedback', 'nope'))).toBeUndefined();
    expect(await db.getAllKeysFromIndex('feedback', 'createdAt')).toEqual(['pin-a', 'pin-b']);
    ok(await deleteRecords(db, 'feedback', ['pin-a']));
    expect(ok(await listRecords(db, 'feedback')).map((r) => r.key)).toEqual(['pin-b']);
    db.close();
  });

  it('a write that fails comes back as a code, and nothing of the transaction is stored', async () => {
    const idb = new IDBFactory();
    const db = ok(await openPlanlotseDb({ idb }));
    // The second record has no key (keyPath "id"): the put throws, the whole transaction aborts.
    const r = await putRecords(db, 'feedback', [{ id: 'pin-1', createdAt: 't', doc: 1 }, { createdAt: 't', doc: 2 } as never]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('storage.failed');
    expect(!r.ok && r.error.params.detail).toMatch(/DataError/);
    expect(ok(await listRecords(db, 'feedback'))).toEqual([]);
    db.close();
    // A closed connection: an error code, no exception.
    const closed = await listRecords(db, 'scenarios');
    expect(!closed.ok && closed.error.code).toBe('storage.failed');
  });

  it('a database of a newer version is refused as versionTooNew and left as it is', async () => {
    const idb = new IDBFactory();
    const r = idb.open(PLANLOTSE_DB_NAME, DB_VERSION + 1);
    r.onupgradeneeded = () => r.result.createObjectStore('scenarios', { keyPath: 'id' }).put({ id: 'future', doc: {} });
    (await raw(r)).close();
    const opened = await openPlanlotseDb({ idb });
    expect(!opened.ok && opened.error.code).toBe('storage.versionTooNew');
    const store = createAppStore();
    expect(await initScenarioPersistence(store, {}, idb)).toBeNull();
    expect(store.getState().scenarioMessage).toMatchObject({ kind: 'error', code: 'storage.versionTooNew' });
    const again = await raw(idb.open(PLANLOTSE_DB_NAME));
    expect(again.version).toBe(DB_VERSION + 1);
    expect(await raw(again.transaction('scenarios').objectStore('scenarios').getAllKeys())).toEqual(['future']);
    again.close();
  });

  it('an upgrade blocked by another tab that keeps the old version open is reported as blocked', async () => {
    const idb = new IDBFactory();
    await writeV1Database(idb, [], { key: 'session', activeScenarioId: null, activeVariantId: null });
    // An "old tab": a version-1 connection that does not close on versionchange (as the code before the module).
    const oldTab = await raw(idb.open(PLANLOTSE_DB_NAME, 1));
    const r = await openPlanlotseDb({ idb });
    expect(!r.ok && r.error.code).toBe('storage.blocked');
    oldTab.close();
  });

  it('a connection of this code closes itself when another tab upgrades, so it never blocks it', async () => {
    const idb = new IDBFactory();
    let closed = 0;
    const mine = ok(await openPlanlotseDb({ idb, version: 1, onClosedForUpgrade: () => closed++ }));
    const newer = ok(await openPlanlotseDb({ idb }));
    expect(closed).toBe(1);
    expect(newer.version).toBe(DB_VERSION);
    newer.close();
    expect(mine.name).toBe(PLANLOTSE_DB_NAME);
  });

  it('maps the browser errors to codes', () => {
    expect(storageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')).code).toBe('storage.quotaExceeded');
    expect(storageError(new DOMException('Transaction aborted: quota', 'AbortError')).code).toBe('storage.quotaExceeded');
    expect(storageError(new DOMException('requested version (1) is less than existing (3)', 'VersionError')).code).toBe('storage.versionTooNew');
    expect(storageError(new DOMException('gone', 'InvalidStateError'))).toEqual({ code: 'storage.failed', params: { detail: 'InvalidStateError: gone' } });
  });
});
