import { Clipper, FillRule, PointInPolygonResult, type PathsD } from 'clipper2-ts';
import { makeTransform, parseCrs, type ParsedCrs } from '../crs';
import { openFlatRing } from '../geometry/openRing';
import { newellNormal, triangulatePolygon, type Ring3, type RingProblem } from '../geometry/planarPolygon';
import type { MessageKey, NestedMessage } from '../i18n/Message';
import { functionLabel, roofTypeLabel } from '../i18n/buildingCodeLabels';
import { EnuFrame, geodeticToEcef, ecefToGeodetic } from './ellipsoid';
import type { ReportBuilder } from '../model/ConversionReport';
import type { BuildingFeature, BuildingProperties } from '../model/Building';
import type { SourceBuilding, SurfaceKind } from '../model/SourceBuilding';
import type { BuildingMesh, TileBuilding, TilePlacement } from './TileBuilding';
import { positionBounds } from './positionBounds';

/** Surface kind codes stored per vertex. */
export const KIND_CODE: Record<SurfaceKind, number> = { roof: 0, wall: 1, ground: 2, closure: 3, other: 4 };

/**
 * A building ready for tiling: a triangle mesh in its own east-north-up
 * frame (the ground at height 0 on the ellipsoid), its placement, its
 * properties and its footprint feature.
 */
export interface PreparedBuilding extends TilePlacement, BuildingMesh {
  properties: BuildingProperties;
  /** Bbox of the source coordinates used: [minX, minY, minZ, maxX, maxY, maxZ] in the source CRS. */
  nativeBbox: [number, number, number, number, number, number];
  footprint: BuildingFeature;
}

/** Drops roofs and the footprint geometry; see {@link TileBuilding}. */
export function toTileBuilding(p: PreparedBuilding): TileBuilding {
  const props: Record<string, unknown> = {};
  for (const k of Object.keys(p.properties) as (keyof BuildingProperties)[]) if (k !== 'roofs') props[k] = p.properties[k];
  return {
    lon: p.lon,
    lat: p.lat,
    positions: p.positions,
    normals: p.normals,
    kinds: p.kinds,
    indices: p.indices,
    west: p.west,
    south: p.south,
    east: p.east,
    north: p.north,
    minH: p.minH,
    maxH: p.maxH,
    nativeBbox: p.nativeBbox,
    propertiesJson: JSON.stringify(props),
  };
}

/** How source coordinates reach WGS84; build one per CRS with {@link makeCrsContext}. */
export interface CrsContext {
  crs: ParsedCrs;
  toWgs84: (p: ArrayLike<number>) => [number, number];
}

/** Resolves a CRS reference and prepares its transform to WGS84, or returns undefined when unknown. */
export function makeCrsContext(ref: string | undefined): CrsContext | undefined {
  const crs = parseCrs(ref);
  if (!crs) return undefined;
  const t = makeTransform(crs.code, 'EPSG:4326');
  const toWgs84 = crs.latLonOrder ? (p: ArrayLike<number>) => t([p[1], p[0]]) : t;
  return { crs, toWgs84 };
}

interface Poly {
  kind: SurfaceKind;
  rings: Ring3[];
  tri: { positions: ArrayLike<number>; indices: number[] };
}

/**
 * Validates, triangulates and places one building: rings are opened and
 * checked (unclosed: warning, used as closed; self-intersecting or
 * degenerate: polygon skipped with a warning), polygons without semantics
 * are classified by their normal, heights are made relative to the
 * building's lowest ground point (see docs/heights.md), and vertices go to an
 * ENU frame at the building. Returns undefined (and reports) when nothing
 * drawable is left.
 *
 * The steps are separate functions on purpose: a converter run is short, and
 * V8 optimises small functions much sooner than one big one (prepareBuilding
 * in one piece took 55 ms of compiler time per attempt and ran unoptimised
 * for a third of the bench file).
 *
 * @example prepareBuilding(source, makeCrsContext('EPSG:25832')!, report)
 */
