import { Clipper, FillRule, PointInPolygonResult, type Path64, type Paths64, type Point64 } from 'clipper2-ts';

/**
 * Union of many polygons over a large area, in integer clipper coordinates,
 * as polygons: [outer (positive area), …holes (negative)].
 *
 * Why strips: clipper's sweep runs along y and inserts every edge into an
 * active-edge list as wide as the area, so one union over 1 km² of shadows
 * spends most of its time walking that list. Here each input polygon (its
 * own rings already dissolved, e.g. one building's shadow) is clipped into
 * vertical strips (`stripWidth` wide), each strip is unioned on its own (a
 * narrow sweep), and the strips are stitched: along each seam the boundary
 * edges of the left strip (going up) and of the right strip (going down)
 * cancel, and the remaining edges are linked into rings. The result is the
 * same dissolved union — no seams — with areas equal to a single clipper
 * union (tests compare the two).
 *
 * @example unionByStrips(buildingShadows, 100 * scale)
 */
export function unionByStrips(polygons: Paths64[], stripWidth: number): Path64[][] {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const boxes: number[] = [];
  for (const poly of polygons) {
    let x0 = Infinity, x1 = -Infinity;
    for (const ring of poly) {
      for (const p of ring) {
        if (p.x < x0) x0 = p.x;
        if (p.x > x1) x1 = p.x;
        if (p.y < minY) minY = p.y;
        if (p.y > maxY) maxY = p.y;
      }
    }
    boxes.push(x0, x1);
    if (x0 < minX) minX = x0;
    if (x1 > maxX) maxX = x1;
  }
  if (!Number.isFinite(minX)) return [];
  // Points are keyed by one exact number (pointKey); beyond that range, or in one strip, one plain union.
  const lim = 2 ** 26 - 2;
  const width = Math.max(1, Math.round(stripWidth));
  const first = Math.floor(minX / width);
  const count = Math.floor(maxX / width) - first + 1;
  if (count <= 1 || Math.max(-minX, maxX, -minY, maxY) > lim) return toPolygons(Clipper.union(polygons.flat(), FillRule.NonZero));
  // Every polygon into the strips its x-range touches; the ones inside one strip go in whole.
  const strips: Paths64[] = Array.from({ length: count }, () => []);
  polygons.forEach((poly, i) => {
    const s0 = Math.floor(boxes[2 * i] / width) - first, s1 = Math.floor(boxes[2 * i + 1] / width) - first;
    if (s0 === s1) {
      for (const ring of poly) strips[s0].push(ring);
      return;
    }
    for (let s = s0; s <= s1; s++) {
      const left = (first + s) * width;
      for (const ring of poly) {
        const piece = sliceRing(ring, left, left + width);
        if (piece) strips[s].push(piece);
      }
    }
  });
  // Rings that touch no inner seam are final as the strip's union made them; only
  // the others are taken apart into edges, stitched and linked again.
  const done: Path64[] = [];
  const edges: Edge[] = [];
  const seamBreaks = new Map<number, Set<number>>();
  strips.forEach((strip, s) => {
    if (strip.length === 0) return;
    const left = (first + s) * width, right = left + width;
    for (const ring of Clipper.union(strip, FillRule.NonZero)) {
      // Where shapes cross right at a seam, the strip's union rounds the crossing
      // to either side of it (a unit or two), and the other strip does not see that
      // crossing at all: put such points on the seam, so both sides' seam edges meet.
      let seam = false;
      for (const p of ring) {
        if (p.x - left <= SNAP && s > 0) p.x = left;
        else if (right - p.x <= SNAP && s < count - 1) p.x = right;
        else continue;
        seam = true;
      }
      if (seam) addRing(ring, width, edges, seamBreaks);
      else done.push(ring);
    }
  });
  const linked = link(cancelSeams(edges, seamBreaks, width));
  // A ring that does not close means the seams did not match up (should not happen): stay exact.
  if (!linked) return toPolygons(Clipper.union(polygons.flat(), FillRule.NonZero));
  for (const r of linked) done.push(r);
  return toPolygons(done);
}

/**
 * The part of a ring between x = `left` and x = `right` (Sutherland–Hodgman
 * against both lines in one pass; parts outside are replaced by runs along
 * the lines, which the strip's union dissolves), or null if nothing is left.
 * Every crossing is computed from the edge's own end points, ordered by x, so
 * the strips on both sides of a seam cut an edge at the same rounded point.
 * (Smaller and quicker to warm up than clipper's rectClip, which the first
 * call of the union in a page paid for.)
 */
