import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { computeOverlaps, prepareLayer, type PolygonLayer } from '../../../src/core/analysis';
import { generateTiling } from '../../../scripts/bench/support/generateLayers';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import { planarGeometryArea as planarArea } from '../../../src/core/geometry/signedRingArea';

const centre: [number, number] = [9.99, 53.55];
const frame = LocalFrame.around(centre);

/** A polygon feature from local-metre rings. */
function poly(id: string, group: string, ...rings: number[][][]): GeoJSON.Feature {
  return { type: 'Feature', properties: { id, g: group }, geometry: { type: 'Polygon', coordinates: rings.map((r) => [...r, r[0]].map((p) => frame.toWgs84(p))) } };
}
const sq = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
const hole = (x: number, y: number, s: number) => [[x, y], [x, y + s], [x + s, y + s], [x + s, y]];

function pathsOf(l: PolygonLayer, S = 10000): Paths64 {
  return l.items.flatMap((it) => it.polygons.flatMap((p) => p.map((r) => Array.from({ length: r.length / 2 }, (_, i) => ({ x: Math.round(r[2 * i] * S), y: Math.round(r[2 * i + 1] * S) })))));
}

describe('computeOverlaps', () => {
  it('computes hand-made cases: offset squares, a square with a hole, a multipolygon, containment and a parcel in a hole', () => {
    const a = prepareLayer(
      [
        poly('a1', 'WA', sq(0, 0, 10)),
        poly('a2', 'GE', sq(100, 0, 20), hole(105, 5, 10)),
        { type: 'Feature', properties: { id: 'a3', g: 'MI' }, geometry: { type: 'MultiPolygon', coordinates: [[sq(200, 0, 10)], [sq(220, 0, 10)]].map((p) => p.map((r) => [...r, r[0]].map((q) => frame.toWgs84(q)))) } },
        poly('a4', 'WA', sq(302, 2, 4)),
        poly('a5', 'WA', sq(406, 6, 8)),
      ],
      frame,
      'g',
    );
    const b = prepareLayer(
      [
        poly('b1', 'LSG', sq(5, 5, 10)),
        poly('b2', 'LSG', sq(110, 0, 20)),
        poly('b3', 'NSG', [[205, 2], [225, 2], [225, 4], [205, 4]]),
        poly('b4', 'NSG', sq(300, 0, 10)),
        poly('b5', 'NSG', sq(400, 0, 20), hole(405, 5, 10)),
      ],
      frame,
      'g',
    );
    const r = computeOverlaps(a, b);
    const by = Object.fromEntries(r.pairs.map((p) => [`${p.aId}-${p.bId}`, p]));
    // The WGS84 round trip moves vertices by < 0.1 mm: compare to 1e-3 m².
    expect(by['a1-b1'].areaM2).toBeCloseTo(25, 3);
    expect(by['a1-b1'].shareOfA).toBeCloseTo(0.25, 5);
    // 20×20 minus hole 10×10; B covers x 110–130: 10×20 minus the hole's part x 110–115 (5×10) = 150.
    expect(by['a2-b2'].areaM2).toBeCloseTo(150, 3);
    expect(by['a2-b2'].shareOfA).toBeCloseTo(150 / 300, 5);
    // Multipolygon: strip y 2–4 over x 205–210 and 220–225 = 10 + 10.
    expect(by['a3-b3'].areaM2).toBeCloseTo(20, 3);
    expect(by['a3-b3'].shareOfB).toBeCloseTo(20 / 40, 5);
    // Containment fast path: a4 wholly inside b4.
    expect(by['a4-b4'].areaM2).toBeCloseTo(16, 3);
    expect(by['a4-b4'].shareOfA).toBeCloseTo(1, 6);
    // a5 (406–414) around b5's hole (405–415) → overlap = 0: no pair.
    expect(by['a5-b5']).toBeUndefined();
    expect(r.pairs).toHaveLength(4);
    expect(r.fastPathPairs).toBeGreaterThanOrEqual(2);
    const wa = r.groups.find((g) => g.aGroup === 'WA' && g.bGroup === 'LSG')!;
    expect(wa.areaM2).toBeCloseTo(25, 3);
  });

  it('loses and double-counts nothing: sum of pair overlaps = area(union A ∩ union B), and each pair equals turf.intersect', () => {
    const parcels = generateTiling({ centre, sizeM: 400, nx: 30, ny: 28, seed: 3, holeEvery: 17, idPrefix: 'p' });
    const zones = generateTiling({ centre: [9.9905, 53.5503], sizeM: 330, nx: 4, ny: 3, seed: 5, edgeDetail: 25, holeEvery: 5, groups: ['WA', 'MI', 'GE'], idPrefix: 'z' });
    const a = prepareLayer(parcels.features, frame, 'group');
    const b = prepareLayer(zones.features, frame, 'group');
    const r = computeOverlaps(a, b);
    expect(r.pairs.length).toBeGreaterThan(600);
    expect(r.fastPathPairs).toBeGreaterThan(300);
    expect(r.clippedPairs).toBeGreaterThan(100);
    const S = 10000;
    const inter = Clipper.intersect(Clipper.union(pathsOf(a), FillRule.NonZero), Clipper.union(pathsOf(b), FillRule.NonZero), FillRule.NonZero);
    const expected = Clipper.areaPaths(inter) / (S * S);
    // The reference itself is computed on a 0.1 mm grid.
    expect(Math.abs(r.totalAreaM2 - expected) / expected).toBeLessThan(1e-6);
    // Second clipper: turf.intersect (polyclip-ts) in the same local metres, on every 7th pair.
    const toTurf = (it: PolygonLayer['items'][number]) => turf.polygon(it.polygons[0].map((ring) => { const o: number[][] = []; for (let i = 0; i < ring.length; i += 2) o.push([ring[i], ring[i + 1]]); o.push(o[0]); return o; }));
    const ai = new Map(a.items.map((x) => [x.index, x])), bi = new Map(b.items.map((x) => [x.index, x]));
    let checked = 0;
    for (const p of r.pairs.filter((_, k) => k % 7 === 0)) {
      const t = turf.intersect(turf.featureCollection([toTurf(ai.get(p.aIndex)!), toTurf(bi.get(p.bIndex)!)]));
      const area = t ? planarArea(t.geometry) : 0;
      // Clipper works on a 0.1 mm grid: pairs agree to about 1e-3 m².
      expect(Math.abs(area - p.areaM2)).toBeLessThan(1e-3 + 1e-6 * p.areaM2);
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });
});

