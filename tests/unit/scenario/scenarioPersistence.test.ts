import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { initScenarioPersistence, loadSavedScenarios, openScenarioDb, SCENARIO_DB_NAME, startScenarioAutosave } from '../../../src/app/scenarioPersistence';
import { createAppStore } from '../../../src/state/createAppStore';
import { activeVariant } from '../../../src/state/scenarioSlice';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import type { StorageResult } from '../../../src/app/storage/StorageError';
import { HH, scenario } from './fixtures';

/** The value of a storage result, failing the test with the error's code otherwise. */
function ok<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`storage: ${r.error.code} ${r.error.params.detail}`);
  return r.value;
}

describe('scenario persistence (IndexedDB)', () => {
  it('saves every edit and restores everything into a fresh store', async () => {
    const idb = new IDBFactory();
    const store = createAppStore();
    const auto = (await initScenarioPersistence(store, {}, idb))!;
    const s = store.getState;
    const id = s().addProposedBuilding(rectangleFootprint(HH, 20, 12), { storeys: 6 })!;
    s().demolishBuildings(['DEHH_9']);
    const v2 = s().addVariant('Variante Zwei')!;
    s().addProposedBuilding(rectangleFootprint([HH[0] + 0.001, HH[1]], 10, 10));
    s().setActiveVariant(s().scenarios[0].variants[0].id);
    s().updateProposedBuilding(id, { storeys: 8 });
    await auto.flush();
    auto.stop();

    // "Reload": a new store and a new connection to the same database.
    const fresh = createAppStore();
    await initScenarioPersistence(fresh, {}, idb);
    const f = fresh.getState();
    expect(f.scenarios).toEqual(s().scenarios);
    expect(f.activeScenarioId).toBe(s().activeScenarioId);
    expect(f.activeVariantId).toBe(s().scenarios[0].variants[0].id);
    expect(activeVariant(f)!.buildings[0].storeys).toBe(8);
    expect(activeVariant(f)!.demolishedIds).toEqual(['DEHH_9']);
    expect(f.scenarios[0].variants.find((v) => v.id === v2)!.buildings).toHaveLength(1);
    // The URL's scenario/variant win over the saved session; "existing" is null.
    const viaUrl = createAppStore();
    await initScenarioPersistence(viaUrl, { scenarioId: s().activeScenarioId!, variantId: null }, idb);
    expect(viaUrl.getState().activeVariantId).toBeNull();
  });

  it('a corrupt record is skipped with a message and does not wipe the others', async () => {
    const idb = new IDBFactory();
    const db = ok(await openScenarioDb(SCENARIO_DB_NAME, idb));
    const good = scenario();
    const tx = db.transaction('scenarios', 'readwrite');
    tx.objectStore('scenarios').put({ id: good.id, savedAt: 'x', doc: good });
    tx.objectStore('scenarios').put({ id: 'broken', savedAt: 'x', doc: { ...scenario({ id: 'broken' }), variants: 'garbage' } } as never);
    tx.objectStore('scenarios').put({ id: 'junk', savedAt: 'x', doc: 42 } as never);
    await tx.done;
    const loaded = ok(await loadSavedScenarios(db));
    expect(loaded.scenarios.map((x) => x.id)).toEqual(['scn-1']);
    expect(loaded.errors).toEqual(['saved scenario broken: missing "variants" (array)', 'saved scenario junk: not a JSON object']);
    db.close();

    const store = createAppStore();
    const auto = (await initScenarioPersistence(store, {}, idb))!;
    expect(store.getState().scenarios.map((x) => x.id)).toEqual(['scn-1']);
    expect(store.getState().scenarioMessage).toMatchObject({ kind: 'error', code: 'storage.recordsSkipped', params: { count: 2 } });
    expect(store.getState().scenarioMessage?.params?.detail).toMatch(/^saved scenario broken: .* · saved scenario junk/);
    // Editing the good one does not touch the corrupt records.
    store.getState().setActiveScenario('scn-1');
    store.getState().renameScenario('scn-1', 'umbenannt');
    await auto.flush();
    const db2 = ok(await openScenarioDb(SCENARIO_DB_NAME, idb));
    const keys = await db2.getAllKeys('scenarios');
    expect(keys).toEqual(['broken', 'junk', 'scn-1']);
    expect(ok(await loadSavedScenarios(db2)).scenarios[0].name).toBe('umbenannt');
  });

  it('deleting a scenario removes its record; undo brings it back and saves it again', async () => {
    const idb = new IDBFactory();
    const db = ok(await openScenarioDb(SCENARIO_DB_NAME, idb));
    const store = createAppStore();
    const auto = startScenarioAutosave(store, db);
    store.getState().importScenario(scenario());
    await auto.flush();
    expect(ok(await loadSavedScenarios(db)).scenarios).toHaveLength(1);
    store.getState().deleteScenario('scn-1');
    await auto.flush();
    expect(ok(await loadSavedScenarios(db)).scenarios).toHaveLength(0);
    store.getState().undoScenario();
    await auto.flush();
    expect(ok(await loadSavedScenarios(db)).scenarios.map((x) => x.id)).toEqual(['scn-1']);
  });

  it('a write that fails says so and keeps the edit; the next change writes what is not on disk yet', async () => {
    const idb = new IDBFactory();
    const db = ok(await openScenarioDb(SCENARIO_DB_NAME, idb));
    const store = createAppStore();
    const auto = startScenarioAutosave(store, db);
    store.getState().importScenario(scenario());
    await auto.flush();
    // A value IndexedDB cannot store (a function) makes the write fail with DataCloneError: nothing of it is stored.
    store.getState().importScenario({ ...scenario({ id: 'scn-bad', name: 'bad' }), notes: () => 0 } as never);
    await auto.flush();
    expect(store.getState().scenarioMessage).toMatchObject({ kind: 'error', code: 'storage.autosaveFailed' });
    expect(store.getState().scenarios.map((x) => x.id)).toEqual(['scn-1', 'scn-bad']);
    expect(await db.getAllKeys('scenarios')).toEqual(['scn-1']);
    // The user deletes the unsavable scenario and renames the other: both changes reach the disk.
    store.getState().deleteScenario('scn-bad');
    store.getState().renameScenario('scn-1', 'neu');
    await auto.flush();
    expect(await db.getAllKeys('scenarios')).toEqual(['scn-1']);
    expect(ok(await loadSavedScenarios(db)).scenarios[0].name).toBe('neu');
    auto.stop();
  });
});
