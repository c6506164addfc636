import earcut from 'earcut';

/**
 * One polygon ring as flat xyz coordinates (source CRS or local metres),
 * without the repeated closing point.
 */
export type Ring3 = Float64Array;

/** Why a ring cannot be used; `undefined` when it is fine. */
export type RingProblem = 'not closed' | 'too few points' | 'self-intersecting' | 'degenerate (zero area)';

/**
 * Newell normal of a ring (not normalised; its length is twice the area).
 * Computed relative to the first point so UTM-sized coordinates keep precision.
 */
export function newellNormal(r: Ring3): [number, number, number] {
  const n = r.length / 3;
  let nx = 0, ny = 0, nz = 0;
  const ox = r[0], oy = r[1], oz = r[2];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ax = r[i * 3] - ox, ay = r[i * 3 + 1] - oy, az = r[i * 3 + 2] - oz;
    const bx = r[j * 3] - ox, by = r[j * 3 + 1] - oy, bz = r[j * 3 + 2] - oz;
    nx += (ay - by) * (az + bz);
    ny += (az - bz) * (ax + bx);
    nz += (ax - bx) * (ay + by);
  }
  return [nx, ny, nz];
}

/** An orthonormal basis (u, v) of the plane with normal n (normalised n returned too). */
export function planeBasis(n: [number, number, number]): { u: [number, number, number]; v: [number, number, number]; n: [number, number, number] } {
  const len = Math.hypot(n[0], n[1], n[2]);
  const nn: [number, number, number] = [n[0] / len, n[1] / len, n[2] / len];
  // Pick the world axis least aligned with n to build u.
  const a: [number, number, number] = Math.abs(nn[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  let u: [number, number, number] = [a[1] * nn[2] - a[2] * nn[1], a[2] * nn[0] - a[0] * nn[2], a[0] * nn[1] - a[1] * nn[0]];
  const ul = Math.hypot(u[0], u[1], u[2]);
  u = [u[0] / ul, u[1] / ul, u[2] / ul];
  const v: [number, number, number] = [nn[1] * u[2] - nn[2] * u[1], nn[2] * u[0] - nn[0] * u[2], nn[0] * u[1] - nn[1] * u[0]];
  return { u, v, n: nn };
}

/** Projects rings onto the plane (u, v) relative to origin o; returns flat 2D coordinates. */
function projectRings(rings: Ring3[], u: number[], v: number[], o: number[]): { flat: number[]; holes: number[] } {
  const flat: number[] = [];
  const holes: number[] = [];
  for (let k = 0; k < rings.length; k++) {
    if (k > 0) holes.push(flat.length / 2);
    const r = rings[k];
    for (let i = 0; i < r.length; i += 3) {
      const x = r[i] - o[0], y = r[i + 1] - o[1], z = r[i + 2] - o[2];
      flat.push(x * u[0] + y * u[1] + z * u[2], x * v[0] + y * v[1] + z * v[2]);
    }
  }
  return { flat, holes };
}

/**
 * True when two non-adjacent edges of the 2D ring cross or touch.
 * O(n²), fine for building rings (tens of points); rings above 2000 points are
 * not checked.
 */
export function isSelfIntersecting2d(flat: ArrayLike<number>, start = 0, end = flat.length / 2): boolean {
  const n = end - start;
  if (n < 4 || n > 2000) return false;
  const X = (i: number) => flat[(start + (i % n)) * 2], Y = (i: number) => flat[(start + (i % n)) * 2 + 1];
  for (let i = 0; i < n; i++) {
    const ax = X(i), ay = Y(i), bx = X(i + 1), by = Y(i + 1);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      const cx = X(j), cy = Y(j), dx = X(j + 1), dy = Y(j + 1);
      if (segmentsCross(ax, ay, bx, by, cx, cy, dx, dy)) return true;
    }
  }
  return false;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const scale = Math.max(Math.abs(bx - ax) + Math.abs(by - ay), Math.abs(dx - cx) + Math.abs(dy - cy));
  // Tolerance: 1e-9 of the edge length squared, so collinear neighbours from rounding do not count.
  const eps = 1e-9 * scale * scale;
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

/** Self-intersection test in the coordinate plane of the ring's two largest extents. */
function crossesInAxisPlane(r: Ring3): boolean {
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < r.length; i++) {
    const k = i % 3;
    if (r[i] < min[k]) min[k] = r[i];
    if (r[i] > max[k]) max[k] = r[i];
  }
  const ext = [0, 1, 2].map((k) => max[k] - min[k]);
  const drop = ext.indexOf(Math.min(...ext));
  const [a, b] = [0, 1, 2].filter((k) => k !== drop);
  if (ext[a] < 0.01 || ext[b] < 0.01) return false;
  const flat: number[] = [];
  for (let i = 0; i < r.length; i += 3) flat.push(r[i + a] - min[a], r[i + b] - min[b]);
  return isSelfIntersecting2d(flat);
}

/** Result of triangulating one planar polygon. */
export interface TriangulatedPolygon {
  /** All ring vertices, flat xyz (exterior first, then holes), without closing points. */
  positions: Float64Array;
  /** Triangle vertex indices into `positions`, counter-clockwise seen from the normal. */
  indices: number[];
  /** Unit normal (Newell) of the exterior ring. */
  normal: [number, number, number];
  /** Area in square units of the input coordinates. */
  area: number;
}

/**
 * Triangulates a planar (or nearly planar) 3D polygon with holes: projects it
 * onto its own plane, runs earcut, and orients the triangles with the ring's
 * normal. Returns a problem instead when the polygon cannot be used.
 *
 * @example triangulatePolygon([exterior]) // { positions, indices: [..], normal: [0,0,1], area }
 */
export function triangulatePolygon(rings: Ring3[]): TriangulatedPolygon | { problem: RingProblem; ring: number } {
  if (rings.length === 0 || rings[0].length < 9) return { problem: 'too few points', ring: 0 };
  const raw = newellNormal(rings[0]);
  const twiceArea = Math.hypot(raw[0], raw[1], raw[2]);
  // Smaller than 1 cm² (in metre CRSs): nothing to draw.
  if (!(twiceArea > 2e-4)) {
    // A symmetric bow-tie has zero net area too: tell it apart from a sliver.
    return { problem: crossesInAxisPlane(rings[0]) ? 'self-intersecting' : 'degenerate (zero area)', ring: 0 };
  }
  if (rings.length === 1) {
    const fast = triangulateSmallConvex(rings[0], raw, twiceArea);
    if (fast) return fast;
  }
  const { u, v, n } = planeBasis(raw);
  const o = [rings[0][0], rings[0][1], rings[0][2]];
  const usable = rings.filter((r, k) => k === 0 || r.length >= 9);
  const { flat, holes } = projectRings(usable, u, v, o);
  let start = 0;
  for (let k = 0; k < usable.length; k++) {
    const end = k + 1 < usable.length ? holes[k] : flat.length / 2;
    if (isSelfIntersecting2d(flat, start, end)) return { problem: 'self-intersecting', ring: k };
    start = end;
  }
  const tri = earcut(flat, holes, 2);
  // earcut output winding follows no rule: orient each triangle with the normal (in the
  // (u, v) plane, counter-clockwise = facing n because u × v = n).
  const indices: number[] = [];
  for (let i = 0; i < tri.length; i += 3) {
    const a = tri[i], b = tri[i + 1], c = tri[i + 2];
    const o2 = orient(flat[a * 2], flat[a * 2 + 1], flat[b * 2], flat[b * 2 + 1], flat[c * 2], flat[c * 2 + 1]);
    if (o2 === 0) continue;
    if (o2 > 0) indices.push(a, b, c);
    else indices.push(a, c, b);
  }
  const positions = new Float64Array(flat.length / 2 * 3);
  let p = 0;
  for (const r of usable) {
    positions.set(r, p);
    p += r.length;
  }
  return { positions, indices, normal: n, area: twiceArea / 2 };
}

/**
 * Triangles and convex quads (most LoD2 walls and many roof faces) without
 * projection, self-intersection test or earcut: a triangle cannot cross
 * itself, and a quad whose four corners all turn the same way around the
 * normal is convex, so the fan (0,1,2)(0,2,3) is its triangulation. The
 * ring winds counter-clockwise around its own Newell normal, so both
 * triangles face it. Anything else (collinear corners included) returns
 * undefined and takes the general path.
 */
function triangulateSmallConvex(r: Ring3, raw: [number, number, number], twiceArea: number): TriangulatedPolygon | undefined {
  const n = r.length / 3;
  if (n !== 3 && n !== 4) return undefined;
  const normal: [number, number, number] = [raw[0] / twiceArea, raw[1] / twiceArea, raw[2] / twiceArea];
  if (n === 3) return { positions: r, indices: [0, 1, 2], normal, area: twiceArea / 2 };
  // Turn at each corner: (edge in × edge out) · normal, relative to the quad's size so slivers count as collinear.
  const minTurn = 1e-9 * twiceArea;
  for (let i = 0; i < 4; i++) {
    const a = ((i + 3) % 4) * 3, b = i * 3, c = ((i + 1) % 4) * 3;
    const ux = r[b] - r[a], uy = r[b + 1] - r[a + 1], uz = r[b + 2] - r[a + 2];
    const vx = r[c] - r[b], vy = r[c + 1] - r[b + 1], vz = r[c + 2] - r[b + 2];
    const turn = (uy * vz - uz * vy) * normal[0] + (uz * vx - ux * vz) * normal[1] + (ux * vy - uy * vx) * normal[2];
    if (!(turn > minTurn)) return undefined;
  }
  return { positions: r, indices: [0, 1, 2, 0, 2, 3], normal, area: twiceArea / 2 };
}
