import { describe, expect, it } from 'vitest';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { compareVariants } from '../../../src/core/analysis/compare/compareVariants';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { LocalFrame } from '../../../src/core/crs';
import { building, HH } from './fixtures';

const f = LocalFrame.around(HH);
const at = (dx: number, dy: number): [number, number] => {
  const [x, y] = f.toLocal(HH);
  return f.toWgs84([x + dx, y + dy]);
};
const city: BuildingCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(-30, 0), 10, 10)] }, properties: { id: 'OLD1', groundHeightM: 8, heightM: 9, storeysAboveGround: 3, source: 't' } },
  ],
};
const plan: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(-10, 0), 80, 50)] },
      properties: { id: 'WA1', featureClass: 'BP_BaugebietsTeilFlaeche', landUse: 'WA', grz: 0.4, gfz: 1.2, maxStoreys: 4 },
    },
  ],
};
const playground: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(0, 20), 20, 10)] }, properties: { id: 'SPI1', kind: 'playground' } }],
};

describe('compareVariants', () => {
  const variant = { buildings: [building('NEW', { storeys: 6 })], demolishedIds: ['OLD1'] };

  it('gives GRZ, GFZ, storeys before → after per Baugebiet and flags new conflicts', () => {
    const c = compareVariants(city, null, variant, { plan });
    expect(c.addedBuildingIds).toEqual(['NEW']);
    expect(c.removedBuildingIds).toEqual(['OLD1']);
    const wa = c.areas.find((a) => a.areaId === 'WA1')!;
    expect(wa.plotAreaM2).toBeCloseTo(4000, 0);
    const rule = (r: string) => wa.rules.find((x) => x.rule === r)!;
    expect(rule('GRZ').before).toBeCloseTo(100 / 4000, 4);
    expect(rule('GRZ').after).toBeCloseTo(240 / 4000, 4);
    expect(rule('GFZ').after).toBeCloseTo((240 * 6) / 4000, 3);
    expect(rule('storeys')).toMatchObject({ before: 3, after: 6, limit: 4, statusBefore: 'ok', statusAfter: 'exceeded', newConflict: true });
    expect(c.newConflicts).toEqual([{ areaId: 'WA1', rule: 'storeys' }]);
    // Comparing a variant with itself changes nothing.
    const same = compareVariants(city, variant, variant, { plan });
    expect(same.newConflicts).toEqual([]);
    expect(same.addedBuildingIds).toEqual([]);
  });

  it('sun-hour change: the playground north of the new 18 m block loses sun on 21 March', () => {
    const bbox: [number, number, number, number] = [at(-50, -40)[0], at(-50, -40)[1], at(50, 40)[0], at(50, 40)[1]];
    const c = compareVariants(city, null, variant, { sun: { date: '2026-03-21', bbox, cellM: 2, stepMin: 20, zones: playground } });
    const z = c.sun!.zones[0];
    expect(z.id).toBe('SPI1');
    expect(z.meanSunHoursBefore!).toBeGreaterThan(z.meanSunHoursAfter! + 1);
    expect(z.deltaHours!).toBeLessThan(-1);
    expect(c.sun!.minDeltaHours).toBeLessThan(-1);
    // Demolishing OLD1 gains sun where its shadow fell.
    expect(c.sun!.maxDeltaHours).toBeGreaterThan(0.5);
    expect(c.sun!.deltaHours.length).toBe(c.sun!.grid.nx * c.sun!.grid.ny);
  });

  it('façades: the south wall of a neighbour north of the new block loses sun, its north wall does not change', () => {
    const neighbour: BuildingCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [rectangleFootprint(at(0, 30), 20, 10)] }, properties: { id: 'NB', groundHeightM: 8, heightM: 12, source: 't' } }],
    };
    const bbox: [number, number, number, number] = [at(-60, -60)[0], at(-60, -60)[1], at(60, 60)[0], at(60, 60)[1]];
    const c = compareVariants(neighbour, null, { buildings: [building('NEW', { storeys: 6 })], demolishedIds: [] }, { sun: { date: '2026-03-21', bbox, cellM: 4, stepMin: 20 } });
    const f = c.sun!.facades;
    expect(f).toHaveLength(4);
    expect(new Set(f.map((x) => x.buildingId))).toEqual(new Set(['NB']));
    const south = f.find((x) => Math.abs(x.azimuthDeg - 180) < 2)!;
    const northWall = f.find((x) => x.azimuthDeg < 2 || x.azimuthDeg > 358)!;
    expect(south.sunHoursBefore).toBeGreaterThan(8);
    expect(south.deltaHours).toBeLessThan(-2); // measured −3.0 h: 18 m block 19 m south, noon sun 36° high
    expect(northWall.deltaHours).toBeCloseTo(0, 6);
    expect(f[0]).toBe(south); // biggest loss first
  });
});
