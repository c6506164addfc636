import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import type { Catalog } from '../../../src/core/model/Catalog';
import { createAppStore, type AppStore } from '../../../src/state';
import { compareSides, createSceneLayersSelector, selectProposedSpecs } from '../../../src/state/sceneLayers';

const HH: [number, number] = [9.9937, 53.5511];
const layer = (id: string, type: Catalog['layers'][number]['type']) => ({ id, title: { de: id, en: id }, group: { de: 'G', en: 'G' }, type, url: `${id}.json`, defaultVisible: true, attribution: '©' });
const catalog: Catalog = {
  id: 't', title: { de: 't', en: 't' }, crs: 'EPSG:25832', origin: [0, 0], viewpoints: [],
  home: { id: 'h', title: { de: 'h', en: 'h' }, lon: HH[0], lat: HH[1], height: 500, headingDeg: 0, pitchDeg: -45 },
  layers: [layer('buildings', '3dtiles'), layer('plan', 'geojson-polygons')],
};

/** A store with the catalog and two variants: A demolishes b1, B demolishes b2 and b3 and adds a building. */
function twoVariants(): { store: AppStore; a: string; b: string } {
  const store = createAppStore();
  store.getState().setCatalog(catalog, '/data/t/catalog.json');
  store.getState().addProposedBuilding(rectangleFootprint(HH, 20, 12));
  const a = store.getState().activeVariantId!;
  store.getState().demolishBuildings(['b1']);
  const b = store.getState().addVariant('B')!;
  store.getState().setActiveVariant(b);
  store.getState().demolishBuildings(['b3', 'b2']);
  store.getState().restoreBuildings(['b1']);
  return { store, a, b };
}

describe('scene-layer selector', () => {
  it('derives each layer look; only 3D Tiles layers carry demolitions', () => {
    const { store } = twoVariants();
    const specs = createSceneLayersSelector()(store.getState());
    expect(specs.map((x) => [x.def.id, x.look.visible, x.look.hiddenIds, x.look.twinHiddenIds])).toEqual([
      ['buildings', true, ['b2', 'b3'], undefined],
      ['plan', true, [], undefined],
    ]);
  });

  it('compare split: left side hides the left variant\'s demolitions, the twin the right one\'s; same variant on both sides is no split', () => {
    const { store, a, b } = twoVariants();
    const select = createSceneLayersSelector();
    store.getState().setScenarioCompare({ mode: 'split', left: a, right: b, swipe: 0.3 });
    const tiles = select(store.getState())[0].look;
    expect([tiles.hiddenIds, tiles.twinHiddenIds]).toEqual([['b1'], ['b2', 'b3']]);
    expect(compareSides(store.getState())).toMatchObject({ split: true, position: 0.3 });
    // Bestand (null) on the left: nothing hidden there.
    store.getState().setScenarioCompare({ left: null });
    expect(select(store.getState())[0].look.hiddenIds).toEqual([]);
    store.getState().setScenarioCompare({ left: b, right: b });
    const same = select(store.getState())[0].look;
    expect([same.hiddenIds, same.twinHiddenIds, compareSides(store.getState()).split]).toEqual([['b2', 'b3'], undefined, false]);
  });

  it('proposed buildings per side: left/right while split, else the shown variant only', () => {
    const { store, a, b } = twoVariants();
    expect([...selectProposedSpecs(store.getState()).keys()]).toEqual([]);
    store.getState().setActiveVariant(a);
    const id = store.getState().scenarios[0].variants[0].buildings[0].id;
    expect([...selectProposedSpecs(store.getState()).keys()]).toEqual([`none:${id}`]);
    store.getState().setScenarioCompare({ mode: 'swipe', left: a, right: b });
    expect([...selectProposedSpecs(store.getState()).keys()]).toEqual([`left:${id}`]);
  });

  it('memoized: a time step or an unrelated change keeps every spec, so a shallow subscriber is not called', () => {
    const { store } = twoVariants();
    const select = createSceneLayersSelector();
    const first = select(store.getState());
    store.getState().setTime(Date.parse('2026-06-21T10:00:00Z'));
    store.getState().setLang('en');
    const second = select(store.getState());
    expect(shallow(first, second)).toBe(true);
    // Changing one layer's opacity replaces only that layer's spec.
    store.getState().setLayerOpacity('plan', 0.5);
    const third = select(store.getState());
    expect(third[0]).toBe(second[0]);
    expect(third[1]).not.toBe(second[1]);
    expect(third[1].look.opacity).toBe(0.5);
    // Selecting a feature changes the look of its layer only.
    store.getState().select({ layerId: 'buildings', featureId: 'b9', properties: undefined });
    const fourth = select(store.getState());
    expect([fourth[0].look.selectedFeatureId, fourth[1]]).toEqual(['b9', third[1]]);
  });

  it('store.subscribe with the selector and shallow calls back only when the scene changes (20 time steps: 0 calls)', () => {
    const { store } = twoVariants();
    let calls = 0;
    const unsub = store.subscribe(createSceneLayersSelector(), () => calls++, { equalityFn: shallow });
    const t0 = Date.parse('2026-06-21T04:00:00Z');
    for (let i = 0; i < 20; i++) store.getState().setTime(t0 + i * 30 * 60_000);
    expect(calls).toBe(0);
    store.getState().setLayerVisible('plan', false);
    expect(calls).toBe(1);
    unsub();
  });
});
