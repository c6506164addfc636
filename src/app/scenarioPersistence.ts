import { parseScenarioObject } from '../core/scenario/parseScenarioFile';
import type { Scenario } from '../core/model/Scenario';
import type { AppState, AppStore } from '../state';
import type { VariantRef } from '../state/scenarioSlice';

/** Own database, so its upgrades never race other features' stores. */
export const SCENARIO_DB_NAME = 'planlotse-scenarios';
const DB_VERSION = 1;
const SCENARIOS = 'scenarios';
const META = 'meta';

/** One stored scenario: the document as saved, plus when. */
interface ScenarioRecord {
  id: string;
  savedAt: string;
  doc: Scenario;
}

interface SessionRecord {
  key: 'session';
  activeScenarioId: string | null;
  activeVariantId: VariantRef;
}

export interface LoadedScenarios {
  scenarios: Scenario[];
  session: { activeScenarioId: string | null; activeVariantId: VariantRef } | null;
  /** One sentence per record that could not be read; those records stay in the database untouched. */
  errors: string[];
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** Opens (and on first use creates) the scenario database. */
export function openScenarioDb(name = SCENARIO_DB_NAME, idb: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = idb.open(name, DB_VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(SCENARIOS)) db.createObjectStore(SCENARIOS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error(`IndexedDB ${name} is blocked by another tab`));
  });
}

/**
 * Reads every saved scenario. Each record is migrated and validated on its
 * own, so one corrupt record is reported and skipped — it never takes the
 * others down, and it is not deleted.
 */
export async function loadSavedScenarios(db: IDBDatabase): Promise<LoadedScenarios> {
  const tx = db.transaction([SCENARIOS, META], 'readonly');
  const [records, session] = await Promise.all([req(tx.objectStore(SCENARIOS).getAll()) as Promise<unknown[]>, req(tx.objectStore(META).get('session')) as Promise<SessionRecord | undefined>]);
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  for (const rec of records) {
    const r = rec as Partial<ScenarioRecord> | null;
    const label = `saved scenario ${typeof r?.id === 'string' ? r.id : '(no id)'}`;
    const parsed = parseScenarioObject(r?.doc, label);
    if (parsed.ok) scenarios.push(parsed.scenario);
    else errors.push(...parsed.errors);
  }
  scenarios.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    scenarios,
    session: session ? { activeScenarioId: session.activeScenarioId ?? null, activeVariantId: session.activeVariantId ?? null } : null,
    errors,
  };
}

export interface ScenarioAutosave {
  /** Resolves when every change so far is on disk. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Writes every scenario change to IndexedDB right after it happens (changed
 * scenarios by reference, deletions, and the active scenario/variant), in
 * order, one transaction per change. Write errors reach the user as a
 * scenario message.
 */
export function startScenarioAutosave(store: AppStore, db: IDBDatabase): ScenarioAutosave {
  let chain: Promise<void> = Promise.resolve();
  let saved = new Map(store.getState().scenarios.map((s) => [s.id, s] as const));
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
      try {
        const tx = db.transaction([SCENARIOS, META], 'readwrite');
        const st = tx.objectStore(SCENARIOS);
        for (const doc of changed) st.put({ id: doc.id, savedAt, doc } satisfies ScenarioRecord);
        for (const id of removed) st.delete(id);
        tx.objectStore(META).put({ key: 'session', ...session } satisfies SessionRecord);
        await done(tx);
      } catch (e) {
        store.getState().setScenarioMessage({ kind: 'error', text: `Autosave failed: ${(e as Error)?.message ?? String(e)}` });
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
  if (!idb) {
    store.getState().setScenarioMessage({ kind: 'error', text: 'This browser offers no IndexedDB: scenarios are not saved. Export them as files.' });
    return null;
  }
  try {
    const db = await openScenarioDb(SCENARIO_DB_NAME, idb);
    const loaded = await loadSavedScenarios(db);
    const scenarioId = fromUrl.scenarioId ?? loaded.session?.activeScenarioId ?? null;
    const variantId = fromUrl.scenarioId ? fromUrl.variantId : loaded.session?.activeVariantId;
    // Edits made before loading finished (unlikely: it takes milliseconds) are kept.
    const early = store.getState().scenarios;
    store.getState().loadScenarios([...loaded.scenarios.filter((s) => !early.some((e) => e.id === s.id)), ...early], { scenarioId, variantId });
    if (fromUrl.scenarioId && store.getState().activeScenarioId !== fromUrl.scenarioId) {
      store.getState().setScenarioMessage({ kind: 'error', text: `Scenario ${fromUrl.scenarioId} from the link is not saved in this browser; import its file to open it.` });
    }
    if (loaded.errors.length) store.getState().setScenarioMessage({ kind: 'error', text: `Some saved scenarios could not be read and were skipped (they stay stored): ${loaded.errors.slice(0, 3).join(' · ')}` });
    return startScenarioAutosave(store, db);
  } catch (e) {
    store.getState().setScenarioMessage({ kind: 'error', text: `Scenario storage unavailable: ${(e as Error)?.message ?? String(e)}` });
    return null;
  }
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
