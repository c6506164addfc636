import { area as turfArea, booleanPointInPolygon, kinks, point, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { findSelfIntersection } from '../../../src/core/geometry/findSelfIntersection';
import { openFlatRing, openRing } from '../../../src/core/geometry/openRing';
import { pointInFlatRings, pointInRing } from '../../../src/core/geometry/pointInRing';
import { reverseFlatRing } from '../../../src/core/geometry/reverseRing';
import { signedFlatRingArea, signedRingArea } from '../../../src/core/geometry/signedRingArea';

/** Deterministic pseudo-random star polygons (simple by construction: angles increase). */
function star(seed: number, n: number, cx = 565_000, cy = 5_933_000): [number, number][] {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const ring: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const r = 20 + 30 * rnd();
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return ring;
}

describe('ring primitives (src/core/geometry)', () => {
  it('shoelace areas agree with a hand calculation and between point and flat rings', () => {
    expect(signedRingArea([[0, 0], [2, 0], [2, 1], [0, 1]])).toBe(2);
    expect(signedRingArea([[0, 0], [0, 1], [2, 1], [2, 0], [0, 0]])).toBe(-2);
    expect(signedFlatRingArea([0, 0, 2, 0, 2, 1, 0, 1])).toBe(2);
    for (let seed = 1; seed < 20; seed++) {
      const ring = star(seed, 7 + seed);
      const local = ring.map(([x, y]) => [x - 565_000, y - 5_933_000]);
      expect(signedRingArea(ring)).toBeCloseTo(signedFlatRingArea(local.flat()), 6);
      expect(signedRingArea(ring)).toBeGreaterThan(0);
    }
  });

  it('shoelace area on small degree-sized rings matches turf up to the projection scale', () => {
    // turf.area is geodesic; on a 1 m-scale equatorial square the ratio is the metres-per-degree squared.
    const sq: [number, number][] = [[0, 0], [1e-5, 0], [1e-5, 1e-5], [0, 1e-5], [0, 0]];
    const ratio = turfArea(polygon([sq])) / Math.abs(signedRingArea(sq));
    expect(ratio / (111_195 * 111_195)).toBeCloseTo(1, 2);
  });

  it('point-in-ring agrees with turf booleanPointInPolygon on random points', () => {
    let agree = 0, total = 0;
    for (let seed = 1; seed < 10; seed++) {
      const ring = star(seed, 12, 0, 0);
      const closed = [...ring, ring[0]];
      const flat = ring.flat();
      for (let k = 0; k < 200; k++) {
        const p: [number, number] = [((k * 37) % 101) - 50, ((k * 53) % 103) - 51];
        const ref = booleanPointInPolygon(point(p), polygon([closed]), { ignoreBoundary: true });
        expect(pointInRing(p, ring)).toBe(ref);
        expect(pointInRing(p, closed)).toBe(ref);
        expect(pointInFlatRings(p[0], p[1], [flat])).toBe(ref);
        total++;
        if (ref) agree++;
      }
    }
    expect(agree).toBeGreaterThan(100); // the sample reaches inside as well as outside
    expect(total).toBe(1800);
  });

  it('holes cut themselves out in the flat even-odd test', () => {
    const outer = [0, 0, 10, 0, 10, 10, 0, 10];
    const hole = [3, 3, 3, 7, 7, 7, 7, 3];
    expect(pointInFlatRings(5, 5, [outer, hole])).toBe(false);
    expect(pointInFlatRings(1, 5, [outer, hole])).toBe(true);
  });

  it('openRing drops the closing vertex; openFlatRing also drops repeats and 1 mm closings', () => {
    expect(openRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(openRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1]]);
    const r = openFlatRing([0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0.0004, 0, 0]);
    expect(r.closed).toBe(true);
    expect(Array.from(r.ring)).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 0]);
    expect(openFlatRing([0, 0, 1, 0, 1, 1], 2).closed).toBe(false);
  });

  it('reverseFlatRing reverses vertices, not numbers, for strides 2 and 3', () => {
    expect(Array.from(reverseFlatRing(new Float64Array([0, 0, 1, 0, 1, 1])))).toEqual([1, 1, 1, 0, 0, 0]);
    expect(reverseFlatRing([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([6, 7, 8, 3, 4, 5, 0, 1, 2]);
    const ring = star(3, 9).flat();
    expect(signedFlatRingArea(reverseFlatRing(ring.slice()))).toBeCloseTo(-signedFlatRingArea(ring), 3);
  });

  it('findSelfIntersection finds what turf kinks finds on bow-ties and random rings', () => {
    const bow: [number, number][] = [[0, 0], [2, 2], [2, 0], [0, 2]];
    expect(findSelfIntersection(bow)).toEqual({ i: 0, j: 2, point: [1, 1] });
    expect(findSelfIntersection([...bow, bow[0]])).toEqual({ i: 0, j: 2, point: [1, 1] });
    for (let seed = 1; seed < 30; seed++) {
      const ring = star(seed, 10, 0, 0);
      // Swap two vertices: usually makes the ring cross itself.
      const bad = ring.slice();
      [bad[2], bad[6]] = [bad[6], bad[2]];
      for (const r of [ring, bad]) {
        const closed = [...r, r[0]];
        const ref = kinks(polygon([closed])).features.length > 0;
        expect(findSelfIntersection(closed) !== undefined).toBe(ref);
      }
    }
  });

  it('touching vertices and spikes count only with { touching: true }', () => {
    // Vertex 4 touches edge 0→1 at (2, 0): a pinched ring.
    const pinched: [number, number][] = [[0, 0], [4, 0], [4, 4], [3, 4], [2, 0], [1, 4], [0, 4]];
    expect(findSelfIntersection(pinched)).toBeUndefined();
    expect(findSelfIntersection(pinched, { touching: true })).toMatchObject({ i: 0, j: 3, point: [2, 0] });
    // Edge 1 runs back along edge 0: a spike.
    const spike: [number, number][] = [[0, 0], [4, 0], [2, 0], [2, 3]];
    expect(findSelfIntersection(spike, { touching: true })).toMatchObject({ i: 0, j: 1, point: [4, 0] });
  });
});
