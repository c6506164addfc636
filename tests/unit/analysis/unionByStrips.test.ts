// The strip-wise union against one plain clipper union of the same shadows: same
// polygons, same area, same inside/outside at random points, no overlaps, and
// no leftover seams (as many outer rings as clipper finds).
import { describe, expect, it } from 'vitest';
import { Clipper, FillRule, PointInPolygonResult, type Path64, type Paths64 } from 'clipper2-ts';
import { prepareBuildings, stepAt, trueNorthGridAngleDeg } from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { shadowPiecesCopy } from '../../../src/core/analysis/shadowPieces';
import { sliceRing, unionByStrips } from '../../../src/core/analysis/unionByStrips';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';

const centre: [number, number] = [9.99, 53.55];
// Clipper units per metre, as computeShadows uses for a district of this size (clipScale).
const SCALE = 1e5;

function shadowGroups(count: number, sizeM: number, iso: string, seed: number): Paths64[] {
  const frame = LocalFrame.around(centre);
  const { solids } = prepareBuildings(generateDistrict({ centre, sizeM, count, seed }).features, frame);
  const s = stepAt(Date.parse(iso), ...(frame.toWgs84([0, 0]) as [number, number]), trueNorthGridAngleDeg(frame));
  return solids.map((b) => {
    const paths: Paths64 = shadowPiecesCopy(b, s.sx, s.sy).flatMap((p) => p.map((r) => {
      const path: Path64 = [];
      for (let i = 0; i < r.length; i += 2) path.push({ x: Math.round(r[i] * SCALE), y: Math.round(r[i + 1] * SCALE) });
      return path;
    }));
    return Clipper.union(paths, FillRule.NonZero);
  });
}

/** Inside the union of polygons given as [outer, ...holes]: inside an outer and in none of its holes. */
function insidePolys(polys: Path64[][], p: { x: number; y: number }): boolean {
  return polys.some(([outer, ...holes]) => Clipper.pointInPolygon(p as never, outer) === PointInPolygonResult.IsInside && holes.every((h) => Clipper.pointInPolygon(p as never, h) === PointInPolygonResult.IsOutside));
}

