import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTableController } from '../../../src/app/tableController';
import type { Catalog } from '../../../src/core/model/Catalog';
import { createAppStore } from '../../../src/state';
import { tableLayerOf } from '../../../src/state/tableSlice';
import { untilState } from '../../support/untilState';

// The demo catalog (npm run demo-data): a 3D Tiles city model with building footprints, plan layers, imagery.
const catalog = JSON.parse(readFileSync('data/demo/catalog.json', 'utf8')) as Catalog;
const catalogUrl = 'http://localhost/data/demo/catalog.json';
/** Serves data/demo/<file> for the controller, counting requests. */
function demoFetch() {
  const requests: string[] = [];
  const fetchJson = async (url: string) => {
    requests.push(url);
    const file = new URL(url).pathname.replace(/^\//, '');
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  return { requests, fetchJson };
}

describe('attribute tables: slice and controller', () => {
  it('the table of a city model is read from the footprints of the dataset; imagery has none', () => {
    const byId = (id: string) => catalog.layers.find((l) => l.id === id)!;
    expect(tableLayerOf(byId('buildings'), catalog.layers)?.id).toBe('building-footprints');
    expect(tableLayerOf(byId('bplan-baugebiete'), catalog.layers)?.id).toBe('bplan-baugebiete');
    expect(tableLayerOf(byId('osm'), catalog.layers)).toBeUndefined();
  });

  it('loads the demo buildings: 256 rows named like the picked 3D features, selections of both layers are its rows', async () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog, catalogUrl);
    const f = demoFetch();
    const stop = startTableController(store, f.fetchJson);
    store.getState().openLayerTable('buildings');
    expect(store.getState().table?.status).toBe('loading');
    await untilState(store, (s) => s.table?.status !== 'loading');
    const t = store.getState().table!;
    expect(t.status).toBe('ready');
    const footprints = JSON.parse(readFileSync('data/demo/buildings.geojson', 'utf8')) as GeoJSON.FeatureCollection;
    expect(t.data!.rows).toHaveLength(footprints.features.length);
    expect(t.data!.rows[0].id).toBe(footprints.features[0].properties!.id);
    expect(t.layerIds).toEqual(['buildings', 'building-footprints']);
    expect(t.data!.columns.find((c) => c.key === 'heightM')?.kind).toBe('number');
    expect(f.requests).toEqual(['http://localhost/data/demo/buildings.geojson']);
    // Back to a table seen before: from the controller's cache, no second request.
    store.getState().openLayerTable('bplan-baugebiete');
    await untilState(store, (s) => s.table?.status === 'ready');
    store.getState().openLayerTable('buildings');
    await untilState(store, (s) => s.table?.status === 'ready');
    expect(f.requests).toHaveLength(2);
    stop();
  });

  it('says which layer has no features; a late answer for a table left is dropped', async () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog, catalogUrl);
    const stop = startTableController(store, demoFetch().fetchJson);
    store.getState().openLayerTable('osm');
    expect(store.getState().table?.status).toBe('error');
    expect(store.getState().table?.error?.code).toBe('table.notVector');
    store.getState().tableLoaded('parcels', { columns: [], rows: [] });
    expect(store.getState().table?.source).toEqual({ kind: 'layer', layerId: 'osm' });
    store.getState().closeTable();
    expect(store.getState().table).toBeUndefined();
    stop();
  });

  it('a bad file fails with its layer and URL named', async () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog, catalogUrl);
    const stop = startTableController(store, async () => ({ type: 'Feature' }));
    store.getState().openLayerTable('parcels');
    await untilState(store, (s) => s.table?.status !== 'loading');
    expect(store.getState().table?.error?.params?.detail).toContain('layer "parcels": http://localhost/data/demo/parcels.geojson is not a GeoJSON FeatureCollection');
    stop();
  });
});
