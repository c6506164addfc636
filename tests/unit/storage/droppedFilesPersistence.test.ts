// idb checks `instanceof IDBRequest`: the globals come from fake-indexeddb (each test still uses its own factory).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initDropFilesPersistence, loadSavedDropFiles, startDropFilesAutosave } from '../../../src/app/droppedFilesPersistence';
import { withBlobUrls } from '../../../src/app/droppedLayerUrls';
import { openPlanlotseDb } from '../../../src/app/storage/openPlanlotseDb';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { analysisInputs } from '../../../src/core/analysis/analysisInputs';
import { allCatalogLayers, createAppStore, type AppStore } from '../../../src/state';
import { untilState } from '../../support/untilState';

const FIX = path.resolve(__dirname, '../../fixtures/real');
const playgrounds = readFileSync(path.join(FIX, 'hh-playgrounds.first25.json'));
const prosin = readFileSync(path.join(FIX, 'hh-bplan-prosin.first12.xml'));

/** What the drop controller does for a queued file, without a worker: convert its bytes, install the layers. */
async function convertQueued(store: AppStore): Promise<void> {
  for (const f of store.getState().droppedFiles.filter((x) => x.status === 'queued')) {
    store.getState().droppedFileStarted(f.id);
    const r = await convertDroppedFile(new Uint8Array(await f.source.arrayBuffer()), f.name, { crs: f.crs });
    store.getState().droppedFileConverted(f.id, withBlobUrls(r));
  }
}

describe('dropped files are kept in the browser (IndexedDB store `files`, source bytes)', () => {
  it('stores a converted file, restores it after a reload under its id, in drop order, with the chosen role; removing deletes it', async () => {
    const idb = new IDBFactory();
    const store = createAppStore();
    const auto = (await initDropFilesPersistence(store, idb))!;
    store.getState().openDroppedFiles([new File([playgrounds], 'spielplaetze.json'), new File([prosin], 'bplan.xml')]);
    await convertQueued(store);
    const [pg, plan] = store.getState().droppedFiles;
    expect([pg.status, plan.status]).toEqual(['done', 'done']);
    // Inferred from the content (playground points, Bebauungspläne as plan areas, which compliance reads without
    // zoning layers); the user makes the plan layer the Baugebiete.
    const pgLayer = store.getState().droppedLayers.find((l) => l.fileId === pg.id)!;
    const planLayer = store.getState().droppedLayers.find((l) => l.fileId === plan.id)!;
    expect([pgLayer.role, pgLayer.type, planLayer.role, planLayer.type]).toEqual(['playgrounds', 'geojson-points', 'plan', 'geojson-polygons']);
    expect(analysisInputs(allCatalogLayers(store.getState())).zoning.map((l) => l.id)).toEqual([planLayer.id]);
    store.getState().setDroppedLayerRole(planLayer.id, 'zoning');
    await auto.flush();
    expect(store.getState().droppedFiles.map((f) => f.persist)).toEqual([{ state: 'saved' }, { state: 'saved' }]);

    // Reload: a fresh store, the same database.
    const again = createAppStore();
    const auto2 = (await initDropFilesPersistence(again, idb))!;
    expect(again.getState().droppedFilesRestored).toBe(true);
    expect(again.getState().droppedFiles.map((f) => [f.id, f.name, f.status, f.restored, f.sizeBytes])).toEqual([
      [pg.id, 'spielplaetze.json', 'queued', true, playgrounds.byteLength],
      [plan.id, 'bplan.xml', 'queued', true, prosin.byteLength],
    ]);
    const camBefore = again.getState().cameraRequest;
    await convertQueued(again);
    const s = again.getState();
    expect(s.droppedLayers.map((l) => [l.id, l.role])).toEqual([
      [pgLayer.id, 'playgrounds'],
      [planLayer.id, 'zoning'],
    ]);
    // The restored plan is what compliance reads; the restore did not move the camera.
    expect(analysisInputs(allCatalogLayers(s)).zoning.map((l) => l.id)).toEqual([planLayer.id]);
    expect(s.cameraRequest).toBe(camBefore);
    // Same features as before the reload, served from fresh blob: urls.
    const served = (await (await fetch(s.droppedLayers[1].url)).json()) as GeoJSON.FeatureCollection;
    const before = (await (await fetch(planLayer.url)).json()) as GeoJSON.FeatureCollection;
    expect(served.features.length).toBe(before.features.length);
    expect(served.features.length).toBeGreaterThan(0);
    // A new file gets an id above the restored ones.
    const [next] = again.getState().openDroppedFiles([new File([playgrounds], 'noch.json')]);
    expect(next).toBe('file-3');

    again.getState().removeDroppedFile(pg.id);
    again.getState().removeDroppedFile(next);
    await auto2.flush();
    const db = await openPlanlotseDb({ idb });
    if (!db.ok) throw new Error(db.error.code);
    expect(await db.value.getAllKeys('files')).toEqual([plan.id]);
    const rec = await db.value.get('files', plan.id);
    expect(new Uint8Array(rec!.bytes)).toEqual(new Uint8Array(prosin));
    expect(rec!.roleOverrides).toEqual({ [planLayer.id]: 'zoning' });
    db.value.close();
  });

  it('a record that is not a file is reported and kept; the good ones are restored', async () => {
    const idb = new IDBFactory();
    const db = await openPlanlotseDb({ idb });
    if (!db.ok) throw new Error(db.error.code);
    await db.value.put('files', { id: 'file-1', name: 'a.json', savedAt: '2026-01-01', bytes: new Uint8Array(playgrounds).buffer });
    await db.value.put('files', { id: 'file-2', name: 'broken', savedAt: '2026-01-02', bytes: 'not bytes' as never });
    const r = await loadSavedDropFiles(db.value);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.files.map((f) => f.id)).toEqual(['file-1']);
    expect(r.value.errors).toEqual(['stored file file-2: not a file record']);
    expect(await db.value.getAllKeys('files')).toEqual(['file-1', 'file-2']);
    db.value.close();
  });

  it('a full disk is said on the file, with its size; the file stays open and is tried again on the next change', async () => {
    const idb = new IDBFactory();
    const opened = await openPlanlotseDb({ idb });
    if (!opened.ok) throw new Error(opened.error.code);
    // The browser's quota is the boundary: its transaction refuses the write as Chromium does when the disk is full.
    let full = true;
    const db = new Proxy(opened.value, {
      get(target, prop, receiver) {
        if (prop === 'transaction' && full) return () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const store = createAppStore();
    const auto = startDropFilesAutosave(store, db);
    store.getState().openDroppedFiles([new File([playgrounds], 'spielplaetze.json')]);
    await convertQueued(store);
    await auto.flush();
    const f = store.getState().droppedFiles[0];
    expect(f.status).toBe('done');
    expect(f.persist).toEqual({ state: 'failed', error: { code: 'drop.save.quotaExceeded', params: { size: '0.0 MB', detail: 'The quota has been exceeded.' } } });
    full = false;
    store.getState().setDroppedLayerRole(store.getState().droppedLayers[0].id, 'green');
    await untilState(store, (s) => s.droppedFiles[0].persist?.state === 'saved');
    expect(await opened.value.getAllKeys('files')).toEqual([f.id]);
    opened.value.close();
  });
});
