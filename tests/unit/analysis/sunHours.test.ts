import { describe, expect, it } from 'vitest';
import {
  buildingMask,
  computeSunHours,
  gridForBbox,
  prepareBuildings,
  prepareLayer,
  sunHoursAtPoints,
  zoneSunStatistics,
} from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { compareWithRayCast } from './referenceSunHours';

const centre: [number, number] = [9.99, 53.55];

/** A box building of w × d metres and height h centred at local (cx, cy). */
function box(frame: LocalFrame, id: string, cx: number, cy: number, w: number, d: number, h: number): BuildingCollection['features'][number] {
  const ring = [
    [cx - w / 2, cy - d / 2],
    [cx + w / 2, cy - d / 2],
    [cx + w / 2, cy + d / 2],
    [cx - w / 2, cy + d / 2],
    [cx - w / 2, cy - d / 2],
  ].map((p) => frame.toWgs84(p));
  return { type: 'Feature', properties: { id, groundHeightM: 10, heightM: h, source: 'test' }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('computeSunHours', () => {
  it('agrees with the ray-cast reference on ≥ 99.9 % of ground cells of a generated district (prisms, L-shapes, courtyards, LoD2 gables), the rest within one step', () => {
    const district = generateDistrict({ centre, sizeM: 240, count: 400, seed: 7 });
    const frame = LocalFrame.around(centre);
    const { solids, skipped } = prepareBuildings(district.features, frame);
    expect(skipped).toEqual([]);
    expect(solids.filter((s) => s.lod2).length).toBeGreaterThan(80);
    for (const date of ['2026-03-20', '2026-06-21', '2026-12-21']) {
      const grid = { x0: -130, y0: -130, cellM: 1.5, nx: 174, ny: 174 };
      const r = computeSunHours(solids, { date, grid, frame, stepMin: 15 });
      const c = compareWithRayCast(solids, r, frame);
      expect(c.cells).toBeGreaterThan(15000);
      expect(c.share).toBeGreaterThanOrEqual(0.999);
      expect(c.maxStepDiff).toBeLessThanOrEqual(1);
    }
  });

  it('gives an open field the whole day with the sun above 1°, and marks building cells', () => {
    const frame = LocalFrame.around(centre);
    const fc: BuildingCollection = { type: 'FeatureCollection', features: [box(frame, 'a', 0, 0, 10, 10, 12)] };
    const { solids } = prepareBuildings(fc.features, frame);
    const grid = gridForBbox(frame, [9.9885, 53.5495, 9.9915, 53.5505], 1);
    const r = computeSunHours(solids, { date: '2026-03-20', grid, frame, stepMin: 5 });
    const upHours = r.steps.filter((s) => s.up).length * r.stepHours;
    // Cell far south-west of the building: full sun.
    const k0 = 0;
    expect(r.sunHours[k0]).toBeCloseTo(upHours, 6);
    expect(upHours).toBeGreaterThan(11.5);
    expect(upHours).toBeLessThan(12.3);
    // Cells inside the footprint are marked and have no sun value.
    const m = buildingMask(solids, grid);
    const inside = m.reduce((s, v) => s + v, 0);
    expect(inside).toBe(100);
    for (let k = 0; k < m.length; k++) if (m[k]) expect(Number.isNaN(r.sunHours[k])).toBe(true);
    // Right north of the building: shaded around noon, so clearly fewer hours.
    const [nx, ny] = frame.toLocal(frame.toWgs84([0, 6.5]));
    const i = Math.floor((nx - grid.x0) / grid.cellM), j = Math.floor((ny - grid.y0) / grid.cellM);
    expect(r.sunHours[j * grid.nx + i]).toBeLessThan(upHours - 4);
  });

  it('computes per-polygon statistics (mean, ≥ 2 h and ≥ 4 h shares)', () => {
    const frame = LocalFrame.around(centre);
    const fc: BuildingCollection = { type: 'FeatureCollection', features: [box(frame, 'tower', 0, 0, 20, 20, 60)] };
    const { solids } = prepareBuildings(fc.features, frame);
    const grid = { x0: -100, y0: -100, cellM: 2, nx: 100, ny: 100 };
    const r = computeSunHours(solids, { date: '2026-03-20', grid, frame, stepMin: 10 });
    const square = (x0: number, y0: number, s: number): GeoJSON.Feature => ({
      type: 'Feature',
      properties: { id: `p${x0}_${y0}`, kind: 'playground' },
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]].map((p) => frame.toWgs84(p))] },
    });
    const zones = prepareLayer([square(-10, 12, 20), square(-40, -60, 20)], frame, 'kind');
    const stats = zoneSunStatistics(r, zones);
    expect(stats[0].groundCells).toBe(100);
    expect(stats[0].groundAreaM2).toBe(400);
    // North of the 60 m tower: much less sun than the open square south-west of it.
    expect(stats[0].meanSunHours!).toBeLessThan(stats[1].meanSunHours! - 3);
    expect(stats[1].shareAtLeast4h).toBe(1);
    // Cross-check the mean by hand over the same cells.
    let sum = 0, n = 0;
    for (let j = 0; j < grid.ny; j++)
      for (let i = 0; i < grid.nx; i++) {
        const x = grid.x0 + (i + 0.5) * 2, y = grid.y0 + (j + 0.5) * 2;
        if (x > -10 && x < 10 && y > 12 && y < 32) {
          sum += r.sunHours[j * grid.nx + i];
          n++;
        }
      }
    expect(stats[0].meanSunHours).toBeCloseTo(sum / n, 9);
  });
});

describe('sunHoursAtPoints (façades)', () => {
  it('counts sun only in front of a façade and lets a neighbour block it (daylight check ≥ 1.5 h on 21 March)', () => {
    const frame = LocalFrame.around(centre);
    // Building A with a south façade at y = −5; a 15 m block B 12 m to the south.
    const fc: BuildingCollection = {
      type: 'FeatureCollection',
      features: [box(frame, 'A', 0, 0, 20, 10, 15), box(frame, 'B', 0, -22, 40, 10, 15)],
    };
    const { solids } = prepareBuildings(fc.features, frame);
    const at = (x: number, y: number) => frame.toWgs84([x, y]) as [number, number];
    const pts = [
      { id: 'south-ground-floor', lonLat: at(0, -5), heightM: 1.5, facadeAzimuthDeg: 180 },
      { id: 'south-top-floor', lonLat: at(0, -5), heightM: 13.5, facadeAzimuthDeg: 180 },
      { id: 'north', lonLat: at(0, 5), heightM: 1.5, facadeAzimuthDeg: 0 },
      { id: 'east', lonLat: at(10, 0), heightM: 1.5, facadeAzimuthDeg: 90 },
    ];
    const r = sunHoursAtPoints(solids, pts, { date: '2026-03-21', frame, stepMin: 10, thresholdHours: 1.5 });
    const by = Object.fromEntries(r.map((x) => [x.id, x]));
    expect(by['south-top-floor'].sunHours).toBeGreaterThan(by['south-ground-floor'].sunHours + 2);
    expect(by['south-top-floor'].meetsThreshold).toBe(true);
    expect(by.north.sunHours).toBeLessThan(0.5);
    expect(by.north.meetsThreshold).toBe(false);
    // East façade: sun in the morning only (about half the day).
    expect(by.east.sunHours).toBeGreaterThan(4);
    expect(by.east.sunHours).toBeLessThan(7);
  });
});
