import Flatbush from 'flatbush';
import type { Path64, Paths64 } from 'clipper2-ts';
import type { LocalFrame } from '../crs/LocalFrame';
import { polygonArea, polygonToLocal, polygonsOf, type LocalPolygon } from './localGeometry';

/** Default clipper integer scale of the polygon analyses: 0.1 mm. */
export const CLIP_SCALE = 10000;

/**
 * Clipper integer scale for coordinates up to `maxAbs` metres from the frame
 * origin: as fine as 0.01 mm, but coordinates stay below 6·10⁷ so that
 * products of two stay exact in doubles (2^53 ≈ 9·10¹⁵).
 */
export function clipScale(maxAbs: number): number {
  return Math.min(1e5, 10 ** Math.floor(Math.log10(6e7 / Math.max(maxAbs, 1))));
}

/** Largest absolute coordinate of a layer's boxes. */
export function layerMaxAbs(l: PolygonLayer): number {
  let m = 0;
  for (const it of l.items) m = Math.max(m, Math.abs(it.minX), Math.abs(it.maxX), Math.abs(it.minY), Math.abs(it.maxY));
  return m;
}

/** One polygon feature of a layer in local metres. */
export interface LayerItem {
  /** Index of the feature in its collection. */
  index: number;
  id: string;
  /** Value of the grouping property (or '' when none). */
  group: string;
  polygons: LocalPolygon[];
  areaM2: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  properties: Record<string, unknown>;
  /** Rings as clipper integer paths at `pathsScale`, built on first use. */
  paths?: Paths64;
  pathsScale?: number;
  /** Index of the ring edges, built on first use (for the containment fast path). */
  edges?: Flatbush;
}

/** A polygon layer ready for overlay: items plus a bbox index. */
export interface PolygonLayer {
  items: LayerItem[];
  index: Flatbush | null;
  /** Features that were not polygons, with the reason. */
  skipped: { index: number; id: string; problem: string }[];
}

/**
 * Converts polygon features to local metres and indexes their boxes.
 * `groupBy` names the property used for grouping (e.g. `landUse`).
 *
 * @example prepareLayer(zones.features, frame, 'landUse')
 */
export function prepareLayer(features: GeoJSON.Feature[], frame: LocalFrame, groupBy?: string): PolygonLayer {
  const items: LayerItem[] = [];
  const skipped: PolygonLayer['skipped'] = [];
  features.forEach((f, index) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(props.id ?? f.id ?? index);
    const polygons = polygonsOf(f.geometry)
      .map((p) => polygonToLocal(p, frame))
      .filter((p) => p.length > 0);
    if (!polygons.length) {
      skipped.push({ index, id, problem: `geometry ${f.geometry?.type ?? 'null'} has no polygon` });
      return;
    }
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of polygons)
      for (let i = 0; i < p[0].length; i += 2) {
        const x = p[0][i], y = p[0][i + 1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    const g = groupBy ? props[groupBy] : undefined;
    items.push({
      index,
      id,
      group: g === undefined || g === null ? '' : String(g),
      polygons,
      areaM2: polygons.reduce((s, p) => s + polygonArea(p), 0),
      minX,
      minY,
      maxX,
      maxY,
      properties: props,
    });
  });
  let index: Flatbush | null = null;
  if (items.length) {
    index = new Flatbush(items.length);
    for (const it of items) index.add(it.minX, it.minY, it.maxX, it.maxY);
    index.finish();
  }
  return { items, index, skipped };
}

/** Clipper integer paths of an item at `scale` (default 0.1 mm), cached. */
export function itemPaths(it: LayerItem, scale = CLIP_SCALE): Paths64 {
  if (!it.paths || it.pathsScale !== scale) {
    const paths: Paths64 = [];
    for (const p of it.polygons)
      for (const r of p) {
        const path: Path64 = new Array(r.length / 2);
        for (let i = 0; i < r.length; i += 2) path[i / 2] = { x: Math.round(r[i] * scale), y: Math.round(r[i + 1] * scale) };
        paths.push(path);
      }
    it.paths = paths;
    it.pathsScale = scale;
  }
  return it.paths;
}

/** Flatbush over all ring edges of an item, cached. */
export function itemEdges(it: LayerItem): Flatbush {
  if (!it.edges) {
    let n = 0;
    for (const p of it.polygons) for (const r of p) n += r.length / 2;
    const fb = new Flatbush(Math.max(1, n));
    for (const p of it.polygons)
      for (const r of p) {
        const len = r.length;
        for (let i = 0, j = len - 2; i < len; j = i, i += 2)
          fb.add(Math.min(r[i], r[j]), Math.min(r[i + 1], r[j + 1]), Math.max(r[i], r[j]), Math.max(r[i + 1], r[j + 1]));
      }
    if (n === 0) fb.add(0, 0, 0, 0);
    fb.finish();
    it.edges = fb;
  }
  return it.edges;
}
