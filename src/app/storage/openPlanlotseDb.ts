import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_VERSION, MIGRATIONS } from './migrations';
import type { PlanlotseDb, StoreName } from './planlotseDbSchema';
import { storageError, type StorageResult } from './StorageError';

/**
 * Name of Planlotse's one IndexedDB database. It is the name the scenario storage used before this module, so a
 * browser's saved scenarios (version 1) are upgraded in place, never copied or dropped.
 */
export const PLANLOTSE_DB_NAME = 'planlotse-scenarios';

export type PlanlotseDbHandle = IDBPDatabase<PlanlotseDb>;

export interface OpenOptions {
  name?: string;
  /** The IndexedDB to use (tests pass fake-indexeddb's `new IDBFactory()`); default the browser's. */
  idb?: IDBFactory;
  /** Open at an older version (tests that write a v1 database as the old code did); default the newest. */
  version?: number;
}

/**
 * Opens Planlotse's database, creating or upgrading it by running every migration from its stored version to
 * {@link DB_VERSION} in order, inside the one version-change transaction. Never throws: no IndexedDB, another tab
 * holding an older version open (blocked), a database newer than this code (an older build opened after a newer
 * one), or a failed upgrade come back as coded errors; nothing is deleted in any case.
 *
 * When another tab later upgrades the database, this connection closes itself so that tab is not blocked; the
 * `versionchange` is reported to `onClosedForUpgrade` (writes after that fail with `storage.failed`).
 *
 * @example const r = await openPlanlotseDb(); if (r.ok) await putRecord(r.value, 'scenarios', record);
 */
export async function openPlanlotseDb(opts: OpenOptions & { onClosedForUpgrade?: () => void } = {}): Promise<StorageResult<PlanlotseDbHandle>> {
  const idb = opts.idb ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const name = opts.name ?? PLANLOTSE_DB_NAME;
  if (!idb) return { ok: false, error: { code: 'storage.unavailable', params: { detail: 'indexedDB is undefined' } } };
  const version = opts.version ?? DB_VERSION;
  try {
    const request = idb.open(name, version);
    let wasBlocked = false;
    const blocked = new Promise<never>((_, reject) =>
      request.addEventListener('blocked', () => {
        wasBlocked = true;
        reject(Object.assign(new Error(`IndexedDB ${name} is blocked by another tab (open in an older version)`), { name: 'BlockedError' }));
      }),
    );
    blocked.catch(() => undefined);
    // Reported as blocked already: when the other tab lets go later, the upgrade finishes; close that connection.
    request.addEventListener('success', () => wasBlocked && request.result.close());
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as PlanlotseDbHandle;
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<PlanlotseDb, StoreName[], 'versionchange'>;
      for (let v = event.oldVersion; v < (event.newVersion ?? version); v++) MIGRATIONS[v](db, tx);
    });
    const db = (await Promise.race([wrap(request), blocked])) as unknown as PlanlotseDbHandle;
    db.addEventListener('versionchange', () => {
      db.close();
      opts.onClosedForUpgrade?.();
    });
    return { ok: true, value: db };
  } catch (e) {
    return { ok: false, error: storageError(e) };
  }
}