export function sliceRing(ring: Path64, left: number, right: number): Path64 | null {
  const out: Point64[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1 === n ? 0 : i + 1];
    if (a.x >= left && a.x <= right) out.push(a);
    // Crossings of the open edge with the two lines, in the edge's direction.
    const crossL = (a.x < left && b.x > left) || (a.x > left && b.x < left);
    const crossR = (a.x < right && b.x > right) || (a.x > right && b.x < right);
    if (crossL && crossR) {
      const first = a.x < b.x ? left : right, second = a.x < b.x ? right : left;
      out.push(crossing(a, b, first), crossing(a, b, second));
    } else if (crossL) out.push(crossing(a, b, left));
    else if (crossR) out.push(crossing(a, b, right));
  }
  return out.length >= 3 ? out : null;
}

function crossing(a: Point64, b: Point64, x: number): Point64 {
  const p = a.x < b.x ? a : b, q = a.x < b.x ? b : a;
  return { x, y: Math.round(p.y + ((x - p.x) * (q.y - p.y)) / (q.x - p.x)) } as Point64;
}

interface Edge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function onSeam(x: number, width: number): boolean {
  return x % width === 0;
}

function addRing(ring: Path64, width: number, edges: Edge[], breaks: Map<number, Set<number>>): void {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    if (a.x === b.x && a.y === b.y) continue;
    edges.push({ ax: a.x, ay: a.y, bx: b.x, by: b.y });
    if (a.x === b.x && onSeam(a.x, width)) {
      let s = breaks.get(a.x);
      if (!s) breaks.set(a.x, (s = new Set()));
      s.add(a.y);
      s.add(b.y);
    }
  }
}

/**
 * Seam points closer than this (clipper units) are one point: the two sides
 * of a seam compute some of them separately (where shapes cross right on the
 * seam) and may round them a unit apart.
 */
const SNAP = 4;

/**
 * Splits the edges lying on seam lines at every break point of that seam,
 * then removes opposite pairs. Every vertex on a seam is first snapped to
 * its cluster of break points, so both sides agree on them.
 */
function cancelSeams(edges: Edge[], breaks: Map<number, Set<number>>, width: number): Edge[] {
  const sorted = new Map<number, number[]>();
  const snapped = new Map<number, Map<number, number>>();
  for (const [x, ys] of breaks) {
    const list = [...ys].sort((p, q) => p - q);
    const to = new Map<number, number>();
    const reps: number[] = [];
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1] - list[j] <= SNAP) j++;
      const rep = list[i];
      for (let k = i; k <= j; k++) to.set(list[k], rep);
      reps.push(rep);
      i = j + 1;
    }
    sorted.set(x, reps);
    snapped.set(x, to);
  }
  for (const e of edges) {
    const ma = snapped.get(e.ax), mb = snapped.get(e.bx);
    if (ma) e.ay = ma.get(e.ay) ?? e.ay;
    if (mb) e.by = mb.get(e.by) ?? e.by;
  }
  const kept: Edge[] = [];
  const seams = new Map<number, Map<number, Edge[]>>(); // seam x → (from y, to y) → edges
  for (const e of edges) {
    if (e.ax === e.bx && e.ay === e.by) continue; // collapsed by snapping
    if (e.ax !== e.bx || !onSeam(e.ax, width)) {
      kept.push(e);
      continue;
    }
    const ys = sorted.get(e.ax)!;
    const lo = Math.min(e.ay, e.by), hi = Math.max(e.ay, e.by), up = e.by > e.ay;
    // Pieces between consecutive break points, in the edge's direction.
    let k = lowerBound(ys, lo);
    const pieces: Edge[] = [];
    for (; k + 1 < ys.length && ys[k + 1] <= hi; k++) pieces.push(up ? { ax: e.ax, ay: ys[k], bx: e.ax, by: ys[k + 1] } : { ax: e.ax, ay: ys[k + 1], bx: e.ax, by: ys[k] });
    let seam = seams.get(e.ax);
    if (!seam) seams.set(e.ax, (seam = new Map()));
    for (const p of pieces) {
      const waiting = seam.get(pointKey(p.by, p.ay));
      if (waiting?.length) waiting.pop();
      else {
        const key = pointKey(p.ay, p.by);
        let list = seam.get(key);
        if (!list) seam.set(key, (list = []));
        list.push(p);
      }
    }
  }
  for (const seam of seams.values()) for (const list of seam.values()) for (const e of list) kept.push(e);
  return kept;
}