export function prepareBuilding(b: SourceBuilding, crs: CrsContext, report: ReportBuilder): PreparedBuilding | undefined {
  const polys = validPolygons(b, report);
  if (polys.length === 0) {
    report.skip({ file: b.file, line: b.line, path: b.path, featureId: b.id, featureClass: b.featureClass, message: { code: 'convert.tiles.noValidPolygon' } });
    return undefined;
  }
  const e = extentOf(polys);
  const cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
  const [lon, lat] = crs.toWgs84([cx, cy]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    report.skip({ file: b.file, line: b.line, path: b.path, featureId: b.id, featureClass: b.featureClass, message: { code: 'convert.tiles.crsMismatch', params: { crs: crs.crs.code, lon: String(lon), lat: String(lat) } } });
    return undefined;
  }
  const toLonLat = localLonLat(crs, cx, cy, lon, lat, Math.max(e.maxX - e.minX, e.maxY - e.minY));
  const frame = new EnuFrame(lon, lat, 0);
  const m = placeMesh(polys, e, toLonLat, frame);
  const properties = buildingProperties(b, e, m.roofs);
  return {
    properties,
    lon,
    lat,
    positions: m.positions,
    normals: m.normals,
    kinds: m.kinds,
    indices: m.indices,
    west: m.west,
    south: m.south,
    east: m.east,
    north: m.north,
    minH: m.minH,
    maxH: m.maxH,
    nativeBbox: [e.minX, e.minY, e.minZ, e.maxX, e.maxY, e.maxZ],
    footprint: { type: 'Feature', geometry: footprintGeometry(m.pieces, frame), properties },
  };
}

/** The issue of a polygon that cannot be triangulated, by its ring's problem. */
const RING_PROBLEM: Record<RingProblem, MessageKey> = {
  'not closed': 'convert.tiles.ringProblem.notClosed',
  'too few points': 'convert.tiles.ringProblem.tooFewPoints',
  'self-intersecting': 'convert.tiles.ringProblem.selfIntersecting',
  'degenerate (zero area)': 'convert.tiles.ringProblem.degenerate',
};

/** "exterior" for ring 0, "interior k" for hole k. */
function ringName(k: number): NestedMessage {
  return k === 0 ? { code: 'convert.tiles.exterior' } : { code: 'convert.tiles.interior', params: { n: k } };
}

/** Opens, checks and triangulates every polygon; reports and drops the unusable ones. */
function validPolygons(b: SourceBuilding, report: ReportBuilder): Poly[] {
  const polys: Poly[] = [];
  for (const p of b.polygons) {
    const rings: Ring3[] = [];
    let bad = false;
    for (let k = 0; k < p.rings.length; k++) {
      const { ring, closed } = openFlatRing(p.rings[k]);
      if (!closed) report.warn({ file: b.file, line: p.line, path: p.path ?? b.path, featureId: b.id, featureClass: b.featureClass, message: { code: 'convert.tiles.ringNotClosed', params: { ring: ringName(k), id: p.id ?? { code: 'convert.noId' } } } });
      if (ring.length < 9) {
        if (k === 0) bad = true;
        continue;
      }
      rings.push(ring);
    }
    if (bad || rings.length === 0) {
      report.warn({ file: b.file, line: p.line, path: p.path ?? b.path, featureId: b.id, featureClass: b.featureClass, message: { code: 'convert.tiles.tooFewPoints', params: { id: p.id ?? { code: 'convert.noId' } } } });
      continue;
    }
    const tri = triangulatePolygon(rings);
    if ('problem' in tri) {
      // Zero-area slivers are common in real data and harmless: skip them quietly.
      if (tri.problem !== 'degenerate (zero area)') {
        report.warn({ file: b.file, line: p.line, path: p.path ?? b.path, featureId: b.id, featureClass: b.featureClass, message: { code: RING_PROBLEM[tri.problem], params: { ring: ringName(tri.ring), id: p.id ?? { code: 'convert.noId' } } } });
      }
      continue;
    }
    polys.push({ kind: p.kind ?? classifyByNormal(tri.normal), rings, tri });
  }
  return polys;
}

/** Source-CRS extent of the polygons, the ground level and the roof height range. */
interface Extent {
  minX: number;
  minY: number;
  minZ: number;
  maxX: number;
  maxY: number;
  maxZ: number;
  /** Lowest ground-surface point (lowest point of all when there is no ground surface). */
  groundZ: number;
  roofMin: number;
  roofMax: number;
  vertexCount: number;
  indexCount: number;
}

