/** Where a ring meets itself: edges `i < j` (edge k runs from vertex k to k + 1) and a point where they meet. */
export interface RingSelfIntersection {
  i: number;
  j: number;
  point: [number, number];
}

/** What counts as meeting, beyond two edges properly crossing or running along each other. */
export interface SelfIntersectionOptions {
  /**
   * Also report non-adjacent edges that only touch (a vertex on another edge)
   * and adjacent edges that fold back onto each other (a spike). Sketched
   * footprints are strict; imported plan rings may touch themselves at a vertex.
   */
  touching?: boolean;
}

/** Orientation values below this (m², on coordinates relative to the first vertex) count as collinear. */
const EPS = 1e-9;

/**
 * The lowest pair of edges (by `i`, then `j`) where a planar ring of [x, y]
 * points crosses itself, or undefined when it is simple. The ring may be
 * open or closed (a closing vertex equal to the first is ignored; edge
 * indices then index the closed ring too). Proper crossings and collinear
 * overlaps always count; touching and spikes with `{ touching: true }`.
 * Sweep over edges sorted by their smallest x, so long plan rings cost about
 * n log n; coordinates are taken relative to the first vertex.
 *
 * @example findSelfIntersection([[0, 0], [2, 2], [2, 0], [0, 2]]) // { i: 0, j: 2, point: [1, 1] }
 */
export function findSelfIntersection(ring: readonly ArrayLike<number>[], options: SelfIntersectionOptions = {}): RingSelfIntersection | undefined {
  const touching = options.touching ?? false;
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  if (n < 3) return undefined;
  const ox = ring[0][0], oy = ring[0][1];
  const xs = new Float64Array(n + 1), ys = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    xs[k] = ring[k % n][0] - ox;
    ys[k] = ring[k % n][1] - oy;
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => Math.min(xs[a], xs[a + 1]) - Math.min(xs[b], xs[b + 1]));
  let best: RingSelfIntersection | undefined;
  const offer = (a: number, b: number, px: number, py: number) => {
    const i = Math.min(a, b), j = Math.max(a, b);
    if (!best || i < best.i || (i === best.i && j < best.j)) best = { i, j, point: [px + ox, py + oy] };
  };
  // A meeting point that is a vertex is given as that vertex, exactly.
  const offerVertex = (a: number, b: number, v: number) => {
    offer(a, b, 0, 0);
    if (best && best.i === Math.min(a, b) && best.j === Math.max(a, b)) best.point = [ring[v % n][0], ring[v % n][1]];
  };
  for (let oa = 0; oa < n; oa++) {
    const a = order[oa];
    const maxX = Math.max(xs[a], xs[a + 1]);
    const aMinY = Math.min(ys[a], ys[a + 1]), aMaxY = Math.max(ys[a], ys[a + 1]);
    for (let ob = oa + 1; ob < n; ob++) {
      const b = order[ob];
      if (Math.min(xs[b], xs[b + 1]) > maxX) break;
      if (best && Math.min(a, b) > best.i) continue;
      if (Math.abs(a - b) === 1 || Math.abs(a - b) === n - 1) {
        if (touching && isSpike(xs, ys, a, b, n)) {
          offerVertex(a, b, sharedVertex(a, b));
        }
        continue;
      }
      if (Math.max(ys[b], ys[b + 1]) < aMinY || Math.min(ys[b], ys[b + 1]) > aMaxY) continue;
      const d1 = orient(xs[a], ys[a], xs[a + 1], ys[a + 1], xs[b], ys[b]);
      const d2 = orient(xs[a], ys[a], xs[a + 1], ys[a + 1], xs[b + 1], ys[b + 1]);
      const d3 = orient(xs[b], ys[b], xs[b + 1], ys[b + 1], xs[a], ys[a]);
      const d4 = orient(xs[b], ys[b], xs[b + 1], ys[b + 1], xs[a + 1], ys[a + 1]);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        const t = d3 / (d3 - d4);
        offer(a, b, xs[a] + (xs[a + 1] - xs[a]) * t, ys[a] + (ys[a + 1] - ys[a]) * t);
      } else if (d1 === 0 && d2 === 0 && collinearOverlap(xs, ys, a, b)) {
        offerVertex(a, b, Math.max(a, b));
      } else if (touching) {
        if (d1 === 0 && onSegment(xs, ys, a, b)) offerVertex(a, b, b);
        else if (d2 === 0 && onSegment(xs, ys, a, b + 1)) offerVertex(a, b, b + 1);
        else if (d3 === 0 && onSegment(xs, ys, b, a)) offerVertex(a, b, a);
        else if (d4 === 0 && onSegment(xs, ys, b, a + 1)) offerVertex(a, b, a + 1);
      }
    }
  }
  return best;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  // Round-off-sized values are collinear (coordinates are metres, ~1e-9 m² noise).
  return Math.abs(v) <= EPS ? 0 : v;
}

/** Whether vertex p lies within the bounding box of edge e (it is already known to be collinear with it). */
function onSegment(xs: Float64Array, ys: Float64Array, e: number, p: number): boolean {
  return Math.min(xs[e], xs[e + 1]) <= xs[p] && xs[p] <= Math.max(xs[e], xs[e + 1]) && Math.min(ys[e], ys[e + 1]) <= ys[p] && ys[p] <= Math.max(ys[e], ys[e + 1]);
}

function sharedVertex(a: number, b: number): number {
  // Edges k and k + 1 share vertex k + 1; edges 0 and n - 1 share vertex 0.
  const lo = Math.min(a, b), hi = Math.max(a, b);
  return hi - lo === 1 ? hi : 0;
}

/** Adjacent edges that are collinear and point back onto each other. */
function isSpike(xs: Float64Array, ys: Float64Array, a: number, b: number, n: number): boolean {
  const s = sharedVertex(a, b);
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const before = hi - lo === 1 ? lo : n - 1; // the edge that ends at s starts at this vertex
  const after = (s + 1) % n; // the edge that starts at s ends at this vertex
  const cross = orient(xs[s], ys[s], xs[before], ys[before], xs[after], ys[after]);
  const dot = (xs[before] - xs[s]) * (xs[after] - xs[s]) + (ys[before] - ys[s]) * (ys[after] - ys[s]);
  return cross === 0 && dot > 0;
}

function collinearOverlap(xs: Float64Array, ys: Float64Array, i: number, j: number): boolean {
  // Project on the dominant axis of edge i; overlapping intervals of positive length mean the ring doubles back.
  const useX = Math.abs(xs[i + 1] - xs[i]) >= Math.abs(ys[i + 1] - ys[i]);
  const a0 = useX ? xs[i] : ys[i], a1 = useX ? xs[i + 1] : ys[i + 1];
  const b0 = useX ? xs[j] : ys[j], b1 = useX ? xs[j + 1] : ys[j + 1];
  const lo = Math.max(Math.min(a0, a1), Math.min(b0, b1));
  const hi = Math.min(Math.max(a0, a1), Math.max(b0, b1));
  return hi - lo > 1e-9;
}
