import { Clipper, Clipper64, ClipType, FillRule, PolyTree64, type Path64, type Paths64 } from 'clipper2-ts';
import { polyTreeToPolygons } from './computeShadows';
import { pointInRings, ringArea } from './localGeometry';
import { clipScale, itemEdges, type LayerItem, type PolygonLayer } from './polygonLayer';

export interface OverlapPair {
  aIndex: number;
  bIndex: number;
  aId: string;
  bId: string;
  aGroup: string;
  bGroup: string;
  areaM2: number;
  /** Overlap ÷ area of the A feature. */
  shareOfA: number;
  shareOfB: number;
  /** The overlap polygons (local metres), when asked for. */
  polygons?: Float64Array[][];
}

export interface OverlapGroup {
  aGroup: string;
  bGroup: string;
  areaM2: number;
  pairs: number;
}

export interface OverlapResult {
  pairs: OverlapPair[];
  groups: OverlapGroup[];
  totalAreaM2: number;
  /** Pairs settled without clipping (one lies wholly inside the other or they are disjoint). */
  fastPathPairs: number;
  clippedPairs: number;
}

/**
 * Every intersecting pair of two polygon layers with its overlap area (m²)
 * and shares, grouped by the layers' group values (e.g. land use × protection
 * status). Candidates come from a flatbush box search; a pair whose boundaries
 * do not meet inside the smaller box is decided by one point-in-polygon test
 * (contained or disjoint); the rest are clipped with clipper2 (integers at up to 0.01 mm,
 * so holes and multipolygons come out exact to that grid).
 *
 * @example computeOverlaps(prepareLayer(bplan, frame, 'landUse'), prepareLayer(ausgleich, frame, 'featureClass'))
 */
