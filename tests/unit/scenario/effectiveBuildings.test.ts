import { describe, expect, it } from 'vitest';
import type { BuildingCollection, BuildingFeature } from '../../../src/core/model/Building';
import { effectiveBuildings, PROPOSED_SOURCE } from '../../../src/core/scenario/effectiveBuildings';
import { exportProposedGeoJson } from '../../../src/core/scenario/exportProposedGeoJson';
import { rectangleFootprint, rotateBuilding, translateBuilding, footprintAreaM2, moveFootprintVertex } from '../../../src/core/scenario/transformBuilding';
import { building, HH } from './fixtures';

function existing(id: string, centre: [number, number], groundHeightM: number): BuildingFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [rectangleFootprint(centre, 10, 10)] },
    properties: { id, groundHeightM, heightM: 9, source: 'LoD2_test.gml' },
  };
}
const city: BuildingCollection = {
  type: 'FeatureCollection',
  features: [existing('DEHH_1', [HH[0] + 0.001, HH[1]], 6.5), existing('DEHH_2', [HH[0] - 0.01, HH[1]], 20), existing('DEHH_3', [HH[0], HH[1] + 0.002], 7)],
};

describe('effectiveBuildings', () => {
  it('returns the city unchanged for "Existing"', () => {
    expect(effectiveBuildings(city, null)).toBe(city);
  });

  it('drops demolished buildings and adds proposed ones with heights', () => {
    const b = building('p1', { storeys: 5, storeyHeightM: 3 }, { type: 'gabled', roofHeightM: 4, ridgeAzimuthDeg: 90 });
    const out = effectiveBuildings(city, { buildings: [b], demolishedIds: ['DEHH_3'] });
    expect(out.features.map((f) => f.properties.id)).toEqual(['DEHH_1', 'DEHH_2', 'p1']);
    expect(city.features).toHaveLength(3);
    const p = out.features[2].properties;
    expect(p).toMatchObject({ heightM: 19, eaveHeightM: 15, ridgeHeightM: 19, storeysAboveGround: 5, roofType: '3100', source: PROPOSED_SOURCE, function: '31001_1000' });
    // Ground from the nearest existing building (DEHH_1 is ~66 m away, DEHH_3 ~222 m).
    expect(p.groundHeightM).toBe(6.5);
    // Roof surfaces: planar triangles that cover the 240 m² footprint, between eave and ridge.
    expect(p.roofs!.length).toBeGreaterThanOrEqual(2);
    for (const r of p.roofs!) {
      expect(r).toHaveLength(4);
      for (const [, , z] of r) {
        expect(z).toBeGreaterThanOrEqual(15 - 1e-6);
        expect(z).toBeLessThanOrEqual(19 + 1e-6);
      }
    }
    const roofPlanArea = p.roofs!.reduce((s, r) => s + footprintAreaM2(r.map(([lon, lat]) => [lon, lat] as [number, number])), 0);
    expect(roofPlanArea).toBeCloseTo(240, 1);
  });

  it('keeps an explicit ground height and gives flat roofs no roof surfaces', () => {
    const out = effectiveBuildings(city, { buildings: [building('f', { groundHeightM: 3.2 })], demolishedIds: [] });
    const p = out.features[3].properties;
    expect(p.groundHeightM).toBe(3.2);
    expect(p.heightM).toBe(12);
    expect(p.roofs).toBeUndefined();
  });
});

describe('building edits in metres', () => {
  it('translate and rotate keep the footprint area; rotation turns the ridge', () => {
    const b = building('t', {}, { type: 'gabled', roofHeightM: 3, ridgeAzimuthDeg: 90 });
    expect(footprintAreaM2(b.footprint)).toBeCloseTo(240, 3);
    const moved = translateBuilding(b, 15, -4);
    expect(footprintAreaM2(moved.footprint)).toBeCloseTo(240, 3);
    const turned = rotateBuilding(b, 30);
    expect(footprintAreaM2(turned.footprint)).toBeCloseTo(240, 3);
    expect(turned.roof.ridgeAzimuthDeg).toBe(120);
    const back = rotateBuilding(turned, -30);
    back.footprint.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(b.footprint[i][0], 9);
      expect(p[1]).toBeCloseTo(b.footprint[i][1], 9);
    });
    const v = moveFootprintVertex(b, 0, b.footprint[1]);
    expect(v.footprint[0]).toEqual(v.footprint[4]);
  });

  it('exports proposed buildings as GeoJSON with heights and use', () => {
    const gj = exportProposedGeoJson({ name: 'A', buildings: [building('g', { use: 'office' }, { type: 'shed', roofHeightM: 2 })] });
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [building('g').footprint] });
    expect(gj.features[0].properties).toMatchObject({ id: 'g', heightM: 14, eaveHeightM: 12, use: 'office', storeyHeightM: 3, roofHeightM: 2, groundHeightM: 0 });
  });
});

describe('snapPoint', () => {
  it('snaps to a corner within tolerance, else to an edge, else not at all', async () => {
    const { snapPoint } = await import('../../../src/core/scenario/snapPoint');
    const { LocalFrame } = await import('../../../src/core/crs');
    const ring = rectangleFootprint(HH, 20, 12);
    const f = LocalFrame.around(HH);
    const c0 = f.toLocal(ring[0]);
    const near = f.toWgs84([c0[0] + 0.4, c0[1] + 0.3]);
    const r1 = snapPoint(near, [ring], 1);
    expect(r1.snapped).toBe('vertex');
    expect(f.toLocal(r1.point)[0]).toBeCloseTo(c0[0], 6);
    const mid = f.toWgs84([c0[0] + 10, c0[1] - 0.5]);
    const r2 = snapPoint(mid, [ring], 1);
    expect(r2.snapped).toBe('edge');
    expect(f.toLocal(r2.point)[1]).toBeCloseTo(c0[1], 6);
    expect(snapPoint(f.toWgs84([c0[0] + 10, c0[1] - 3]), [ring], 1)).toEqual({ point: f.toWgs84([c0[0] + 10, c0[1] - 3]), snapped: null });
  });
});
