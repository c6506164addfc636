import { describe, expect, it } from 'vitest';
import { openFlatRing as openRing } from '../../../src/core/geometry/openRing';
import { isSelfIntersecting2d, triangulatePolygon } from '../../../src/core/geometry/planarPolygon';
import { EnuFrame, ecefToGeodetic, geodeticToEcef } from '../../../src/core/tiles/ellipsoid';

const ring = (pts: number[][]) => Float64Array.from(pts.flat());

describe('planar polygon triangulation and ring checks', () => {
  it('triangulates a tilted roof with a hole (UTM-sized coordinates) facing its normal, area preserved', () => {
    const x0 = 566000, y0 = 5933000;
    // 10 × 10 m roof rising 5 m to the north (slope), 2 × 2 m hole; counter-clockwise seen from above.
    const z = (y: number) => 20 + (y - y0) * 0.5;
    const outer = openRing(ring([[x0, y0, z(y0)], [x0 + 10, y0, z(y0)], [x0 + 10, y0 + 10, z(y0 + 10)], [x0, y0 + 10, z(y0 + 10)], [x0, y0, z(y0)]]));
    const hole = openRing(ring([[x0 + 4, y0 + 4, z(y0 + 4)], [x0 + 4, y0 + 6, z(y0 + 6)], [x0 + 6, y0 + 6, z(y0 + 6)], [x0 + 6, y0 + 4, z(y0 + 4)], [x0 + 4, y0 + 4, z(y0 + 4)]]));
    expect(outer.closed).toBe(true);
    expect(outer.ring.length).toBe(12);
    const t = triangulatePolygon([outer.ring, hole.ring]);
    if ('problem' in t) throw new Error(t.problem);
    expect(t.normal[2]).toBeGreaterThan(0.8);
    expect(t.normal[1]).toBeLessThan(0);
    const slopeLen = Math.hypot(10, 5);
    expect(t.area).toBeCloseTo(10 * slopeLen, 6); // exterior ring area (hole not subtracted)
    let area = 0;
    for (let i = 0; i < t.indices.length; i += 3) {
      const [a, b, c] = [t.indices[i], t.indices[i + 1], t.indices[i + 2]].map((k) => [t.positions[k * 3] - x0, t.positions[k * 3 + 1] - y0, t.positions[k * 3 + 2]]);
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      // Every triangle faces the same way as the polygon.
      expect(n[0] * t.normal[0] + n[1] * t.normal[1] + n[2] * t.normal[2]).toBeGreaterThan(0);
      area += Math.hypot(n[0], n[1], n[2]) / 2;
    }
    expect(area).toBeCloseTo((100 - 4) * (slopeLen / 10), 6);
  });

  it('detects bow-tie rings and reports unclosed ones', () => {
    expect(isSelfIntersecting2d([0, 0, 1, 1, 1, 0, 0, 1])).toBe(true);
    expect(isSelfIntersecting2d([0, 0, 1, 0, 1, 1, 0, 1])).toBe(false);
    const bow = triangulatePolygon([openRing(ring([[0, 0, 0], [1, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 0]])).ring]);
    expect(bow).toMatchObject({ problem: 'self-intersecting', ring: 0 });
    expect(openRing(ring([[0, 0, 0], [1, 0, 0], [1, 1, 0]])).closed).toBe(false);
    expect(triangulatePolygon([openRing(ring([[0, 0, 0], [1, 0, 0], [2, 0, 0], [0, 0, 0]])).ring])).toMatchObject({ problem: 'degenerate (zero area)' });
  });

  it('triangles, convex quads (fan), a dart quad and a tilted bow-tie: area kept, every triangle facing the normal', () => {
    const x0 = 566000, y0 = 5933000;
    // A tilted plane through UTM-sized coordinates: z = 12 + 0.3·dx − 0.2·dy.
    const lift = (pts: number[][]) => ring(pts.map(([dx, dy]) => [x0 + dx, y0 + dy, 12 + 0.3 * dx - 0.2 * dy]));
    const planeArea = (pts: number[][]) => {
      let a = 0;
      for (let i = 0; i < pts.length; i++) {
        const [ax, ay] = pts[i], [bx, by] = pts[(i + 1) % pts.length];
        a += ax * by - bx * ay;
      }
      return (Math.abs(a) / 2) * Math.hypot(0.3, -0.2, 1); // projected area × slope factor
    };
    const cases: number[][][] = [
      [[0, 0], [10, 0], [3, 7]], // triangle
      [[0, 0], [10, 0], [12, 8], [1, 6]], // convex quad
      [[0, 0], [0, 6], [12, 8], [10, 0]], // convex quad, clockwise
      [[0, 0], [10, 0], [4, 3], [0, 10]], // dart: reflex corner at (4, 3)
    ];
    for (const pts of cases) {
      const t = triangulatePolygon([lift(pts)]);
      if ('problem' in t) throw new Error(t.problem);
      let area = 0;
      for (let i = 0; i < t.indices.length; i += 3) {
        const [a, b, c] = [t.indices[i], t.indices[i + 1], t.indices[i + 2]].map((k) => [t.positions[k * 3] - x0, t.positions[k * 3 + 1] - y0, t.positions[k * 3 + 2]]);
        const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
        const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
        expect(n[0] * t.normal[0] + n[1] * t.normal[1] + n[2] * t.normal[2], JSON.stringify(pts)).toBeGreaterThan(0);
        area += Math.hypot(n[0], n[1], n[2]) / 2;
      }
      expect(area, JSON.stringify(pts)).toBeCloseTo(planeArea(pts), 6);
      expect(Math.hypot(...t.normal)).toBeCloseTo(1, 12);
    }
    // An asymmetric bow-tie has a non-zero net area: still rejected.
    expect(triangulatePolygon([lift([[0, 0], [10, 8], [10, 0], [0, 4]])])).toMatchObject({ problem: 'self-intersecting' });
  });

  it('ENU frames and geodetic ↔ ECEF round-trip to the millimetre', () => {
    const f = new EnuFrame(10, 53.5, 0);
    const e = geodeticToEcef(10.001, 53.5005, 12.5);
    const local = new Float64Array(3);
    f.toLocal(e[0], e[1], e[2], local);
    expect(local[0]).toBeGreaterThan(60);
    expect(local[1]).toBeGreaterThan(50);
    const back = f.toEcef(local[0], local[1], local[2]);
    const g = ecefToGeodetic(back[0], back[1], back[2]);
    expect(g[0]).toBeCloseTo(10.001, 9);
    expect(g[1]).toBeCloseTo(53.5005, 9);
    expect(g[2]).toBeCloseTo(12.5, 3);
  });
});
