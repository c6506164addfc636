import { describe, expect, it } from 'vitest';
import { allCatalogLayers, createAppStore, selectAttributions, selectSelectedLayer } from '../../../src/state';
import { cameraViewForBbox, MAX_DROP_BYTES } from '../../../src/state/droppedFilesSlice';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { revokeDroppedLayerUrls, withBlobUrls } from '../../../src/app/droppedLayerUrls';
import type { Catalog } from '../../../src/core/model/Catalog';

const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'a', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[10, 53.5], [10.01, 53.5], [10.01, 53.51], [10, 53.5]]] } },
  ],
});
const source = (name: string, text: string) => new File([text], name);

describe('droppedFilesSlice', () => {
  it('queues accepted files and refuses other endings and oversized files', () => {
    const store = createAppStore();
    store.getState().openDroppedFiles([source('a.geojson', geojson), source('plan.pdf', '%PDF'), { name: 'big.gml', size: MAX_DROP_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) }]);
    expect(store.getState().droppedFiles.map((f) => [f.name, f.status, f.error?.code])).toEqual([
      ['a.geojson', 'queued', undefined],
      ['plan.pdf', 'error', 'extension'],
      ['big.gml', 'error', 'tooLarge'],
    ]);
  });

  it('installs a converted file as layers of the one registry in "Eigene Dateien", flies there, keeps ids unique and removes cleanly', async () => {
    const store = createAppStore();
    const [a, b] = store.getState().openDroppedFiles([source('a.geojson', geojson), source('a.geojson', geojson)]);
    const result = await convertDroppedFile(new TextEncoder().encode(geojson), 'a.geojson');
    store.getState().droppedFileConverted(a, withBlobUrls(result));
    store.getState().droppedFileConverted(b, withBlobUrls(result));
    const s = store.getState();
    expect(s.droppedLayers.map((l) => [l.id, l.group.de, l.origin, l.fileId, s.layers[l.id]])).toEqual([
      ['drop-a', 'Eigene Dateien', 'dropped', a, { visible: true, opacity: 0.7 }],
      ['drop-a-2', 'Eigene Dateien', 'dropped', b, { visible: true, opacity: 0.7 }],
    ]);
    // The layer's data is served from its same-origin blob: url, as the scene and the worker load it.
    const url = s.droppedLayers[0].url;
    expect(url).toMatch(/^blob:/);
    const served = (await (await fetch(url)).json()) as GeoJSON.FeatureCollection;
    expect(served.features.map((f) => f.id)).toEqual(['a']);
    expect(s.droppedFiles.find((f) => f.id === a)).toMatchObject({ status: 'done', kind: 'geojson', layerIds: ['drop-a'], featureCount: 1 });
    expect(s.cameraRequest?.view).toEqual(cameraViewForBbox(result.report.bbox!));
    // Visibility and opacity are the registry's, as for any layer.
    s.setLayerOpacity('drop-a', 1.7);
    s.setLayerVisible('drop-a', false);
    expect(store.getState().layers['drop-a']).toEqual({ opacity: 1, visible: false });
    s.setLayerStatus('drop-a', { state: 'ready', featureCount: 1 });
    s.select({ layerId: 'drop-a', featureId: 'a', properties: { name: 'A' } });
    store.getState().removeDroppedFile(a);
    const after = store.getState();
    expect(after.droppedLayers.map((l) => l.id)).toEqual(['drop-a-2']);
    expect([after.layers['drop-a'], after.layerStatus['drop-a'], after.selection]).toEqual([undefined, undefined, undefined]);
    store.getState().removeDroppedLayer('drop-a-2');
    expect(store.getState().droppedFiles.find((f) => f.id === b)?.layerIds).toEqual([]);
  });

  it('dropped layers join allCatalogLayers after the catalog layers: attributions, selection and a later catalog see them', async () => {
    const store = createAppStore();
    const catalog: Catalog = {
      id: 'x', title: { de: 'X', en: 'X' }, crs: 'EPSG:25832', origin: [0, 0], viewpoints: [],
      home: { id: 'h', title: { de: 'h', en: 'h' }, lon: 10, lat: 53.5, height: 500, headingDeg: 0, pitchDeg: -45 },
      layers: [{ id: 'plan', title: { de: 'Plan', en: 'Plan' }, group: { de: 'P', en: 'P' }, type: 'geojson-polygons', url: 'plan.geojson', defaultVisible: true, attribution: '© Demo' }],
    };
    store.getState().setCatalog(catalog, '/data/x/catalog.json');
    const [a] = store.getState().openDroppedFiles([source('a.geojson', geojson)]);
    store.getState().droppedFileConverted(a, withBlobUrls(await convertDroppedFile(new TextEncoder().encode(geojson), 'a.geojson')));
    const s = store.getState();
    expect(allCatalogLayers(s).map((l) => [l.id, l.origin ?? 'catalog'])).toEqual([
      ['plan', 'catalog'],
      ['drop-a', 'dropped'],
    ]);
    // Memoized: the same array until a layer comes or goes.
    expect(allCatalogLayers(store.getState())).toBe(allCatalogLayers(s));
    expect(selectAttributions(s)).toEqual(['© Demo', 'a.geojson (Lizenz siehe Datenquelle)']);
    s.select({ layerId: 'drop-a', featureId: 'a', properties: undefined });
    expect(selectSelectedLayer(store.getState())?.id).toBe('drop-a');
    // Installing the catalog again keeps the dropped layer's settings.
    store.getState().setLayerOpacity('drop-a', 0.4);
    store.getState().setCatalog(catalog, '/data/x/catalog.json');
    expect(store.getState().layers['drop-a']).toEqual({ visible: true, opacity: 0.4 });
  });

  it('revokes the blob: url of a layer that leaves the registry', async () => {
    const store = createAppStore();
    const stop = revokeDroppedLayerUrls(store);
    const [a] = store.getState().openDroppedFiles([source('a.geojson', geojson)]);
    store.getState().droppedFileConverted(a, withBlobUrls(await convertDroppedFile(new TextEncoder().encode(geojson), 'a.geojson')));
    const url = store.getState().droppedLayers[0].url;
    expect((await fetch(url)).ok).toBe(true);
    store.getState().removeDroppedFile(a);
    await expect(fetch(url)).rejects.toThrow();
    stop();
  });

  it('asks for a CRS when a CityJSON file names none, and a retry queues the file again with it', async () => {
    const store = createAppStore();
    const text = JSON.stringify({ type: 'CityJSON', version: '1.1', transform: { scale: [1, 1, 1], translate: [0, 0, 0] }, CityObjects: {}, vertices: [] });
    const [id] = store.getState().openDroppedFiles([source('x.city.json', text)]);
    store.getState().droppedFileConverted(id, withBlobUrls(await convertDroppedFile(new TextEncoder().encode(text), 'x.city.json')));
    expect(store.getState().droppedFiles[0]).toMatchObject({ status: 'error', needsCrs: true, error: { code: 'nothing' } });
    store.getState().retryDroppedFile(id, 'EPSG:28992');
    expect(store.getState().droppedFiles[0]).toMatchObject({ status: 'queued', crs: 'EPSG:28992', needsCrs: false, issues: [] });
  });

  it('looks at a bbox from the south at 45°', () => {
    const v = cameraViewForBbox([9.98, 53.538, 9.996, 53.54]);
    expect(v.pitchDeg).toBe(-45);
    expect(v.lon).toBeCloseTo(9.988, 6);
    expect(v.lat).toBeLessThan(53.538);
    expect(v.height).toBeGreaterThan(300);
  });
});
