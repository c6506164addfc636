import earcut from 'earcut';
import type { LocalFrame } from '../crs/LocalFrame';
import type { BuildingFeature } from '../model/Building';
import { convexParts } from './convexParts';
import { isConvexCcw, polygonToLocal, ringArea, reverseRing, ringToLocal, polygonsOf, type LocalPolygon } from './localGeometry';

/**
 * A column under a roof face (or a whole prism): the solid between the ground
 * and the planar face through `rings` with the given vertex `heights`
 * (above ground). The building solid is the union of its columns.
 */
export interface SolidColumn {
  /** Outer ring first (CCW), holes after (CW), flat local xy. */
  rings: LocalPolygon;
  /** Height above ground of each vertex, one array per ring. */
  heights: Float64Array[];
  /** All vertices at one height (a prism), so the shadow is a translated copy. */
  flat: boolean;
  /** Single convex ring: the shadow is the convex hull of base and top. */
  convex: boolean;
  maxHeightM: number;
}

/** A building ready for the analyses: local footprint, columns, ray-cast triangles. */
export interface BuildingSolid {
  id: string;
  /** Index of the feature in the input collection. */
  index: number;
  footprint: LocalPolygon[];
  footprintAreaM2: number;
  columns: SolidColumn[];
  /** LoD2 roofs present: the footprint is drawn as its own shadow piece. */
  lod2: boolean;
  maxHeightM: number;
  /** Bounding box of footprint and roofs, local metres. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /**
   * Top triangles of the columns for ray casting, 9 numbers each:
   * x0,y0,x1,y1,x2,y2 (CCW) and the plane z = a·x + b·y + c.
   */
  triangles: Float64Array;
}

/**
 * Turns `buildings.geojson` features into local solids. LoD2 buildings
 * (`roofs` present) become one column per roof face with the real vertex
 * heights; the others become prisms of `heightM` over the footprint.
 * Features without a usable footprint or height are reported in `skipped`.
 *
 * @example const { solids } = prepareBuildings(fc.features, LocalFrame.around([9.99, 53.55]));
 */
export function prepareBuildings(
  features: BuildingFeature[],
  frame: LocalFrame,
): { solids: BuildingSolid[]; skipped: { index: number; id: string; problem: string }[] } {
  const solids: BuildingSolid[] = [];
  const skipped: { index: number; id: string; problem: string }[] = [];
  features.forEach((f, index) => {
    const id = String(f.properties?.id ?? f.id ?? index);
    const h = Number(f.properties?.heightM);
    const footprint = polygonsOf(f.geometry)
      .map((p) => polygonToLocal(p, frame))
      .filter((p) => p.length > 0);
    if (!footprint.length) {
      skipped.push({ index, id, problem: 'no polygon footprint' });
      return;
    }
    const roofs = f.properties?.roofs;
    const columns: SolidColumn[] = [];
    if (Array.isArray(roofs) && roofs.length) {
      for (const roof of roofs) {
        const heights: number[] = [];
        const ring = ringToLocal(roof, frame, heights);
        if (ring.length < 6 || Math.abs(ringArea(ring)) < 1e-6) continue; // vertical or degenerate face
        const hs = Float64Array.from(heights, (z) => Math.max(0, Number.isFinite(z) ? z : 0));
        if (ringArea(ring) < 0) {
          reverseRing(ring);
          hs.reverse();
        }
        columns.push(makeColumn([ring], [hs]));
      }
    }
    const lod2 = columns.length > 0;
    if (!lod2) {
      if (!Number.isFinite(h) || h < 0) {
        skipped.push({ index, id, problem: `heightM ${f.properties?.heightM} is not a non-negative number` });
        return;
      }
      for (const poly of footprint) {
        // Convex parts: one hull per part for shadows (exact: the union of the parts' prisms is the prism).
        const parts = poly.length === 1 && isConvexCcw(poly[0]) ? [poly[0]] : convexParts(poly);
        for (const r of parts) columns.push(makeColumn([r], [new Float64Array(r.length / 2).fill(h)]));
      }
    }
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxH = 0;
    const grow = (r: Float64Array) => {
      for (let i = 0; i < r.length; i += 2) {
        if (r[i] < minX) minX = r[i];
        if (r[i] > maxX) maxX = r[i];
        if (r[i + 1] < minY) minY = r[i + 1];
        if (r[i + 1] > maxY) maxY = r[i + 1];
      }
    };
    footprint.forEach((p) => p.forEach(grow));
    columns.forEach((c) => {
      c.rings.forEach(grow);
      maxH = Math.max(maxH, c.maxHeightM);
    });
    let area = 0;
    for (const p of footprint) for (const r of p) area += ringArea(r);
    solids.push({
      id,
      index,
      footprint,
      footprintAreaM2: area,
      columns,
      lod2,
      maxHeightM: maxH,
      minX,
      minY,
      maxX,
      maxY,
      triangles: columnTriangles(columns),
    });
  });
  return { solids, skipped };
}

function makeColumn(rings: LocalPolygon, heights: Float64Array[]): SolidColumn {
  let min = Infinity, max = -Infinity;
  for (const hs of heights) for (const z of hs) {
    if (z < min) min = z;
    if (z > max) max = z;
  }
  return { rings, heights, flat: max - min < 1e-9, convex: rings.length === 1 && isConvexCcw(rings[0]), maxHeightM: max };
}

/** Triangulates the top faces (earcut in xy) and stores each triangle's plane. */
function columnTriangles(columns: SolidColumn[]): Float64Array {
  const out: number[] = [];
  for (const c of columns) {
    const flat: number[] = [];
    const zs: number[] = [];
    const holes: number[] = [];
    c.rings.forEach((r, k) => {
      if (k > 0) holes.push(flat.length / 2);
      for (let i = 0; i < r.length; i++) flat.push(r[i]);
      for (const z of c.heights[k]) zs.push(z);
    });
    const tri = earcut(flat, holes.length ? holes : undefined, 2);
    for (let t = 0; t < tri.length; t += 3) {
      let a = tri[t], b = tri[t + 1];
      const d = tri[t + 2];
      let ax = flat[2 * a], ay = flat[2 * a + 1], bx = flat[2 * b], by = flat[2 * b + 1];
      const cx = flat[2 * d], cy = flat[2 * d + 1];
      let area2 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (Math.abs(area2) < 1e-9) continue;
      if (area2 < 0) {
        [a, b] = [b, a];
        [ax, ay, bx, by] = [bx, by, ax, ay];
        area2 = -area2;
      }
      const az = zs[a], bz = zs[b], cz = zs[d];
      // Plane through the three vertices: z = pa·x + pb·y + pc.
      const pa = ((bz - az) * (cy - ay) - (by - ay) * (cz - az)) / area2;
      const pb = ((bx - ax) * (cz - az) - (bz - az) * (cx - ax)) / area2;
      const pc = az - pa * ax - pb * ay;
      out.push(ax, ay, bx, by, cx, cy, pa, pb, pc);
    }
  }
  return Float64Array.from(out);
}