function extentOf(polys: Poly[]): Extent {
  let groundZ = Infinity, minZ = Infinity, maxZ = -Infinity;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let roofMin = Infinity, roofMax = -Infinity;
  let vertexCount = 0, indexCount = 0;
  for (const p of polys) {
    const pos = p.tri.positions;
    const { min, max } = positionBounds(pos);
    minX = Math.min(minX, min[0]);
    minY = Math.min(minY, min[1]);
    minZ = Math.min(minZ, min[2]);
    maxX = Math.max(maxX, max[0]);
    maxY = Math.max(maxY, max[1]);
    maxZ = Math.max(maxZ, max[2]);
    if (p.kind === 'ground') groundZ = Math.min(groundZ, min[2]);
    if (p.kind === 'roof') {
      roofMin = Math.min(roofMin, min[2]);
      roofMax = Math.max(roofMax, max[2]);
    }
    vertexCount += pos.length / 3;
    indexCount += p.tri.indices.length;
  }
  if (!Number.isFinite(groundZ)) groundZ = minZ;
  return { minX, minY, minZ, maxX, maxY, maxZ, groundZ, roofMin, roofMax, vertexCount, indexCount };
}

interface PlacedMesh extends BuildingMesh, Omit<TilePlacement, 'lon' | 'lat'> {
  roofs: [number, number, number][][];
  /** Footprint pieces in local metres (ground polygons, else every non-vertical polygon, projected). */
  pieces: PathsD;
}

/** Moves every vertex into the building's ENU frame and collects roofs and footprint pieces. */
function placeMesh(polys: Poly[], e: Extent, toLonLat: (x: number, y: number, out: number[]) => void, frame: EnuFrame): PlacedMesh {
  const { vertexCount, indexCount, groundZ } = e;
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Int8Array(vertexCount * 3);
  const kinds = new Uint8Array(vertexCount);
  const indices = vertexCount > 65535 ? new Uint32Array(indexCount) : new Uint16Array(indexCount);
  const bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const roofs: [number, number, number][][] = [];
  const pieces: PathsD = [];
  let hasGround = false;
  for (const p of polys) if (p.kind === 'ground') hasGround = true;
  // One scratch pair per building, not per polygon: thousands of small typed arrays
  // per second are malloc'd backing stores that raise peak RSS until a full GC.
  let maxN = 0;
  for (const p of polys) maxN = Math.max(maxN, p.tri.positions.length / 3);
  const lonLat = new Float64Array(maxN * 2);
  const loc = new Float64Array(maxN * 3);
  let v = 0, ii = 0;
  for (const p of polys) {
    const n = p.tri.positions.length / 3;
    placePolygon(p, v, groundZ, toLonLat, frame, lonLat, loc, positions, kinds, bounds);
    // Normal from the placed exterior ring (map grid north is not ENU north).
    const extLen = p.rings[0].length / 3;
    const nn = newellNormal(loc.subarray(0, extLen * 3));
    const len = Math.sqrt(nn[0] * nn[0] + nn[1] * nn[1] + nn[2] * nn[2]) || 1;
    const nx = Math.round((nn[0] / len) * 127), ny = Math.round((nn[1] / len) * 127), nz = Math.round((nn[2] / len) * 127);
    for (let i = v; i < v + n; i++) {
      normals[i * 3] = nx;
      normals[i * 3 + 1] = ny;
      normals[i * 3 + 2] = nz;
    }
    const idx = p.tri.indices;
    for (let k = 0; k < idx.length; k++) indices[ii++] = v + idx[k];
    v += n;
    if (hasGround ? p.kind === 'ground' : Math.abs(nn[2] / len) > 0.05) addFootprintPieces(p, loc, pieces);
    if (p.kind === 'roof') roofs.push(roofRing(p, lonLat, groundZ));
  }
  let minH = Infinity, maxH = -Infinity;
  for (let i = 0; i < vertexCount; i++) {
    // Height above the ellipsoid of each vertex: local up plus the curvature drop (tiny).
    const x = positions[i * 3], y = positions[i * 3 + 1], z = positions[i * 3 + 2];
    const h = z + (x * x + y * y) / (2 * 6378137);
    if (h < minH) minH = h;
    if (h > maxH) maxH = h;
  }
  return { positions, normals, kinds, indices, west: bounds.west, south: bounds.south, east: bounds.east, north: bounds.north, minH, maxH, roofs, pieces };
}

