import type { Message } from '../core/i18n/Message';
import type { AppStore } from '../state';
import type { DroppedFileEntry, LayerRole, RestoredDropFile } from '../state/droppedFilesSlice';
import { openPlanlotseDb, type PlanlotseDbHandle } from './storage/openPlanlotseDb';
import type { DroppedFileRecord } from './storage/planlotseDbSchema';
import { deleteRecords, listRecords, putRecords } from './storage/records';
import type { StorageError } from './storage/StorageError';

/** What a stored file looks like once read back and checked. */
export interface LoadedDropFiles {
  files: RestoredDropFile[];
  /** When each file was first stored, by id (kept on rewrites, so the restore order stays the drop order). */
  savedAt: Map<string, string>;
  /** One sentence per record that could not be read; those records stay stored, untouched. */
  errors: string[];
}

/** The message shown on a file that could not be stored (a full disk says so, with the file's size). */
export function dropSaveMessage(e: StorageError, sizeBytes: number): Message {
  const size = `${(sizeBytes / 1048576).toFixed(1)} MB`;
  if (e.code === 'storage.quotaExceeded') return { code: 'drop.save.quotaExceeded', params: { size, detail: e.params.detail } };
  if (e.code === 'storage.unavailable') return { code: 'drop.save.unavailable', params: { detail: e.params.detail } };
  return { code: 'drop.save.failed', params: { detail: e.params.detail } };
}

/** A stored file as the drop controller reads it: the bytes copied for every read (the worker takes them over). */
function sourceOf(r: DroppedFileRecord) {
  return { name: r.name, size: r.bytes.byteLength, arrayBuffer: async () => r.bytes.slice(0) };
}

/**
 * Reads every stored file, oldest first (so layer ids come out as they did before the reload). A record that is not
 * a file (corrupt, hand-edited) is reported and skipped, never deleted.
 */
export async function loadSavedDropFiles(db: PlanlotseDbHandle): Promise<{ ok: true; value: LoadedDropFiles } | { ok: false; error: StorageError }> {
  const listed = await listRecords(db, 'files');
  if (!listed.ok) return listed;
  const files: (RestoredDropFile & { savedAt: string })[] = [];
  const errors: string[] = [];
  for (const { key, value } of listed.value) {
    const r = value as Partial<DroppedFileRecord> | null;
    if (!r || typeof r.id !== 'string' || typeof r.name !== 'string' || !(r.bytes instanceof ArrayBuffer)) {
      errors.push(`stored file ${String(key)}: not a file record`);
      continue;
    }
    files.push({
      id: r.id,
      savedAt: typeof r.savedAt === 'string' ? r.savedAt : '',
      source: sourceOf(r as DroppedFileRecord),
      ...(typeof r.crs === 'string' ? { crs: r.crs } : {}),
      ...(r.roleOverrides && typeof r.roleOverrides === 'object' ? { roleOverrides: r.roleOverrides as Record<string, LayerRole> } : {}),
    });
  }
  files.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { ok: true, value: { files: files.map(({ savedAt: _s, ...f }) => f), savedAt: new Map(files.map((f) => [f.id, f.savedAt])), errors } };
}

/** What is stored of an entry besides its bytes; a change rewrites the record. */
const signature = (f: DroppedFileEntry) => JSON.stringify([f.name, f.crs ?? null, f.roleOverrides ?? {}]);

export interface DropFilesAutosave {
  /** Resolves when every write so far is done. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the `files` store in step with the open files: a file is stored (its source bytes, CRS choice and role
 * choices) once it converted to at least one layer, rewritten when the user picks another CRS or role, and deleted
 * only when the user removes it. Each outcome is reported on the file (`persist`), so a full disk is said there.
 */
export function startDropFilesAutosave(
  store: AppStore,
  db: PlanlotseDbHandle,
  stored: { signatures: ReadonlyMap<string, string>; savedAt: ReadonlyMap<string, string> } = { signatures: new Map(), savedAt: new Map() },
): DropFilesAutosave {
  // id → signature on disk, and savedAt (kept, so the restore order stays the drop order).
  const saved = new Map<string, string>(stored.signatures);
  const savedAt = new Map<string, string>(stored.savedAt);
  let chain: Promise<void> = Promise.resolve();
  const onChange = (files: readonly DroppedFileEntry[]) => {
    const ids = new Set(files.map((f) => f.id));
    const removed = [...saved.keys()].filter((id) => !ids.has(id));
    for (const id of removed) {
      saved.delete(id);
      savedAt.delete(id);
    }
    const changed = files.filter((f) => f.status === 'done' && saved.get(f.id) !== signature(f));
    for (const f of changed) saved.set(f.id, signature(f));
    if (!changed.length && !removed.length) return;
    chain = chain.then(async () => {
      if (removed.length) await deleteRecords(db, 'files', removed);
      for (const f of changed) {
        const at = savedAt.get(f.id) ?? new Date().toISOString();
        savedAt.set(f.id, at);
        const bytes = await f.source.arrayBuffer();
        const record: DroppedFileRecord = { id: f.id, name: f.name, savedAt: at, bytes, ...(f.crs ? { crs: f.crs } : {}), ...(f.roleOverrides ? { roleOverrides: f.roleOverrides } : {}) };
        const r = await putRecords(db, 'files', [record]);
        // Not stored: forget the signature, so the next change of this file tries again.
        if (!r.ok && saved.get(f.id) === signature(f)) saved.delete(f.id);
        if (store.getState().droppedFiles.some((x) => x.id === f.id)) store.getState().droppedFilePersisted(f.id, r.ok ? { ok: true } : { ok: false, error: dropSaveMessage(r.error, bytes.byteLength) });
      }
    });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.droppedFiles !== prev.droppedFiles) onChange(s.droppedFiles);
  });
  onChange(store.getState().droppedFiles);
  return { flush: () => chain, stop: unsubscribe };
}

/**
 * Startup: the files stored in this browser are queued again (converted by the drop controller like a fresh drop,
 * without moving the camera), then every change is stored. Without IndexedDB every converted file says that it is
 * not kept. The shared link's file names are compared once the restore is done.
 */
export async function initDropFilesPersistence(store: AppStore, idb: IDBFactory | undefined = globalThis.indexedDB): Promise<DropFilesAutosave | null> {
  const opened = await openPlanlotseDb({ idb });
  const loaded = opened.ok ? await loadSavedDropFiles(opened.value) : opened;
  if (!loaded.ok) {
    const error = loaded.error;
    store.getState().setDroppedFilesRestored();
    const mark = (files: readonly DroppedFileEntry[]) => {
      for (const f of files) if (f.status === 'done' && !f.persist) store.getState().droppedFilePersisted(f.id, { ok: false, error: dropSaveMessage(error, f.sizeBytes) });
    };
    store.subscribe((s, prev) => s.droppedFiles !== prev.droppedFiles && mark(s.droppedFiles));
    mark(store.getState().droppedFiles);
    return null;
  }
  const db = (opened as { ok: true; value: PlanlotseDbHandle }).value;
  const { files, errors, savedAt } = loaded.value;
  if (errors.length) console.warn(`Planlotse: ${errors.length} stored file record(s) skipped (kept in storage): ${errors.join(' · ')}`);
  store.getState().restoreDroppedFiles(files);
  store.getState().setDroppedFilesRestored();
  const stored = new Map<string, string>();
  for (const f of store.getState().droppedFiles) if (files.some((r) => r.id === f.id)) stored.set(f.id, signature({ ...f, status: 'done' }));
  return startDropFilesAutosave(store, db, { signatures: stored, savedAt });
}
