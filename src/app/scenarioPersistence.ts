import { parseScenarioObject } from '../core/scenario/parseScenarioFile';
import type { Scenario } from '../core/model/Scenario';
import type { AppState, AppStore } from '../state';
import type { ScenarioMessage, VariantRef } from '../state/scenarioSlice';
import { openPlanlotseDb, PLANLOTSE_DB_NAME, type PlanlotseDbHandle } from './storage/openPlanlotseDb';
import type { ScenarioRecord, SessionRecord } from './storage/planlotseDbSchema';
import { listRecords, writeTransaction } from './storage/records';
import type { StorageError, StorageResult } from './storage/StorageError';

/** The scenarios' database: Planlotse's one database (same name as before the storage module, so nothing moves). */
export const SCENARIO_DB_NAME = PLANLOTSE_DB_NAME;

export interface LoadedScenarios {
  scenarios: Scenario[];
  session: { activeScenarioId: string | null; activeVariantId: VariantRef } | null;
  /** One sentence per record that could not be read; those records stay in the database untouched. */
  errors: string[];
}

/** Opens (and on first use creates or upgrades) the database holding the scenarios; errors come back as codes. */
export function openScenarioDb(name = SCENARIO_DB_NAME, idb?: IDBFactory): Promise<StorageResult<PlanlotseDbHandle>> {
  return openPlanlotseDb({ name, idb });
}

/**
 * Reads every saved scenario. Each record is migrated and validated on its
 * own, so one corrupt record is reported and skipped — it never takes the
 * others down, and it is not deleted.
 */
export async function loadSavedScenarios(db: PlanlotseDbHandle): Promise<StorageResult<LoadedScenarios>> {
  const [records, meta] = await Promise.all([listRecords(db, 'scenarios'), listRecords(db, 'meta')]);
  if (!records.ok) return records;
  if (!meta.ok) return meta;
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  for (const { value } of records.value) {
    const r = value as Partial<ScenarioRecord> | null;
    const label = `saved scenario ${typeof r?.id === 'string' ? r.id : '(no id)'}`;
    const parsed = parseScenarioObject(r?.doc, label);
    if (parsed.ok) scenarios.push(parsed.scenario);
    else errors.push(...parsed.errors);
  }
  scenarios.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const session = meta.value.find((m) => m.key === 'session')?.value as Partial<SessionRecord> | undefined;
  return {
    ok: true,
    value: {
      scenarios,
      session: session && typeof session === 'object' ? { activeScenarioId: session.activeScenarioId ?? null, activeVariantId: session.activeVariantId ?? null } : null,
      errors,
    },
  };
}

export interface ScenarioAutosave {
  /** Resolves when every change so far is on disk. */
  flush(): Promise<void>;
  stop(): void;
}

/** The scenario panel's note for a storage error (an autosave error says that the change is not saved). */
function storageMessage(e: StorageError, autosave = false): ScenarioMessage {
  return autosave && e.code === 'storage.failed' ? { kind: 'error', code: 'storage.autosaveFailed', params: e.params } : { kind: 'error', ...e };
}

/**
 * Writes every scenario change to IndexedDB right after it happens (changed
 * scenarios by reference, deletions, and the active scenario/variant), in
 * order, one transaction per change. Write errors (a full disk included) reach
 * the user as a scenario message; the edit stays in the store, and the next
 * change writes every scenario that is not on disk yet.
 */
export function startScenarioAutosave(store: AppStore, db: PlanlotseDbHandle): ScenarioAutosave {
  let chain: Promise<void> = Promise.resolve();
  // What is on disk, by id; null marks a record whose last write failed (rewritten or deleted with the next change).
  let saved = new Map<string, Scenario | null>(store.getState().scenarios.map((s) => [s.id, s] as const));
  let savedSession = sessionOf(store.getState());
  const onChange = (s: AppState) => {
    const changed = s.scenarios.filter((x) => saved.get(x.id) !== x);
    const ids = new Set(s.scenarios.map((x) => x.id));
    const removed = [...saved.keys()].filter((id) => !ids.has(id));
    const session = sessionOf(s);
    const sessionChanged = session.activeScenarioId !== savedSession.activeScenarioId || session.activeVariantId !== savedSession.activeVariantId;
    if (!changed.length && !removed.length && !sessionChanged) return;
    saved = new Map(s.scenarios.map((x) => [x.id, x] as const));
    savedSession = session;
    const savedAt = new Date().toISOString();
    chain = chain.then(async () => {
      const r = await writeTransaction(db, {
        put: { scenarios: changed.map((doc) => ({ id: doc.id, savedAt, doc }) satisfies ScenarioRecord), meta: [{ key: 'session', ...session } satisfies SessionRecord] },
        delete: { scenarios: removed },
      });
      if (!r.ok) {
        // Not on disk: mark these records, so the next change writes (or deletes) them again.
        for (const doc of changed) if (saved.get(doc.id) === doc) saved.set(doc.id, null);
        for (const id of removed) if (!saved.has(id)) saved.set(id, null);
        store.getState().setScenarioMessage(storageMessage(r.error, true));
      }
    });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarios !== prev.scenarios || s.activeScenarioId !== prev.activeScenarioId || s.activeVariantId !== prev.activeVariantId) onChange(s);
  });
  return { flush: () => chain, stop: unsubscribe };
}