function lowerBound(a: number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m] < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Links directed edges (every vertex as many in as out) into closed rings,
 * or null where one does not close. Where a vertex has several ways on, the
 * sharpest left turn is taken (interior on the left), so regions that only
 * touch at a point stay separate rings.
 */
function link(edges: Edge[]): Path64[] | null {
  const out = new Map<number, number[]>(); // vertex → edges leaving it
  edges.forEach((e, i) => {
    const k = pointKey(e.ax, e.ay);
    const l = out.get(k);
    if (l) l.push(i);
    else out.set(k, [i]);
  });
  const used = new Uint8Array(edges.length);
  const rings: Path64[] = [];
  for (let s = 0; s < edges.length; s++) {
    if (used[s]) continue;
    used[s] = 1;
    const start = edges[s];
    const ring: Point64[] = [{ x: start.ax, y: start.ay } as Point64];
    let cur = start;
    while (cur.bx !== start.ax || cur.by !== start.ay) {
      const list = out.get(pointKey(cur.bx, cur.by));
      let pick = -1, best = -Infinity, inAngle = NaN;
      for (const i of list ?? []) {
        if (used[i]) continue;
        if (pick < 0) {
          pick = i;
          continue;
        }
        // Several ways on: the sharpest left turn, so a region that only touches another at a point closes on its own.
        if (Number.isNaN(inAngle)) {
          inAngle = Math.atan2(cur.by - cur.ay, cur.bx - cur.ax);
          best = turnFrom(inAngle, edges[pick]);
        }
        const t = turnFrom(inAngle, edges[i]);
        if (t > best) {
          best = t;
          pick = i;
        }
      }
      if (pick < 0) return null; // unbalanced edges
      used[pick] = 1;
      cur = edges[pick];
      ring.push({ x: cur.ax, y: cur.ay } as Point64);
    }
    const simplified = dropCollinear(ring);
    if (simplified.length >= 3) rings.push(simplified);
  }
  return rings;
}

/** Coordinates are below 2^26 in magnitude (checked by unionByStrips): one exact number per point. */
function pointKey(x: number, y: number): number {
  return x * 2 ** 27 + y;
}

function turnFrom(inAngle: number, e: Edge): number {
  let turn = Math.atan2(e.by - e.ay, e.bx - e.ax) - inAngle;
  while (turn <= -Math.PI) turn += 2 * Math.PI;
  while (turn > Math.PI) turn -= 2 * Math.PI;
  return turn;
}

/** Removes vertices in the middle of a straight run (left by split seam edges). */
function dropCollinear(r: Point64[]): Point64[] {
  const out: Point64[] = [];
  const n = r.length;
  for (let i = 0; i < n; i++) {
    const p = r[(i + n - 1) % n], c = r[i], q = r[(i + 1) % n];
    const cross = (c.x - p.x) * (q.y - c.y) - (c.y - p.y) * (q.x - c.x);
    const back = (c.x - p.x) * (q.x - c.x) + (c.y - p.y) * (q.y - c.y) < 0;
    if (cross === 0 && !back) continue;
    out.push(c);
  }
  return out;
}

/** Rings → polygons: each hole (negative area) goes to the smallest outer that contains it. */
function toPolygons(rings: Paths64): Path64[][] {
  const outers: { ring: Path64; area: number; box: number[]; holes: Path64[] }[] = [];
  const holes: Path64[] = [];
  for (const r of rings) {
    const a = Clipper.area(r);
    if (a > 0) outers.push({ ring: r, area: a, box: bbox(r), holes: [] });
    else if (a < 0) holes.push(r);
  }
  for (const h of holes) {
    const hb = bbox(h);
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) {
      if (hb[0] < o.box[0] || hb[1] < o.box[1] || hb[2] > o.box[2] || hb[3] > o.box[3]) continue;
      if (best && o.area >= best.area) continue;
      // A hole vertex may lie on the outer; test the midpoint of its first edge too.
      const m = { x: (h[0].x + h[1].x) / 2, y: (h[0].y + h[1].y) / 2 } as Point64;
      if (Clipper.pointInPolygon(h[0], o.ring) === PointInPolygonResult.IsOutside && Clipper.pointInPolygon(m, o.ring) === PointInPolygonResult.IsOutside) continue;
      best = o;
    }
    best?.holes.push(h);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}

function bbox(r: Path64): number[] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of r) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  return [x0, y0, x1, y1];
}
