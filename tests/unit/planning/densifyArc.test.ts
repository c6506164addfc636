import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { circleFrom3Points, densifyArc3, densifyArcString, densifyCircle3, densifyCenterArc } from '../../../src/core/geometry/densifyArc';
import { parseXmlTree, type XmlElement } from '../../../src/core/xml/parseXmlTree';
import { readGmlGeometry } from '../../../src/core/gml/readGmlGeometry';
import { hasReal, realText } from './realData';

/** Checks a densified arc against its circle: vertices on the circle, chord sagitta ≤ tol, ends exact, middle control point passed. */
function verifyArc(a: Position, b: Position, c: Position, pts: Position[], tol: number): { maxSagitta: number; maxRadial: number } {
  // Centre computed independently of the implementation (perpendicular bisectors, in local coordinates).
  const ax = 0, ay = 0, bx = b[0] - a[0], by = b[1] - a[1], cx = c[0] - a[0], cy = c[1] - a[1];
  const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  const ux = ((bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
  const uy = ((bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
  const r = Math.hypot(ux, uy);
  expect(pts[0]).toEqual(a);
  expect(pts[pts.length - 1]).toEqual(c);
  let maxSagitta = 0, maxRadial = 0;
  for (let i = 0; i < pts.length; i++) {
    const px = pts[i][0] - a[0] - ux, py = pts[i][1] - a[1] - uy;
    maxRadial = Math.max(maxRadial, Math.abs(Math.hypot(px, py) - r));
    if (i + 1 < pts.length) {
      const mx = (pts[i][0] + pts[i + 1][0]) / 2 - a[0] - ux, my = (pts[i][1] + pts[i + 1][1]) / 2 - a[1] - uy;
      maxSagitta = Math.max(maxSagitta, r - Math.hypot(mx, my));
    }
  }
  // The polyline runs past the middle control point (within the chord error).
  let nearB = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) nearB = Math.min(nearB, distToSegment(b, pts[i], pts[i + 1]));
  expect(nearB).toBeLessThanOrEqual(tol + 1e-6);
  return { maxSagitta, maxRadial };
}

function distToSegment(p: Position, s: Position, e: Position): number {
  const dx = e[0] - s[0], dy = e[1] - s[1];
  const t = Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - s[0] - t * dx, p[1] - s[1] - t * dy);
}

describe('densifyArc', () => {
  it('finds the circle through three points, also at UTM magnitudes', () => {
    expect(circleFrom3Points([0, 1], [1, 0], [0, -1])).toMatchObject({ cx: expect.closeTo(0, 12), cy: expect.closeTo(0, 12), r: expect.closeTo(1, 12) });
    const c = circleFrom3Points([565000 + 10, 5933000], [565000, 5933000 + 10], [565000 - 10, 5933000])!;
    expect(c.cx).toBeCloseTo(565000, 6);
    expect(c.cy).toBeCloseTo(5933000, 6);
    expect(c.r).toBeCloseTo(10, 6);
    expect(circleFrom3Points([0, 0], [1, 1], [2, 2])).toBeUndefined();
  });

  it('keeps the chord error ≤ 0.1 m for small and large radii, both directions', () => {
    for (const r of [0.05, 2, 10, 150, 5000]) {
      for (const dir of [1, -1]) {
        const a = [565000 + r, 5933000], b = [565000, 5933000 + dir * r], c = [565000 - r, 5933000];
        const pts = densifyArc3(a, b, c, 0.1);
        const { maxSagitta, maxRadial } = verifyArc(a, b, c, pts, 0.1);
        expect(maxSagitta).toBeLessThanOrEqual(0.1 + 1e-9);
        expect(maxRadial).toBeLessThan(1e-6);
        // Not wastefully dense: for r > tol the sagitta is at least a third of the limit.
        if (r > 1) expect(maxSagitta).toBeGreaterThan(0.03);
      }
    }
  });

  it('reads collinear "arcs" as straight lines and densifies ArcStrings arc by arc', () => {
    expect(densifyArc3([0, 0], [1, 1], [2, 2])).toEqual([[0, 0], [2, 2]]);
    const pts = densifyArcString([[10, 0], [0, 10], [-10, 0], [0, -10], [10, 0]], 0.1);
    expect(pts[0]).toEqual([10, 0]);
    expect(pts[pts.length - 1]).toEqual([10, 0]);
    for (const p of pts) expect(Math.hypot(p[0], p[1])).toBeCloseTo(10, 9);
  });

  it('closes full circles (Circle, CircleByCenterPoint)', () => {
    const ring = densifyCircle3([10, 0], [0, 10], [-10, 0], 0.1);
    expect(ring[0]).toEqual([10, 0]);
    expect(ring[ring.length - 1]).toEqual([10, 0]);
    const byCentre = densifyCenterArc(5, 5, 3, 0, 2 * Math.PI, 0.1);
    expect(byCentre[0]).toEqual(byCentre[byCentre.length - 1]);
    for (const p of byCentre) expect(Math.hypot(p[0] - 5, p[1] - 5)).toBeCloseTo(3, 9);
  });
});

describe.skipIf(!hasReal)('densified arcs of the real XPlanGML files', () => {
  const files = ['xplanung-hh/Blankenese29.gml', 'xplanung-hh/HafenCity11_HafenCity14_Bereich_ohne_Geometrie.gml', 'xplanung-hh/HafenCity7.gml', 'xplanung-hh/Rotherbaum27.gml', 'xplanung-hh/StErhVO_Hamm_60_httpRef.gml'];
  // SOURCES.md: Blankenese29 55 Arc + 20 ArcString; HafenCity11/14 87 + 9; HafenCity7 48 ArcString; Rotherbaum27 8 + 3; StErhVO 12 Arc.
  const expected: Record<string, [number, number]> = { Blankenese29: [55, 20], HafenCity11_HafenCity14_Bereich_ohne_Geometrie: [87, 9], HafenCity7: [0, 48], Rotherbaum27: [8, 3], StErhVO_Hamm_60_httpRef: [12, 0] };

  for (const f of files) {
    it(`${f}: every arc is densified within 0.1 m with its end points kept`, () => {
      const tree = parseXmlTree(realText(f));
      const arcs: XmlElement[] = [];
      const walk = (e: XmlElement) => {
        if (e.local === 'Arc' || e.local === 'ArcString') arcs.push(e);
        e.children.forEach(walk);
      };
      walk(tree.root!);
      const name = f.split('/')[1].replace('.gml', '');
      expect([arcs.filter((a) => a.local === 'Arc').length, arcs.filter((a) => a.local === 'ArcString').length]).toEqual(expected[name]);
      let worst = 0, checked = 0;
      for (const arcEl of arcs) {
        const nums = arcEl.children.find((c) => c.local === 'posList')!.text.trim().split(/\s+/).map(Number);
        const ctrl: Position[] = [];
        for (let i = 0; i < nums.length; i += 2) ctrl.push([nums[i], nums[i + 1]]);
        for (let i = 0; i + 2 < ctrl.length; i += 2) {
          const pts = densifyArc3(ctrl[i], ctrl[i + 1], ctrl[i + 2], 0.1);
          if (pts.length === 2) continue; // collinear control points: a straight piece
          const { maxSagitta } = verifyArc(ctrl[i], ctrl[i + 1], ctrl[i + 2], pts, 0.1);
          worst = Math.max(worst, maxSagitta);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(worst).toBeLessThanOrEqual(0.1 + 1e-9);
    });
  }

  it('keeps arc end points in the polygon read from a Curve with ArcString segments (HafenCity7 plan boundary)', () => {
    const tree = parseXmlTree(realText('xplanung-hh/HafenCity7.gml'));
    const plan = tree.root!.children.find((c) => c.local === 'featureMember')!.children[0];
    const poly = plan.children.find((c) => c.local === 'raeumlicherGeltungsbereich')!.children[0];
    const g = readGmlGeometry(poly);
    const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : [];
    // First ArcString of the boundary: 565886.286 5932786.487 … (see the file); its start must be a vertex.
    expect(ring.some((p) => p[0] === 565886.286 && p[1] === 5932786.487)).toBe(true);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBeGreaterThan(20);
  });
});