function sessionOf(s: AppState): { activeScenarioId: string | null; activeVariantId: VariantRef } {
  return { activeScenarioId: s.activeScenarioId, activeVariantId: s.activeVariantId };
}

/**
 * Startup: load saved scenarios into the store (the URL's `scn`/`var` win
 * over the last session), then autosave every change. Without IndexedDB
 * (private mode in some browsers) the app works and says that nothing is saved.
 */
export async function initScenarioPersistence(
  store: AppStore,
  fromUrl: { scenarioId?: string; variantId?: VariantRef } = {},
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<ScenarioAutosave | null> {
  const opened = await openPlanlotseDb({ name: SCENARIO_DB_NAME, idb, onClosedForUpgrade: () => store.getState().setScenarioMessage({ kind: 'error', code: 'storage.closedForUpgrade' }) });
  if (!opened.ok) {
    store.getState().setScenarioMessage(storageMessage(opened.error));
    return null;
  }
  const db = opened.value;
  const r = await loadSavedScenarios(db);
  if (!r.ok) {
    store.getState().setScenarioMessage(storageMessage(r.error));
    return null;
  }
  const loaded = r.value;
  const scenarioId = fromUrl.scenarioId ?? loaded.session?.activeScenarioId ?? null;
  const variantId = fromUrl.scenarioId ? fromUrl.variantId : loaded.session?.activeVariantId;
  // Edits made before loading finished (unlikely: it takes milliseconds) are kept.
  const early = store.getState().scenarios;
  store.getState().loadScenarios([...loaded.scenarios.filter((s) => !early.some((e) => e.id === s.id)), ...early], { scenarioId, variantId });
  if (fromUrl.scenarioId && store.getState().activeScenarioId !== fromUrl.scenarioId) {
    store.getState().setScenarioMessage({ kind: 'error', code: 'scenario.notSaved', params: { id: fromUrl.scenarioId } });
  }
  if (loaded.errors.length) store.getState().setScenarioMessage({ kind: 'error', code: 'storage.recordsSkipped', params: { count: loaded.errors.length, detail: loaded.errors.slice(0, 3).join(' · ') } });
  return startScenarioAutosave(store, db);
}

/** What browser tests may ask about scenarios (`window.__planlotseScenario`), read-only. */
export interface ScenarioTestHook {
  /** Resolves when saved scenarios are loaded into the store. */
  loaded: Promise<unknown>;
  /** Ids of proposed buildings drawn as ready glTF models. */
  modelIds(): string[];
  /**
   * Whether a loaded city-model feature is drawn (false when hidden as demolished; undefined when not loaded).
   * With `side`, only on that side of the compare divider (each side has its own tileset while comparing).
   */
  featureShown(id: string, side?: 'left' | 'right'): boolean | undefined;
  /** Resolves when every autosave write so far is on disk. */
  flush(): Promise<void>;
  /** Id of the proposed building drawn at a window position (CSS px). */
  proposedIdAt(x: number, y: number): string | undefined;
}

declare global {
  interface Window {
    __planlotseScenario?: ScenarioTestHook;
  }
}

/** Exposes {@link ScenarioTestHook} for the browser specs. */
export function installScenarioTestHook(sync: { modelIds(): string[]; featureShown(id: string, side?: 'left' | 'right'): boolean | undefined; proposedIdAt(x: number, y: number): string | undefined }, autosave: Promise<ScenarioAutosave | null>): void {
  const hook: ScenarioTestHook = {
    loaded: autosave,
    modelIds: () => sync.modelIds(),
    featureShown: (id, side) => sync.featureShown(id, side),
    proposedIdAt: (x, y) => sync.proposedIdAt(x, y),
    flush: async () => {
      await (await autosave)?.flush();
    },
  };
  Object.defineProperty(window, '__planlotseScenario', { value: Object.freeze(hook), writable: false, configurable: false });
}
