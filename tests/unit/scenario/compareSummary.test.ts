import { describe, expect, it } from 'vitest';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { compareAnalysis } from '../../../src/core/analysis/compare/compareAnalysis';
import { runCompliance, runSunHoursSync } from '../../../src/core/analysis/runAnalysis';
import { effectiveBuildings } from '../../../src/core/scenario/effectiveBuildings';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { LocalFrame } from '../../../src/core/crs';
import { createAppStore } from '../../../src/state';
import { building, HH } from './fixtures';

const f = LocalFrame.around(HH);
const at = (dx: number, dy: number): [number, number] => {
  const [x, y] = f.toLocal(HH);
  return f.toWgs84([x + dx, y + dy]);
};
// OLD1: 5 storeys on a Baugebiet allowing 4 (a conflict the variant resolves by demolishing it).
const city: BuildingCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(-30, 0), 10, 10)] }, properties: { id: 'OLD1', groundHeightM: 8, heightM: 15, storeysAboveGround: 5, source: 't' } }],
};
const plan: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(-10, 0), 80, 50)] },
      properties: { id: 'GML_1a0d', gliederung1: 'WA 1', featureClass: 'BP_BaugebietsTeilFlaeche', landUse: 'WA', grz: 0.4, gfz: 1.2, maxStoreys: 4 },
    },
  ],
};
const zone = (id: string, name: string, x: number, y: number): GeoJSON.Feature => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(x, y), 20, 10)] }, properties: { id, name } });
const playgrounds: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [zone('SPI1', 'Spielplatz Lindenhof', 0, 20), zone('SPI2', 'Spielplatz Süd', 0, -30)] };
const green: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [zone('GR1', 'Mühlenpark', 30, 25)] };

describe('compare summary: what the planner reads before → after', () => {
  const variant = { buildings: [building('NEW', { storeys: 6 })], demolishedIds: ['OLD1'] };
  const sun = { date: '2026-03-21', cellM: 2, stepMin: 20, marginM: 40 };
  const req = compareAnalysis.buildRequest({ buildings: city, plan, zoneLayers: [{ layerId: 'playgrounds', fc: playgrounds }, { layerId: 'green', fc: green }] }, { before: null, after: variant, sun });
  const result = (async () => compareAnalysis.summarise(await compareAnalysis.run(req, { signal: new AbortController().signal, progress: () => undefined }), req))();

  it('names Baugebiete as the plan does and counts buildings, floor area and conflicts new and resolved', async () => {
    const s = await result;
    expect(s.labels).toEqual({ GML_1a0d: 'WA 1' });
    expect(s.totals.buildingsBefore).toBe(1);
    expect(s.totals.buildingsAfter).toBe(1);
    // Equal to the compliance analysis run on each side on its own.
    const gf = (b: BuildingCollection) => runCompliance({ buildings: b, plan }).find((a) => a.kind === 'baugebiet')!.rules.find((r) => r.rule === 'GF')!.value!;
    expect(s.totals.gfBeforeM2).toBeCloseTo(gf(effectiveBuildings(city, null)), 6);
    expect(s.totals.gfAfterM2).toBeCloseTo(gf(effectiveBuildings(city, variant)), 6);
    // By hand: 10 m × 10 m × 5 storeys = 500 m² before; the new block (fixtures: 240 m²) × 6 storeys after.
    expect(s.totals.gfBeforeM2).toBeCloseTo(500, 0);
    expect(s.totals.gfAfterM2).toBeCloseTo(240 * 6, 0);
    // 5 storeys before and 6 after against 4 allowed: still exceeded, neither new nor resolved.
    expect(s.newConflicts).toEqual([]);
    expect(s.resolvedConflicts).toEqual([]);
    // A 4-storey block instead resolves the conflict; the other way round it is new.
    const low = { buildings: [building('NEW', { storeys: 4 })], demolishedIds: ['OLD1'] };
    const run = async (before: typeof low | null, after: typeof low | null) => {
      const r = compareAnalysis.buildRequest({ buildings: city, plan }, { before, after });
      return compareAnalysis.summarise(await compareAnalysis.run(r, { signal: new AbortController().signal, progress: () => undefined }), r);
    };
    const fixed = await run(null, low);
    expect(fixed.resolvedConflicts).toEqual([{ areaId: 'GML_1a0d', rule: 'storeys' }]);
    expect(fixed.newConflicts).toEqual([]);
    expect((await run(low, null)).newConflicts).toEqual([{ areaId: 'GML_1a0d', rule: 'storeys' }]);
  });

  it('sun per group equals the sun-hours analysis of each side, area-weighted; zones carry their names', async () => {
    const s = await result;
    expect(s.sunMarginM).toBe(40);
    expect(s.zoneNames['playgrounds:SPI1']).toBe('Spielplatz Lindenhof');
    const opts = req.opts.sun!;
    const side = (b: BuildingCollection) => runSunHoursSync({ buildings: b, date: opts.date, bbox: opts.bbox, cellM: opts.cellM, stepMin: opts.stepMin, zones: opts.zones, zoneGroupBy: opts.zoneGroupBy });
    const before = side(effectiveBuildings(city, null)).zones!;
    const after = side(effectiveBuildings(city, variant)).zones!;
    for (const group of ['playgrounds', 'green']) {
      const g = s.sunGroups.find((x) => x.group === group)!;
      const agg = (zs: typeof before, k: 'meanSunHours' | 'shareAtLeast2h') => {
        const own = zs.filter((z) => z.group === group && z.groundAreaM2 > 0);
        return own.reduce((a, z) => a + z[k]! * z.groundAreaM2, 0) / own.reduce((a, z) => a + z.groundAreaM2, 0);
      };
      expect(g.meanBefore).toBeCloseTo(agg(before, 'meanSunHours'), 9);
      expect(g.meanAfter).toBeCloseTo(agg(after, 'meanSunHours'), 9);
      expect(g.share2hBefore).toBeCloseTo(agg(before, 'shareAtLeast2h'), 9);
      expect(g.share2hAfter).toBeCloseTo(agg(after, 'shareAtLeast2h'), 9);
    }
    // The playground north of the new 18 m block loses sun.
    const pg = s.sunGroups.find((x) => x.group === 'playgrounds')!;
    expect(pg.meanAfter!).toBeLessThan(pg.meanBefore! - 0.5);
  });
});

describe('opening the comparison', () => {
  it('starts with Bestand on the left and the active variant on the right; a later change of mode keeps the sides', () => {
    const store = createAppStore();
    store.getState().createScenario();
    const v = store.getState().activeVariantId;
    expect(v).not.toBeNull();
    store.getState().setScenarioCompare({ mode: 'split' });
    expect(store.getState().scenarioCompare).toMatchObject({ mode: 'split', left: null, right: v });
    store.getState().setScenarioCompare({ left: v, right: null });
    store.getState().setScenarioCompare({ mode: 'swipe' });
    expect(store.getState().scenarioCompare).toMatchObject({ mode: 'swipe', left: v, right: null });
    store.getState().setScenarioCompare({ mode: 'off' });
    store.getState().setScenarioCompare({ mode: 'swipe' });
    expect(store.getState().scenarioCompare).toMatchObject({ left: null, right: v });
  });
});
