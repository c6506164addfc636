import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state';
import { cameraViewForBbox, MAX_DROP_BYTES } from '../../../src/state/droppedFilesSlice';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';

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

  it('installs a converted file as layers in "Eigene Dateien", flies there, keeps ids unique and removes cleanly', async () => {
    const store = createAppStore();
    const [a, b] = store.getState().openDroppedFiles([source('a.geojson', geojson), source('a.geojson', geojson)]);
    const result = await convertDroppedFile(new TextEncoder().encode(geojson), 'a.geojson');
    store.getState().droppedFileConverted(a, result);
    store.getState().droppedFileConverted(b, result);
    const s = store.getState();
    expect(s.droppedLayers.map((l) => [l.def.id, l.def.group.de, l.data.features.length, l.visible])).toEqual([
      ['drop-a', 'Eigene Dateien', 1, true],
      ['drop-a-2', 'Eigene Dateien', 1, true],
    ]);
    expect(s.droppedFiles.find((f) => f.id === a)).toMatchObject({ status: 'done', kind: 'geojson', layerIds: ['drop-a'] });
    expect(s.cameraRequest?.view).toEqual(cameraViewForBbox(result.report.bbox!));
    s.setDroppedLayerOpacity('drop-a', 1.7);
    s.setDroppedLayerVisible('drop-a', false);
    expect(store.getState().droppedLayers[0]).toMatchObject({ opacity: 1, visible: false });
    store.getState().removeDroppedFile(a);
    expect(store.getState().droppedLayers.map((l) => l.def.id)).toEqual(['drop-a-2']);
    store.getState().removeDroppedLayer('drop-a-2');
    expect(store.getState().droppedFiles.find((f) => f.id === b)?.layerIds).toEqual([]);
  });

  it('asks for a CRS when a CityJSON file names none, and a retry queues the file again with it', async () => {
    const store = createAppStore();
    const text = JSON.stringify({ type: 'CityJSON', version: '1.1', transform: { scale: [1, 1, 1], translate: [0, 0, 0] }, CityObjects: {}, vertices: [] });
    const [id] = store.getState().openDroppedFiles([source('x.city.json', text)]);
    store.getState().droppedFileConverted(id, await convertDroppedFile(new TextEncoder().encode(text), 'x.city.json'));
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
