import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state';
import { FEEDBACK_LAYER_ID, feedbackScenarioState } from '../../../src/state/feedbackSlice';
import type { Catalog } from '../../../src/core/model/Catalog';
import { pinOf } from '../feedback/feedbackFixtures';

const layer = (id: string, defaultVisible: boolean) => ({ id, title: { de: id, en: id }, group: { de: 'g', en: 'g' }, type: 'geojson-polygons' as const, url: `${id}.geojson`, defaultVisible, attribution: '' });
const catalog: Catalog = {
  id: 'demo', title: { de: 'Demo', en: 'Demo' }, crs: 'EPSG:25832', origin: [0, 0],
  home: { id: 'home', title: { de: 'h', en: 'h' }, lon: 10, lat: 53.5, height: 500, headingDeg: 0, pitchDeg: -45 },
  viewpoints: [], layers: [layer('buildings', true), layer('trees', false), layer('bplan-baugebiete', true)],
};

describe('feedback slice', () => {
  it('imports pins from several kiosks merged by id; the feedback layer is one registry layer that keeps its settings', () => {
    const store = createAppStore();
    const a = pinOf('eins', '2026-06-01T10:00:00.000Z');
    const b = pinOf('zwei', '2026-06-01T11:00:00.000Z');
    expect(store.getState().importFeedbackPins([a])).toEqual({ added: 1, duplicates: 0 });
    const bHidden = { ...b, hidden: true, updatedAt: '2026-06-02T00:00:00.000Z' };
    expect(store.getState().importFeedbackPins([a, b, bHidden])).toEqual({ added: 1, duplicates: 2 });
    expect(store.getState().feedbackPins.map((p) => [p.text, p.hidden])).toEqual([['eins', false], ['zwei', true]]);
    store.getState().setFeedbackLayerUrl('blob:x1');
    store.getState().setLayerVisible(FEEDBACK_LAYER_ID, false);
    store.getState().setFeedbackLayerUrl('blob:x2');
    const layers = store.getState().droppedLayers.filter((l) => l.id === FEEDBACK_LAYER_ID);
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ url: 'blob:x2', origin: 'dropped', type: 'geojson-points' });
    expect(store.getState().layers[FEEDBACK_LAYER_ID].visible).toBe(false);
    store.getState().setFeedbackLayerUrl(null);
    expect(store.getState().droppedLayers).toEqual([]);
    expect(store.getState().layers[FEEDBACK_LAYER_ID]).toBeUndefined();
  });

  it('records the scenario state of the moment and restores it ("show what this person saw")', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog, 'data/demo/catalog.json');
    store.getState().setLang('en');
    store.getState().setTime(Date.parse('2026-03-21T11:00:00Z'));
    store.getState().cameraChanged({ lon: 10.01, lat: 53.51, height: 300, headingDeg: 10, pitchDeg: -30 });
    const st = feedbackScenarioState(store.getState());
    expect(st).toEqual({ datasetId: 'demo', planVersion: null, variantId: 'existing', camera: { lon: 10.01, lat: 53.51, height: 300, headingDeg: 10, pitchDeg: -30 }, sceneTime: '2026-03-21T11:00:00.000Z', visibleLayerIds: ['buildings', 'bplan-baugebiete'], language: 'en' });

    const pin = { ...pinOf('sah', '2026-06-01T10:00:00.000Z'), scenario: { ...st, visibleLayerIds: ['trees'], language: 'de', variantId: 'entwurf-x' } };
    store.getState().importFeedbackPins([pin]);
    store.getState().setTime(Date.parse('2026-12-21T08:00:00Z'));
    store.getState().showWhatPinSaw(pin.id);
    const s = store.getState();
    expect(s.lang).toBe('de');
    expect(s.timeMs).toBe(Date.parse('2026-03-21T11:00:00Z'));
    expect(catalog.layers.filter((l) => s.layers[l.id].visible).map((l) => l.id)).toEqual(['trees']);
    expect(s.cameraRequest).toMatchObject({ view: st.camera });
    // The variant is not in this browser: said, not guessed.
    expect(s.feedbackRestored).toEqual({ pinId: pin.id, gaps: ['variant'] });
  });
});