/** One polygon's vertices: source CRS → lon/lat → ECEF → the building's ENU frame, into `positions` from vertex v. */
function placePolygon(
  p: Poly,
  v: number,
  groundZ: number,
  toLonLat: (x: number, y: number, out: number[]) => void,
  frame: EnuFrame,
  lonLat: Float64Array,
  loc: Float64Array,
  positions: Float32Array,
  kinds: Uint8Array,
  bounds: { west: number; south: number; east: number; north: number },
): void {
  const pos = p.tri.positions;
  const n = pos.length / 3;
  const kind = KIND_CODE[p.kind];
  const ecef = [0, 0, 0];
  const ll = [0, 0];
  for (let i = 0; i < n; i++) {
    toLonLat(pos[i * 3], pos[i * 3 + 1], ll);
    const lo = ll[0], la = ll[1];
    lonLat[i * 2] = lo;
    lonLat[i * 2 + 1] = la;
    if (lo < bounds.west) bounds.west = lo;
    if (lo > bounds.east) bounds.east = lo;
    if (la < bounds.south) bounds.south = la;
    if (la > bounds.north) bounds.north = la;
    geodeticToEcef(lo, la, pos[i * 3 + 2] - groundZ, ecef);
    frame.toLocal(ecef[0], ecef[1], ecef[2], loc, i * 3);
    positions[(v + i) * 3] = loc[i * 3];
    positions[(v + i) * 3 + 1] = loc[i * 3 + 1];
    positions[(v + i) * 3 + 2] = loc[i * 3 + 2];
    kinds[v + i] = kind;
  }
}

/** A polygon's rings, projected to the ground, as footprint pieces for the union. */
function addFootprintPieces(p: Poly, loc: Float64Array, pieces: PathsD): void {
  let start = 0;
  for (const r of p.rings) {
    const m = r.length / 3;
    const path = [];
    for (let i = start; i < start + m; i++) path.push({ x: loc[i * 3], y: loc[i * 3 + 1] });
    // Exterior counter-clockwise, holes clockwise, so a NonZero union keeps courtyards open.
    const wantPositive = start === 0;
    if (Clipper.areaD(path) > 0 !== wantPositive) path.reverse();
    pieces.push(path);
    start += m;
  }
}

/** A roof polygon's exterior as [lon, lat, height above ground] (buildings.geojson `roofs`). */
function roofRing(p: Poly, lonLat: Float64Array, groundZ: number): [number, number, number][] {
  const pos = p.tri.positions;
  const m = p.rings[0].length / 3;
  const ring: [number, number, number][] = [];
  for (let i = 0; i < m; i++) ring.push([round(lonLat[i * 2], 1e7), round(lonLat[i * 2 + 1], 1e7), round(pos[i * 3 + 2] - groundZ, 100)]);
  ring.push(ring[0]);
  return ring;
}

/** The footprint feature's properties (also the tile's property table, without `roofs`). */
function buildingProperties(b: SourceBuilding, e: Extent, roofs: [number, number, number][][]): BuildingProperties {
  const a = b.attributes;
  const { groundZ } = e;
  // Assigned one by one, not with conditional {...} spreads: spreads per building cost
  // more than the rest of this block and inflate the young generation.
  const properties = { id: b.id } as BuildingProperties;
  if (a.function) {
    properties.function = a.function;
    const label = functionLabel(a.function);
    if (label !== undefined) properties.functionLabel = label;
  }
  if (a.roofType) {
    properties.roofType = a.roofType;
    const label = roofTypeLabel(a.roofType);
    if (label !== undefined) properties.roofTypeLabel = label;
  }
  properties.groundHeightM = round(groundZ, 1000);
  properties.heightM = round(e.maxZ - groundZ, 1000);
  if (a.measuredHeightM !== undefined) properties.measuredHeightM = a.measuredHeightM;
  if (Number.isFinite(e.roofMin)) {
    properties.eaveHeightM = round(e.roofMin - groundZ, 1000);
    properties.ridgeHeightM = round(e.roofMax - groundZ, 1000);
  }
  if (a.storeysAboveGround !== undefined) properties.storeysAboveGround = a.storeysAboveGround;
  if (a.storeysBelowGround !== undefined) properties.storeysBelowGround = a.storeysBelowGround;
  if (a.address) properties.address = a.address;
  properties.source = b.file;
  if (roofs.length && b.lod >= 2) properties.roofs = roofs;
  properties.lod = b.lod;
  if (Object.keys(a.generic).length) properties.attributes = a.generic;
  return properties;
}

