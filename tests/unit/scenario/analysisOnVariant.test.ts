import { describe, expect, it } from 'vitest';
import { startAnalysisController } from '../../../src/app/analysisController';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { createAppStore } from '../../../src/state/createAppStore';
import { HH } from './fixtures';
import { connectAnalysisWorker } from '../analysis/analysisTestUtils';

const city: BuildingCollection = {
  type: 'FeatureCollection',
  features: ['A', 'B'].map((id, i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint([HH[0] + i * 0.001, HH[1] + 0.001], 10, 10)] }, properties: { id, groundHeightM: 5, heightM: 9, source: 't' } })),
};

describe('analyses run on the active variant', () => {
  it('the worker analyses existing − demolished + proposed buildings (sent as a handle, fetched once)', async () => {
    const store = createAppStore();
    store.getState().setCatalog({ id: 'd', title: { de: 'd', en: 'd' }, layers: [{ id: 'b', title: { de: 'b', en: 'b' }, type: 'geojson-polygons', url: 'buildings.geojson', role: 'buildingFootprints' }] } as never, 'http://x/data/d/catalog.json');
    // The worker holds the dataset: it fetches the city once and applies each variant itself.
    const fetched: string[] = [];
    const w = connectAnalysisWorker(async (u) => (fetched.push(u), structuredClone(city)));
    const sent: string[][] = [];
    const prepare = w.datasets.prepare;
    (w.datasets as { prepare: typeof prepare }).prepare = (features, frame) => {
      sent.push(features.map((f) => f.properties.id));
      return prepare(features, frame);
    };
    const stop = startAnalysisController(store, w.rpc);
    const s = store.getState;
    const done = () => new Promise<void>((resolve) => { const u = store.subscribe((st) => { if (st.analysisStatus !== 'running') { u(); resolve(); } }); });

    s().requestAnalysis();
    await done();
    expect(sent.at(-1)).toEqual(['A', 'B']);

    const id = s().addProposedBuilding(rectangleFootprint(HH, 20, 12))!;
    s().demolishBuildings(['B']);
    s().requestAnalysis();
    await done();
    expect(sent.at(-1)).toEqual(['A', id]);

    s().setActiveVariant(null); // Existing
    s().requestAnalysis();
    await done();
    expect(sent.at(-1)).toEqual(['A', 'B']);
    expect(fetched).toEqual(['http://x/data/d/buildings.geojson']);
    stop();
    w.close();
  });
});
