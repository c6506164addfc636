import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { PlanlotseDb, StoreName } from './planlotseDbSchema';

/** One upgrade step: runs inside the version-change transaction, from version `index` to `index + 1`. */
export type Migration = (db: IDBPDatabase<PlanlotseDb>, tx: IDBPTransaction<PlanlotseDb, StoreName[], 'versionchange'>) => void;

/**
 * The ordered upgrade steps of the database; `MIGRATIONS[n]` takes version n to n + 1, so the database version is
 * `MIGRATIONS.length`. Append, never edit or reorder: a browser may hold any older version, and every step it has
 * not run yet runs in order, in one transaction (a failure rolls the whole upgrade back and nothing is lost).
 * Steps only add stores, indexes or fields; one that reshapes records must keep the records it cannot convert.
 *
 * Next slot: v5.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1 (the scenario storage of before this module; same names and key paths, so old databases open as they are).
  (db) => {
    if (!db.objectStoreNames.contains('scenarios')) db.createObjectStore('scenarios', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v2: citizen feedback pins of the kiosk, newest first by `createdAt`.
  (db) => {
    if (!db.objectStoreNames.contains('feedback')) db.createObjectStore('feedback', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
  },
  // v3: files the user dropped or opened (their source bytes), restored on reload in the order they were saved.
  (db) => {
    if (!db.objectStoreNames.contains('files')) db.createObjectStore('files', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
  },
  // v4: the kiosk's sync retry queue (pins still to POST to the configured OGC API endpoint), by pin id.
  (db) => {
    if (!db.objectStoreNames.contains('feedbackOutbox')) db.createObjectStore('feedbackOutbox', { keyPath: 'id' });
  },
];

/** Current database version. */
export const DB_VERSION = MIGRATIONS.length;