describe('unionByStrips', () => {
  const cases = [
    { name: '2,000 buildings, afternoon', count: 2000, sizeM: 500, iso: '2026-03-20T15:00:00+01:00', seed: 3, strip: 50 },
    { name: '1,500 buildings, low winter sun (long shadows across many strips)', count: 1500, sizeM: 500, iso: '2026-12-21T14:30:00+01:00', seed: 7, strip: 40 },
    { name: '800 buildings, summer noon, narrow strips', count: 800, sizeM: 400, iso: '2026-06-21T13:00:00+02:00', seed: 11, strip: 15 },
    // Shadows crossing each other right at a seam (rounded to either side of it): left seams
    // behind (7 outer rings instead of 4, 5 instead of 3) before such points were put on the seam.
    { name: '1,200 buildings, October evening, 7 m strips (crossings on seams)', count: 1200, sizeM: 400, iso: '2026-10-10T16:30:00+02:00', seed: 7, strip: 7 },
    { name: '1,200 buildings, winter afternoon, 7 m strips (crossings on seams)', count: 1200, sizeM: 400, iso: '2026-12-21T14:30:00+01:00', seed: 7, strip: 7 },
  ];
  for (const c of cases) {
    it(`${c.name}: equals one clipper union`, () => {
      const groups = shadowGroups(c.count, c.sizeM, c.iso, c.seed);
      const ref = Clipper.union(groups.flat(), FillRule.NonZero);
      const refArea = ref.reduce((a, p) => a + Clipper.area(p), 0);
      const ours = unionByStrips(groups, c.strip * SCALE);
      const rings = ours.flat();
      const area = rings.reduce((a, p) => a + Clipper.area(p), 0);
      expect(Math.abs(area - refArea) / refArea).toBeLessThan(1e-7);
      // Polygons do not overlap: their union has the same area as their sum (up to slivers a
      // grid unit — 10 µm — wide where a seam cuts an edge: 1e-8 of the area at most).
      const again = Clipper.union(rings, FillRule.NonZero).reduce((a, p) => a + Clipper.area(p), 0);
      expect(Math.abs(again - area) / area).toBeLessThan(1e-8);
      // Seams are gone: as many separate outer rings as the plain union has.
      expect(ours.length).toBe(ref.filter((p) => Clipper.area(p) > 0).length);
      // Same holes, apart from slivers under a grid unit wide that a seam may split in two.
      const big = (r: Path64) => Clipper.area(r) < -1e6; // 1 cm²
      expect(ours.reduce((n, p) => n + p.slice(1).filter(big).length, 0)).toBe(ref.filter(big).length);
      for (const [outer, ...holes] of ours) {
        expect(Clipper.area(outer)).toBeGreaterThan(0);
        for (const h of holes) expect(Clipper.area(h)).toBeLessThan(0);
      }
      // Same inside/outside as the plain union at 2,000 pseudo-random points (off the boundaries).
      const refPolys: Path64[][] = [];
      for (const p of ref) if (Clipper.area(p) > 0) refPolys.push([p]);
      for (const h of ref) if (Clipper.area(h) < 0) refPolys.find(([o]) => Clipper.pointInPolygon(h[0], o) !== PointInPolygonResult.IsOutside)?.push(h);
      let x = 12345;
      const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * c.sizeM * SCALE * 1.4;
      let disagree = 0, inside = 0;
      for (let k = 0; k < 2000; k++) {
        const p = { x: Math.round(rnd()) + 0.5, y: Math.round(rnd()) + 0.5 };
        const a = insidePolys(ours, p), b = insidePolys(refPolys, p);
        if (a !== b) disagree++;
        if (a) inside++;
      }
      expect(disagree).toBe(0);
      expect(inside).toBeGreaterThan(100);
    });
  }

  it('two squares in different strips touching along a seam become one polygon; a hole across a seam survives', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number): Path64 => [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }] as Path64;
    const hole = (x0: number, y0: number, x1: number, y1: number): Path64 => sq(x0, y0, x1, y1).reverse();
    const r = unionByStrips([[sq(0, 0, 100, 50)], [sq(100, 10, 180, 40)], [sq(20, 60, 220, 120), hole(80, 80, 140, 100)]], 100);
    const outers = r.map((p) => p[0]);
    expect(outers.length).toBe(2);
    const areas = r.map((p) => p.reduce((a, ring) => a + Clipper.area(ring), 0)).sort((a, b) => a - b);
    expect(areas).toEqual([100 * 50 + 80 * 30, 200 * 60 - 60 * 20].sort((a, b) => a - b));
    // No vertex left in the middle of the seam x = 100 on the merged outline's straight runs.
    const merged = r.find((p) => p.length === 1)![0];
    expect(merged.length).toBe(8);
  });

  it('sliceRing: the slices of a ring add up to it and agree on every seam point', () => {
    // A long thin triangle from strip 0 to strip 3, and a hole-like clockwise copy.
    const tri = [{ x: 5, y: 0 }, { x: 371, y: 113 }, { x: 17, y: 97 }] as Path64;
    for (const ring of [tri, [...tri].reverse()]) {
      const slices = [0, 1, 2, 3].map((s) => sliceRing(ring, s * 100, s * 100 + 100));
      const total = slices.reduce((a, r) => a + (r ? Clipper.area(r) : 0), 0);
      expect(Math.abs(total - Clipper.area(ring))).toBeLessThan(400); // rounding of the seam points
      for (let s = 0; s < 3; s++) {
        const seam = (s + 1) * 100;
        const ys = (r: Path64 | null) => (r ?? []).filter((p) => p.x === seam).map((p) => p.y).sort((a, b) => a - b);
        expect(ys(slices[s]).length).toBe(2);
        expect(ys(slices[s])).toEqual(ys(slices[s + 1]));
      }
      for (const [s, r] of slices.entries()) for (const p of r!) expect(p.x >= s * 100 && p.x <= s * 100 + 100).toBe(true);
    }
    expect(sliceRing(tri, 400, 500)).toBeNull();
  });
});
