import type { BuildingSolid, SolidColumn } from './prepareBuildings';
import { ringArea as signedArea, reverseRing as reverseInPlace } from './localGeometry';

/**
 * Receives one shadow piece: a polygon (outer ring first, holes after, flat
 * xy, positive winding inside) and whether it is a single convex ring. The
 * arrays are scratch buffers, valid only during the call: copy to keep.
 */
export type PieceSink = (rings: Float64Array[], convex: boolean) => void;

/**
 * Shadow of one building on the ground as pieces whose union is the exact
 * shadow. `sx, sy` is the ground offset of a point per metre of height
 * (away from the sun: −sunVector.xy / sunVector.z).
 *
 * - convex prism: one piece, the hull of footprint and translated footprint (O(n) walk);
 * - convex roof column: one piece, the convex hull of base and projected top;
 * - other columns: base, projected top and one quad under every edge
 *   (the column's swept boundary), which together cover the column's shadow;
 * - LoD2 buildings also emit their footprint.
 */
export function shadowPieces(b: BuildingSolid, sx: number, sy: number, sink: PieceSink): void {
  if (b.lod2) for (const p of b.footprint) sink(p, false);
  for (const c of b.columns) columnShadow(c, sx, sy, sink);
}

/** Pieces collected into new arrays (for display and union). */
export function shadowPiecesCopy(b: BuildingSolid, sx: number, sy: number): Float64Array[][] {
  const out: Float64Array[][] = [];
  shadowPieces(b, sx, sy, (rings) => out.push(rings.map((r) => r.slice())));
  return out;
}

let ptsBuf = new Float64Array(64);
let hullBuf = new Float64Array(64);
let idxBuf = new Int32Array(32);
let stackBuf = new Int32Array(64);
const quad = new Float64Array(8);
const quadRings = [quad];
const one: Float64Array[] = [new Float64Array(0)];

function columnShadow(c: SolidColumn, sx: number, sy: number, sink: PieceSink): void {
  if (c.convex && c.flat) {
    one[0] = translatedHull(c.rings[0], sx * c.maxHeightM, sy * c.maxHeightM);
    sink(one, true);
    return;
  }
  if (c.convex) {
    const r = c.rings[0], hs = c.heights[0];
    if (ptsBuf.length < r.length * 2) ptsBuf = new Float64Array(r.length * 4);
    const pts = ptsBuf;
    for (let i = 0, k = 0; i < r.length; i += 2, k++) {
      pts[2 * i] = r[i];
      pts[2 * i + 1] = r[i + 1];
      pts[2 * i + 2] = r[i] + sx * hs[k];
      pts[2 * i + 3] = r[i + 1] + sy * hs[k];
    }
    one[0] = convexHull(pts, r.length * 2);
    sink(one, true);
    return;
  }
  sink(c.rings, false);
  const top: Float64Array[] = c.rings.map((r, k) => {
    const hs = c.heights[k];
    const t = new Float64Array(r.length);
    for (let i = 0, j = 0; i < r.length; i += 2, j++) {
      t[i] = r[i] + sx * hs[j];
      t[i + 1] = r[i + 1] + sy * hs[j];
    }
    return t;
  });
  // The projection is affine on a planar face, so it may mirror: keep the outer ring positive.
  if (signedArea(top[0]) < 0) for (const t of top) reverseInPlace(t);
  sink(top, false);
  c.rings.forEach((r, k) => {
    const hs = c.heights[k];
    const n = r.length / 2;
    for (let i = 0; i < n; i++) {
      const j = i + 1 === n ? 0 : i + 1;
      const ax = r[2 * i], ay = r[2 * i + 1], bx = r[2 * j], by = r[2 * j + 1];
      quad[0] = ax;
      quad[1] = ay;
      quad[2] = bx;
      quad[3] = by;
      quad[4] = bx + sx * hs[j];
      quad[5] = by + sy * hs[j];
      quad[6] = ax + sx * hs[i];
      quad[7] = ay + sy * hs[i];
      const a = signedArea(quad);
      if (Math.abs(a) < 1e-12) continue;
      if (a < 0) reverseInPlace(quad);
      sink(quadRings, true);
    }
  });
}

/**
 * Hull of a convex CCW ring and its copy translated by (dx, dy), in O(n):
 * edges facing the translation are taken from the copy, the others from the
 * original, joined by the two sweep edges. Returns a scratch buffer view.
 */
export function translatedHull(r: Float64Array, dx: number, dy: number): Float64Array {
  const n = r.length / 2;
  if (hullBuf.length < 2 * n + 4) hullBuf = new Float64Array(4 * n + 8);
  const out = hullBuf;
  let k = 0;
  let pf = (r[0] - r[2 * n - 2]) * dy - (r[1] - r[2 * n - 1]) * dx < 0;
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    const cf = (r[2 * j] - r[2 * i]) * dy - (r[2 * j + 1] - r[2 * i + 1]) * dx < 0;
    const x = r[2 * i], y = r[2 * i + 1];
    if (!pf) {
      out[k++] = x;
      out[k++] = y;
    }
    if (pf || cf) {
      out[k++] = x + dx;
      out[k++] = y + dy;
    }
    if (pf && !cf) {
      out[k++] = x;
      out[k++] = y;
    }
    pf = cf;
  }
  return out.subarray(0, k);
}

/** Convex hull (Andrew's monotone chain) of the first `len / 2` flat points in `pts`, CCW; returns a scratch buffer view. */
export function convexHull(pts: Float64Array, len: number): Float64Array {
  const n = len / 2;
  if (idxBuf.length < n) idxBuf = new Int32Array(n * 2);
  if (stackBuf.length < 2 * n + 2) stackBuf = new Int32Array(4 * n + 4);
  if (hullBuf.length < 2 * n + 4) hullBuf = new Float64Array(4 * n + 8);
  const idx = idxBuf;
  // Insertion sort by x then y: few points.
  for (let i = 0; i < n; i++) {
    let b = i - 1;
    const x = pts[2 * i], y = pts[2 * i + 1];
    while (b >= 0 && (pts[2 * idx[b]] > x || (pts[2 * idx[b]] === x && pts[2 * idx[b] + 1] > y))) {
      idx[b + 1] = idx[b];
      b--;
    }
    idx[b + 1] = i;
  }
  const h = stackBuf;
  let m = 0;
  const cross = (o: number, a: number, b: number) =>
    (pts[2 * a] - pts[2 * o]) * (pts[2 * b + 1] - pts[2 * o + 1]) - (pts[2 * a + 1] - pts[2 * o + 1]) * (pts[2 * b] - pts[2 * o]);
  for (let t = 0; t < n; t++) {
    const i = idx[t];
    while (m >= 2 && cross(h[m - 2], h[m - 1], i) <= 0) m--;
    h[m++] = i;
  }
  const lower = m + 1;
  for (let t = n - 2; t >= 0; t--) {
    const i = idx[t];
    while (m >= lower && cross(h[m - 2], h[m - 1], i) <= 0) m--;
    h[m++] = i;
  }
  m--;
  const out = hullBuf;
  for (let k = 0; k < m; k++) {
    out[2 * k] = pts[2 * h[k]];
    out[2 * k + 1] = pts[2 * h[k] + 1];
  }
  return out.subarray(0, 2 * m);
}

