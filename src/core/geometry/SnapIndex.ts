import Flatbush from 'flatbush';
import type { XY } from './ringCentroid';

/** Where a snap target comes from (shown by the snap indicator). */
export type SnapSource = 'building' | 'buildingLine' | 'parcel' | 'proposed';

/** A line or ring to snap to, in local metres. */
export interface SnapLine {
  coords: readonly XY[];
  /** A ring: the last vertex connects back to the first (a repeated closing vertex is fine too). */
  closed: boolean;
  source: SnapSource;
}

/** The snapped position: a vertex of a target or the nearest point of one of its edges. */
export interface SnapHit {
  xy: XY;
  kind: 'vertex' | 'edge';
  source: SnapSource;
  distanceM: number;
}

/**
 * Segments of snap targets (building edges, Baugrenzen/Baulinien, parcel
 * lines) in a Flatbush index, so a snap query touches only the few segments
 * near the pointer — the demo has ~15,000 of them, a Hamburg district far
 * more. Vertices win over edges within the tolerance (a corner is what a
 * planner aims at); among vertices, and among edges, the nearest wins.
 *
 * @example
 * const idx = SnapIndex.build([{ coords: [[0, 0], [10, 0], [10, 10]], closed: true, source: 'buildingLine' }]);
 * idx.snap([9.7, 0.2], 0.5) // → { xy: [10, 0], kind: 'vertex', source: 'buildingLine', distanceM: 0.36… }
 */
export class SnapIndex {
  private constructor(
    private readonly ax: Float64Array,
    private readonly ay: Float64Array,
    private readonly bx: Float64Array,
    private readonly by: Float64Array,
    private readonly sources: SnapSource[],
    private readonly index: Flatbush | null,
  ) {}

  /** Number of segments indexed. */
  get size(): number {
    return this.sources.length;
  }

  /** Indexes every segment of the lines (zero-length segments are dropped). */
  static build(lines: Iterable<SnapLine>): SnapIndex {
    const ax: number[] = [], ay: number[] = [], bx: number[] = [], by: number[] = [], src: SnapSource[] = [];
    for (const l of lines) {
      const c = l.coords;
      const n = c.length;
      const segs = l.closed ? n : n - 1;
      for (let i = 0; i < segs; i++) {
        const a = c[i], b = c[(i + 1) % n];
        if (a[0] === b[0] && a[1] === b[1]) continue;
        ax.push(a[0]); ay.push(a[1]); bx.push(b[0]); by.push(b[1]); src.push(l.source);
      }
    }
    let index: Flatbush | null = null;
    if (src.length) {
      index = new Flatbush(src.length);
      for (let i = 0; i < src.length; i++) index.add(Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]), Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
      index.finish();
    }
    return new SnapIndex(Float64Array.from(ax), Float64Array.from(ay), Float64Array.from(bx), Float64Array.from(by), src, index);
  }

  /** The snapped point within `toleranceM` of `q`, or null when nothing is that close. */
  snap(q: XY, toleranceM: number): SnapHit | null {
    if (!this.index || !(toleranceM > 0)) return null;
    const [x, y] = q;
    const hits = this.index.search(x - toleranceM, y - toleranceM, x + toleranceM, y + toleranceM);
    let vertex: SnapHit | null = null;
    let edge: SnapHit | null = null;
    for (const i of hits) {
      const a: XY = [this.ax[i], this.ay[i]], b: XY = [this.bx[i], this.by[i]];
      for (const v of [a, b]) {
        const d = Math.hypot(v[0] - x, v[1] - y);
        if (d <= toleranceM && (!vertex || d < vertex.distanceM)) vertex = { xy: v, kind: 'vertex', source: this.sources[i], distanceM: d };
      }
      if (vertex) continue;
      const dx = b[0] - a[0], dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
      const p: XY = [a[0] + t * dx, a[1] + t * dy];
      const d = Math.hypot(p[0] - x, p[1] - y);
      if (d <= toleranceM && (!edge || d < edge.distanceM)) edge = { xy: p, kind: 'edge', source: this.sources[i], distanceM: d };
    }
    return vertex ?? edge;
  }
}
