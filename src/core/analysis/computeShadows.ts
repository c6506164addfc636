import { Clipper, FillRule, type Path64, type Paths64, type PolyPath64 } from 'clipper2-ts';
import { unionByStrips } from './unionByStrips';
import type { LocalFrame } from '../crs/LocalFrame';
import { localToGeoJsonRings, trueNorthGridAngleDeg } from './localGeometry';
import type { BuildingSolid } from './prepareBuildings';
import { shadowPiecesCopy } from './shadowPieces';
import { stepAt } from './computeSunHours';
import { clipScale } from './polygonLayer';

export interface ShadowOptions {
  /** The instant, UTC ms. */
  timeMs: number;
  frame: LocalFrame;
  /** Below this apparent sun altitude the result is 'sun-below-horizon'. Default 1°. */
  minAltitudeDeg?: number;
  /** Also compute the merged union (default true). */
  union?: boolean;
}

export type ShadowResult =
  | { status: 'sun-below-horizon'; altitudeDeg: number; azimuthDeg: number }
  | {
      status: 'ok';
      altitudeDeg: number;
      azimuthDeg: number;
      /** Per building: pieces whose union is its ground shadow (footprint included). */
      buildings: { id: string; pieces: Float64Array[][] }[];
      /** Merged shadow: polygons (outer ring CCW first, holes CW), local metres. */
      union: Float64Array[][];
      unionAreaM2: number;
    };

/**
 * Ground shadows of all buildings at one instant, and their merged union for
 * display (clipper2, strip by strip; areas in m²).
 *
 * @example computeShadows(solids, { timeMs: Date.parse('2026-03-20T12:00+01:00'), frame })
 */
export function computeShadows(solids: BuildingSolid[], o: ShadowOptions): ShadowResult {
  const [lon, lat] = o.frame.toWgs84([0, 0]);
  const s = stepAt(o.timeMs, lon, lat, trueNorthGridAngleDeg(o.frame), o.minAltitudeDeg ?? 1);
  if (!s.up) return { status: 'sun-below-horizon', altitudeDeg: s.altitudeDeg, azimuthDeg: s.azimuthDeg };
  const buildings = solids.map((b) => ({ id: b.id, pieces: shadowPiecesCopy(b, s.sx, s.sy) }));
  const union = o.union === false ? [] : unionGroups(buildings.map((b) => b.pieces));
  let area = 0;
  for (const p of union) for (const r of p) area += ringSigned(r);
  return { status: 'ok', altitudeDeg: s.altitudeDeg, azimuthDeg: s.azimuthDeg, buildings, union, unionAreaM2: area };
}

/** Strip width of the union, metres (see unionByStrips; 50 m measured fastest on 1 km²). */
const STRIP_M = 50;

/**
 * Union of polygons (outer ring CCW first, holes CW; positive winding
 * inside) as polygons with holes, in metres.
 *
 * @example unionPieces([[square1], [square2]])
 */
export function unionPieces(pieces: Float64Array[][]): Float64Array[][] {
  return unionGroups(pieces.map((p) => [p]));
}

/**
 * Union of groups of polygons (e.g. each building's shadow pieces): each
 * group is dissolved first (its pieces overlap heavily), then all groups are
 * merged strip by strip ({@link unionByStrips}): 10,000 buildings' shadows
 * over 1 km² in about a third of the time of one clipper union, same result.
 */
export function unionGroups(groups: Float64Array[][][]): Float64Array[][] {
  let maxAbs = 0;
  for (const g of groups) for (const p of g) for (const r of p) for (let i = 0; i < r.length; i++) if (Math.abs(r[i]) > maxAbs) maxAbs = Math.abs(r[i]);
  const scale = clipScale(maxAbs);
  const polygons: Paths64[] = [];
  for (const g of groups) {
    const paths: Paths64 = [];
    for (const p of g) for (const r of p) paths.push(toPath(r, scale));
    if (paths.length === 0) continue;
    polygons.push(g.length > 1 ? Clipper.union(paths, FillRule.NonZero) : paths);
  }
  return unionByStrips(polygons, STRIP_M * scale).map((poly) => poly.map((r) => toFlat(r, scale)));
}

function toPath(r: Float64Array, scale: number): Path64 {
  const path = new Array(r.length / 2);
  for (let i = 0; i < r.length; i += 2) path[i / 2] = { x: Math.round(r[i] * scale), y: Math.round(r[i + 1] * scale) };
  return path;
}

/** Flattens a clipper PolyTree (integers at `scale`) into polygons in metres (outer + holes); islands in holes become their own polygons. */
export function polyTreeToPolygons(tree: PolyPath64, scale: number): Float64Array[][] {
  const out: Float64Array[][] = [];
  const walkOuter = (node: PolyPath64) => {
    const poly: Float64Array[] = [toFlat(node.poly!, scale)];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      poly.push(toFlat(hole.poly!, scale));
      for (let k = 0; k < hole.count; k++) walkOuter(hole.child(k));
    }
    out.push(poly);
  };
  for (let i = 0; i < tree.count; i++) walkOuter(tree.child(i));
  return out;
}

function toFlat(path: { x: number; y: number }[], scale: number): Float64Array {
  const r = new Float64Array(path.length * 2);
  path.forEach((p, i) => {
    r[2 * i] = p.x / scale;
    r[2 * i + 1] = p.y / scale;
  });
  return r;
}

function ringSigned(r: Float64Array): number {
  let a = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) a += (r[j] - r[i]) * (r[j + 1] + r[i + 1]);
  return a / 2;
}

/**
 * Shadow result → GeoJSON (WGS84): one feature per building (`kind: 'building'`,
 * its pieces merged) unless `perBuilding` is false, and the merged union
 * (`kind: 'union'`, `areaM2`).
 */
export function shadowsToGeoJson(r: ShadowResult, frame: LocalFrame, perBuilding = true): GeoJSON.FeatureCollection {
  if (r.status !== 'ok') return { type: 'FeatureCollection', features: [] };
  const features: GeoJSON.Feature[] = [];
  if (perBuilding)
    for (const b of r.buildings) {
      const polys = b.pieces.length === 1 ? b.pieces : unionPieces(b.pieces);
      features.push({
        type: 'Feature',
        properties: { kind: 'building', buildingId: b.id },
        geometry: { type: 'MultiPolygon', coordinates: polys.map((p) => localToGeoJsonRings(p, frame)) },
      });
    }
  features.push({
    type: 'Feature',
    properties: { kind: 'union', areaM2: Math.round(r.unionAreaM2 * 100) / 100, altitudeDeg: r.altitudeDeg, azimuthDeg: r.azimuthDeg },
    geometry: { type: 'MultiPolygon', coordinates: r.union.map((p) => localToGeoJsonRings(p, frame)) },
  });
  return { type: 'FeatureCollection', features };
}
