import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import {
  computeShadows,
  fillConvex,
  fillPolygon,
  prepareBuildings,
  rasterizeShadows,
  stepAt,
  trueNorthGridAngleDeg,
} from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { planarGeometryArea as planarArea } from '../../../src/core/geometry/signedRingArea';

const centre: [number, number] = [9.99, 53.55];

describe('computeShadows', () => {
  it('casts the exact prism shadow of a box: a² + a·(|dx| + |dy|)', () => {
    const frame = LocalFrame.around(centre);
    const ring = [[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]].map((p) => frame.toWgs84(p));
    const fc: BuildingCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'b', groundHeightM: 0, heightM: 20, source: 't' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
    const { solids } = prepareBuildings(fc.features, frame);
    const t = Date.parse('2026-03-20T15:00:00+01:00');
    const r = computeShadows(solids, { timeMs: t, frame });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    const s = stepAt(t, ...(frame.toWgs84([0, 0]) as [number, number]), trueNorthGridAngleDeg(frame));
    const dx = s.sx * 20, dy = s.sy * 20;
    // Shadow length = h / tan(altitude).
    expect(Math.hypot(dx, dy)).toBeCloseTo(20 / Math.tan((r.altitudeDeg * Math.PI) / 180), 6);
    // The footprint ring went through WGS84 and back (sub-mm changes): 1e-4 relative.
    expect(r.unionAreaM2 / (100 + 10 * (Math.abs(dx) + Math.abs(dy)))).toBeCloseTo(1, 4);
    // Afternoon: the shadow falls to the north-east.
    expect(dx).toBeGreaterThan(0);
    expect(dy).toBeGreaterThan(0);
  });

  it("returns 'sun below horizon' below 1° instead of endless shadows", () => {
    const frame = LocalFrame.around(centre);
    const fc = generateDistrict({ centre, sizeM: 50, count: 4 });
    const { solids } = prepareBuildings(fc.features, frame);
    expect(computeShadows(solids, { timeMs: Date.parse('2026-03-20T23:00:00+01:00'), frame }).status).toBe('sun-below-horizon');
    // 20 March, Hamburg: sunrise ≈ 06:21 local; at 06:25 the sun is still below 1°.
    expect(computeShadows(solids, { timeMs: Date.parse('2026-03-20T06:25:00+01:00'), frame }).status).toBe('sun-below-horizon');
    expect(computeShadows(solids, { timeMs: Date.parse('2026-03-20T07:00:00+01:00'), frame }).status).toBe('ok');
  });

  it('union area equals the rasterised shadow area within 1 % and turf.union within 1e-6', () => {
    const frame = LocalFrame.around(centre);
    const fc = generateDistrict({ centre, sizeM: 150, count: 100, seed: 11 });
    const { solids } = prepareBuildings(fc.features, frame);
    for (const iso of ['2026-03-20T10:00:00+01:00', '2026-06-21T18:30:00+02:00']) {
      const t = Date.parse(iso);
      const r = computeShadows(solids, { timeMs: t, frame });
      if (r.status !== 'ok') throw new Error('sun up expected');
      const s = stepAt(t, ...(frame.toWgs84([0, 0]) as [number, number]), trueNorthGridAngleDeg(frame));
      const cell = 0.25;
      const grid = { x0: -400, y0: -400, cellM: cell, nx: 3200, ny: 3200 };
      const mask = new Uint8Array(grid.nx * grid.ny);
      rasterizeShadows(solids, grid, s.sx, s.sy, mask);
      const rasterArea = mask.reduce((a, v) => a + v, 0) * cell * cell;
      expect(Math.abs(rasterArea - r.unionAreaM2) / r.unionAreaM2).toBeLessThan(0.01);
      const polys = r.buildings.flatMap((b) => b.pieces).map((p) => turf.polygon(p.map((ring) => closeRing(ring))));
      const u = turf.union(turf.featureCollection(polys))!;
      const turfArea = planarArea(u.geometry);
      expect(Math.abs(turfArea - r.unionAreaM2) / r.unionAreaM2).toBeLessThan(1e-6);
    }
  });
});

describe('scanline fill', () => {
  it('fills a triangle and a polygon with a hole by cell centres, convex fast path identical', () => {
    const grid = { x0: 0, y0: 0, cellM: 1, nx: 20, ny: 20 };
    const tri = new Float64Array([1, 1, 17, 3, 6, 15]);
    const a = new Uint8Array(400), b = new Uint8Array(400);
    fillPolygon(a, grid, [tri]);
    fillConvex(b, grid, tri);
    expect(Array.from(a)).toEqual(Array.from(b));
    // Triangle area 1/2·|16·14 − 2·5| = 107; centre sampling is close.
    const n = a.reduce((s, v) => s + v, 0);
    expect(Math.abs(n - 107)).toBeLessThan(12);
    const outer = new Float64Array([2, 2, 18, 2, 18, 18, 2, 18]);
    const hole = new Float64Array([6, 6, 6, 14, 14, 14, 14, 6]);
    const c = new Uint8Array(400);
    expect(fillPolygon(c, grid, [outer, hole])).toBe(256 - 64);
  });
});

function closeRing(r: Float64Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
  out.push(out[0]);
  return out;
}