export function computeOverlaps(a: PolygonLayer, b: PolygonLayer, opts: { withGeometry?: boolean; minAreaM2?: number } = {}): OverlapResult {
  const pairs: OverlapPair[] = [];
  const minArea = opts.minAreaM2 ?? 1e-4;
  let fast = 0, clipped = 0;
  if (b.index)
    for (const ia of a.items) {
      for (const bi of b.index.search(ia.minX, ia.minY, ia.maxX, ia.maxY)) {
        const ib = b.items[bi];
        let area = -1;
        let geom: Float64Array[][] | undefined;
        const inside = containment(ia, ib);
        if (inside !== null) {
          fast++;
          area = inside === 'disjoint' ? 0 : inside === 'a-in-b' ? ia.areaM2 : ib.areaM2;
          if (opts.withGeometry && area > 0) geom = inside === 'a-in-b' ? ia.polygons : ib.polygons;
        } else {
          clipped++;
          // Work in the pair's common box: both items cropped to it (exact for a
          // rectangle), moved to its centre and scaled as finely as its size allows,
          // so that a city-wide district and a small parcel still meet on a 0.01 mm grid.
          const bx0 = Math.max(ia.minX, ib.minX) - 1, by0 = Math.max(ia.minY, ib.minY) - 1;
          const bx1 = Math.min(ia.maxX, ib.maxX) + 1, by1 = Math.min(ia.maxY, ib.maxY) + 1;
          const ox = (bx0 + bx1) / 2, oy = (by0 + by1) / 2;
          const scale = clipScale(Math.max(bx1 - bx0, by1 - by0));
          const pa = croppedPaths(ia, bx0, by0, bx1, by1, ox, oy, scale);
          const pb = croppedPaths(ib, bx0, by0, bx1, by1, ox, oy, scale);
          if (opts.withGeometry) {
            const c = new Clipper64();
            c.addSubject(pa);
            c.addClip(pb);
            const tree = new PolyTree64();
            c.execute(ClipType.Intersection, FillRule.NonZero, tree);
            geom = polyTreeToPolygons(tree, scale);
            area = 0;
            for (const p of geom)
              for (const r of p) {
                for (let i = 0; i < r.length; i += 2) {
                  r[i] += ox;
                  r[i + 1] += oy;
                }
                area += ringArea(r);
              }
          } else {
            area = Clipper.areaPaths(Clipper.intersect(pa, pb, FillRule.NonZero)) / (scale * scale);
          }
        }
        if (area <= minArea) continue;
        pairs.push({
          aIndex: ia.index,
          bIndex: ib.index,
          aId: ia.id,
          bId: ib.id,
          aGroup: ia.group,
          bGroup: ib.group,
          areaM2: area,
          shareOfA: ia.areaM2 > 0 ? area / ia.areaM2 : 0,
          shareOfB: ib.areaM2 > 0 ? area / ib.areaM2 : 0,
          ...(geom ? { polygons: geom } : {}),
        });
      }
    }
  const groups = new Map<string, OverlapGroup>();
  let total = 0;
  for (const p of pairs) {
    total += p.areaM2;
    const k = `${p.aGroup}\u0000${p.bGroup}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { aGroup: p.aGroup, bGroup: p.bGroup, areaM2: 0, pairs: 0 }));
    g.areaM2 += p.areaM2;
    g.pairs++;
  }
  return { pairs, groups: [...groups.values()].sort((x, y) => y.areaM2 - x.areaM2), totalAreaM2: total, fastPathPairs: fast, clippedPairs: clipped };
}

/**
 * Decides a pair without clipping when the boundary of the larger item has no
 * edge inside the smaller item's box (and vice versa for the other role):
 * then the smaller one lies wholly inside or wholly outside, and one vertex
 * tells which. Returns null when clipping is needed.
 */
function containment(a: LayerItem, b: LayerItem): 'a-in-b' | 'b-in-a' | 'disjoint' | null {
  if (a.minX >= b.minX && a.maxX <= b.maxX && a.minY >= b.minY && a.maxY <= b.maxY) {
    if (!hasEdgeIn(itemEdges(b), a)) return pointInItem(b, a.polygons[0][0][0], a.polygons[0][0][1]) ? 'a-in-b' : 'disjoint';
  } else if (b.minX >= a.minX && b.maxX <= a.maxX && b.minY >= a.minY && b.maxY <= a.maxY) {
    if (!hasEdgeIn(itemEdges(a), b)) return pointInItem(a, b.polygons[0][0][0], b.polygons[0][0][1]) ? 'b-in-a' : 'disjoint';
  }
  return null;
}

function hasEdgeIn(edges: import('flatbush').default, box: LayerItem): boolean {
  let found = false;
  edges.search(box.minX, box.minY, box.maxX, box.maxY, () => {
    found = true;
    return false;
  });
  return found;
}

function pointInItem(it: LayerItem, x: number, y: number): boolean {
  for (const p of it.polygons) if (pointInRings(x, y, p)) return true;
  return false;
}

/**
 * An item's rings cropped to a box (Sutherland–Hodgman per ring: clipping to
 * a convex window keeps every winding number inside it), shifted to (ox, oy)
 * and scaled to clipper integers.
 */
function croppedPaths(it: LayerItem, x0: number, y0: number, x1: number, y1: number, ox: number, oy: number, scale: number): Paths64 {
  const out: Paths64 = [];
  const inside = it.minX >= x0 && it.maxX <= x1 && it.minY >= y0 && it.maxY <= y1;
  for (const poly of it.polygons)
    for (const ring of poly) {
      let pts: number[] = Array.from(ring);
      if (!inside) {
        pts = clipEdge(pts, (x) => x - x0, 0);
        pts = clipEdge(pts, (x) => x1 - x, 0);
        pts = clipEdge(pts, (y) => y - y0, 1);
        pts = clipEdge(pts, (y) => y1 - y, 1);
      }
      if (pts.length < 6) continue;
      const path: Path64 = new Array(pts.length / 2);
      for (let i = 0; i < pts.length; i += 2) path[i / 2] = { x: Math.round((pts[i] - ox) * scale), y: Math.round((pts[i + 1] - oy) * scale) };
      out.push(path);
    }
  return out;
}

/** One Sutherland–Hodgman pass against the half-plane f(coordinate) ≥ 0 on axis 0 (x) or 1 (y). */
function clipEdge(pts: number[], f: (v: number) => number, axis: 0 | 1): number[] {
  const out: number[] = [];
  const n = pts.length;
  if (!n) return out;
  let px = pts[n - 2], py = pts[n - 1];
  let pd = f(axis === 0 ? px : py);
  for (let i = 0; i < n; i += 2) {
    const x = pts[i], y = pts[i + 1];
    const d = f(axis === 0 ? x : y);
    if (d >= 0) {
      if (pd < 0) {
        const t = pd / (pd - d);
        out.push(px + (x - px) * t, py + (y - py) * t);
      }
      out.push(x, y);
    } else if (pd >= 0) {
      const t = pd / (pd - d);
      out.push(px + (x - px) * t, py + (y - py) * t);
    }
    px = x;
    py = y;
    pd = d;
  }
  return out;
}