/**
 * Source CRS → lon/lat near a building. Within a building (up to 2 km) the
 * projection is linear to far below a millimetre, so a Jacobian from central
 * differences replaces a proj4 call per vertex; larger objects (or geographic
 * CRSs) use proj4 for every vertex.
 */
function localLonLat(crs: CrsContext, cx: number, cy: number, lon: number, lat: number, extent: number): (x: number, y: number, out: number[]) => void {
  if (extent > 2000 || Math.abs(lat) > 85 || !/^EPSG:(258|326|327|314|286|28992|2056|4647|5650)/.test(crs.crs.code)) {
    return (x, y, out) => {
      const p = crs.toWgs84([x, y]);
      out[0] = p[0];
      out[1] = p[1];
    };
  }
  const d = 1;
  const px = crs.toWgs84([cx + d, cy]), mx = crs.toWgs84([cx - d, cy]);
  const py = crs.toWgs84([cx, cy + d]), my = crs.toWgs84([cx, cy - d]);
  const a = (px[0] - mx[0]) / (2 * d), b = (py[0] - my[0]) / (2 * d);
  const c = (px[1] - mx[1]) / (2 * d), e = (py[1] - my[1]) / (2 * d);
  return (x, y, out) => {
    const dx = x - cx, dy = y - cy;
    out[0] = lon + a * dx + b * dy;
    out[1] = lat + c * dx + e * dy;
  };
}

/** Kind of a polygon without semantics (LoD1 solids, CityJSON without semantics) from its normal. */
function classifyByNormal(n: [number, number, number]): SurfaceKind {
  if (n[2] < -0.5) return 'ground';
  if (Math.abs(n[2]) < 0.17) return 'wall';
  return 'roof';
}

function round(v: number, f: number): number {
  return Math.round(v * f) / f;
}

/**
 * Union of ring pieces (local metres) as an RFC 7946 (Multi)Polygon in WGS84:
 * exteriors counter-clockwise, holes clockwise.
 */
function footprintGeometry(pieces: PathsD, frame: EnuFrame): BuildingFeature['geometry'] {
  // One simple ground polygon (most buildings): nothing to union.
  const union = pieces.length === 1 ? pieces : Clipper.unionD(pieces, [], FillRule.NonZero, 3);
  const outers: { ring: { x: number; y: number }[]; holes: { x: number; y: number }[][] }[] = [];
  const holes: { x: number; y: number }[][] = [];
  for (const r of union) {
    if (r.length < 3) continue;
    if (Clipper.areaD(r) > 0) outers.push({ ring: r, holes: [] });
    else holes.push(r);
  }
  for (const h of holes) {
    const o = outers.find((c) => Clipper.pointInPolygonD(h[0], c.ring) !== PointInPolygonResult.IsOutside);
    if (o) o.holes.push(h);
  }
  const toLonLat = (r: { x: number; y: number }[], ccw: boolean): [number, number][] => {
    const pts = r.map((p) => {
      const e = frame.toEcef(p.x, p.y, 0);
      const g = ecefToGeodetic(e[0], e[1], e[2]);
      return [round(g[0], 1e8), round(g[1], 1e8)] as [number, number];
    });
    const positive = Clipper.areaD(r) > 0;
    if (positive !== ccw) pts.reverse();
    pts.push(pts[0]);
    return pts;
  };
  const polygons = outers.map((o) => [toLonLat(o.ring, true), ...o.holes.map((h) => toLonLat(h, false))]);
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}
