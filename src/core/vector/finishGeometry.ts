import { findSelfIntersection } from '../geometry/findSelfIntersection';
import { signedRingArea as signedArea } from '../geometry/signedRingArea';
import type { Geometry, Position } from 'geojson';
import type { NestedMessage } from '../i18n/Message';
import { ConversionError, problemOf } from '../model/ConversionError';

/** What happened to one geometry on its way to RFC 7946 GeoJSON. */
export interface FinishedGeometry {
  /** WGS84 geometry, rings wound by the right-hand rule; undefined when nothing valid was left. */
  geometry?: Geometry;
  /** Repairs and dropped parts (the feature is still converted), as message codes (`convert.geom.*`). */
  warnings: NestedMessage[];
  /** Why the whole geometry was dropped. */
  error?: NestedMessage;
}

export interface FinishOptions {
  /** Maps a native position (already in x/east, y/north order) to [lon, lat]. */
  toWgs84: (p: Position) => [number, number];
  /** Decimal places kept for lon/lat (8 ≈ 1 mm). */
  decimals?: number;
  /**
   * Points of a ring closer than this (CRS units) count as the same point:
   * near-duplicates are merged and zero-width spikes (A→B→A') removed.
   * Default 0.02 (2 cm, well below plan drawing accuracy); use ~2e-7 for geographic CRSs.
   */
  snapTolerance?: number;
}

/**
 * Validates a geometry in its native metric CRS and turns it into RFC 7946
 * GeoJSON: drops repeated points, closes unclosed rings (a warning), rejects
 * rings with fewer than 4 positions and self-intersecting rings (the
 * exterior drops the polygon, a bad hole is dropped alone), reprojects to
 * WGS84 and rewinds rings (exterior counter-clockwise, holes clockwise).
 *
 * @example finishGeometry({ type: 'Point', coordinates: [565000, 5933000] }, { toWgs84 }).geometry
 */
export function finishGeometry(g: Geometry, opts: FinishOptions): FinishedGeometry {
  const warnings: NestedMessage[] = [];
  const f = 10 ** (opts.decimals ?? 8);
  const tx = (p: Position): Position => {
    const [lon, lat] = opts.toWgs84(p);
    // proj4 answers far-out input (1e308) with Infinity/NaN or throws; either way this feature cannot be placed.
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new ConversionError({ code: 'convert.geom.notWgs84', params: { x: String(p[0]), y: String(p[1]), lon: String(lon), lat: String(lat) } });
    return [Math.round(lon * f) / f, Math.round(lat * f) / f];
  };
  try {
    const geometry = finish(g, tx, warnings, opts.snapTolerance ?? 0.02);
    if (!geometry) return { warnings, error: warnings.pop() ?? { code: 'convert.geom.empty' } };
    return { geometry, warnings };
  } catch (e) {
    return { warnings, error: problemOf(e) };
  }
}

function finish(g: Geometry, tx: (p: Position) => Position, warnings: NestedMessage[], tol: number): Geometry | undefined {
  switch (g.type) {
    case 'Point':
      checkFinite(g.coordinates);
      return { type: 'Point', coordinates: tx(g.coordinates) };
    case 'MultiPoint': {
      g.coordinates.forEach(checkFinite);
      if (g.coordinates.length === 0) return fail(warnings, { code: 'convert.geom.multiPointEmpty' });
      return { type: 'MultiPoint', coordinates: g.coordinates.map(tx) };
    }
    case 'LineString': {
      const line = cleanPath(g.coordinates);
      if (line.length < 2) return fail(warnings, { code: 'convert.geom.lineTooShort', params: { n: line.length } });
      return { type: 'LineString', coordinates: line.map(tx) };
    }
    case 'MultiLineString': {
      const lines = g.coordinates.map(cleanPath).filter((l, i) => l.length >= 2 || (warnings.push({ code: 'convert.geom.linePartDropped', params: { n: i + 1 } }), false));
      if (lines.length === 0) return fail(warnings, { code: 'convert.geom.noLineParts' });
      return lines.length === 1 ? { type: 'LineString', coordinates: lines[0].map(tx) } : { type: 'MultiLineString', coordinates: lines.map((l) => l.map(tx)) };
    }
    case 'Polygon': {
      const poly = finishPolygon(g.coordinates, tx, warnings, '', tol);
      return poly ? { type: 'Polygon', coordinates: poly } : undefined;
    }
    case 'MultiPolygon': {
      const polys: Position[][][] = [];
      g.coordinates.forEach((rings, i) => {
        const p = finishPolygon(rings, tx, warnings, g.coordinates.length > 1 ? { code: 'convert.geom.polygonPrefix', params: { n: i + 1 } } : '', tol);
        if (p) polys.push(p);
        else if (g.coordinates.length > 1) warnings.push({ code: 'convert.geom.polygonDropped', params: { n: i + 1 } });
      });
      if (polys.length === 0) return undefined;
      return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    }
    case 'GeometryCollection': {
      const geoms = g.geometries.map((x) => finish(x, tx, warnings, tol)).filter((x): x is Geometry => !!x);
      if (geoms.length === 0) return fail(warnings, { code: 'convert.geom.collectionEmpty' });
      return { type: 'GeometryCollection', geometries: geoms };
    }
  }
}

function fail(warnings: NestedMessage[], msg: NestedMessage): undefined {
  warnings.push(msg);
  return undefined;
}

function checkFinite(p: Position): void {
  if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new ConversionError({ code: 'convert.geom.invalidCoordinate', params: { position: p.join(', ') } });
}

function cleanPath(ps: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ps) {
    checkFinite(p);
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  return out;
}

function finishPolygon(rings: Position[][], tx: (p: Position) => Position, warnings: NestedMessage[], prefix: NestedMessage | '', tol: number): Position[][] | undefined {
  const out: Position[][] = [];
  for (let i = 0; i < rings.length; i++) {
    const ring: NestedMessage = i === 0 ? { code: 'convert.geom.exteriorRing' } : { code: 'convert.geom.interiorRing', params: { n: i } };
    let pts = cleanPath(rings[i]);
    if (pts.length >= 2) {
      const a = pts[0], b = pts[pts.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) {
        const gap = Math.hypot(a[0] - b[0], a[1] - b[1]);
        if (gap > tol) warnings.push({ code: 'convert.geom.ringNotClosed', params: { prefix, ring, gap: gap.toPrecision(3) } });
        pts.push(a.slice());
      }
      const snapped = snapRing(pts, tol);
      if (snapped.spikes > 0) warnings.push({ code: 'convert.geom.spikes', params: { prefix, ring, n: snapped.spikes, ...near(snapped.at!) } });
      pts = snapped.ring;
    }
    let problem: NestedMessage | undefined;
    if (pts.length < 4) problem = { code: 'convert.geom.ringTooFew', params: { ring, n: Math.max(0, pts.length - 1) } };
    else {
      const fixed = cutSmallLoops(pts);
      if (fixed.cut > 0) {
        warnings.push({ code: 'convert.geom.loopsCut', params: { prefix, ring, n: fixed.cut, ...near(fixed.at!) } });
        pts = fixed.ring;
      }
      const x = fixed.bad ?? findSelfIntersection(pts)?.point;
      if (x) problem = { code: 'convert.geom.selfIntersects', params: { ring, ...near(x) } };
      else if (signedArea(pts) === 0) problem = { code: 'convert.geom.zeroArea', params: { ring } };
    }
    if (problem) {
      if (i === 0) {
        warnings.push({ code: 'convert.geom.prefixed', params: { prefix, problem } });
        return undefined;
      }
      warnings.push({ code: 'convert.geom.holeDropped', params: { prefix, problem } });
      continue;
    }
    const ll = pts.map(tx);
    // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
    const ccw = signedArea(ll) > 0;
    if ((i === 0) !== ccw) ll.reverse();
    out.push(ll);
  }
  return out;
}

/** A position as the `x`, `y` of a message, with millimetres (the text reports always gave). */
function near(p: Position): { x: string; y: string } {
  return { x: p[0].toFixed(3), y: p[1].toFixed(3) };
}

/**
 * Merges ring vertices closer than `tol` and removes spikes A→B→A' whose
 * ends coincide within `tol` (digitising slips of a millimetre that make a
 * ring cross itself). Input and output are closed rings.
 */
export function snapRing(closed: Position[], tol: number): { ring: Position[]; spikes: number; at?: Position } {
  const pts = closed.slice(0, -1);
  const near = (a: Position, b: Position) => Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
  let spikes = 0;
  let at: Position | undefined;
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const n = pts.length;
      const next = pts[(i + 1) % n];
      if (near(pts[i], next)) {
        pts.splice((i + 1) % n, 1);
        changed = true;
        break;
      }
      const prev = pts[(i - 1 + n) % n];
      if (near(prev, next)) {
        at = pts[i];
        // Drop the spike tip and the returning duplicate of `prev`.
        const drop = [(i + 1) % n, i].sort((a, b) => b - a);
        for (const d of drop) pts.splice(d, 1);
        spikes++;
        changed = true;
        break;
      }
    }
  }
  return { ring: pts.length > 0 ? [...pts, pts[0].slice()] : [], spikes, at };
}

/**
 * Repairs rings that cross themselves only by a tiny loop (a digitising
 * slip): at a crossing the ring splits into two loops; when the smaller has
 * at most 1 % of the larger's area it is cut off. Stops at a real crossing
 * and returns it as `bad`.
 */
export function cutSmallLoops(closed: Position[]): { ring: Position[]; cut: number; at?: Position; bad?: Position } {
  let ring = closed;
  let cut = 0;
  let at: Position | undefined;
  for (let round = 0; round < 20; round++) {
    const x = findSelfIntersection(ring);
    if (!x) return { ring, cut, at };
    const { point, i, j } = x;
    const inner = [point, ...ring.slice(i + 1, j + 1), point];
    const outer = [...ring.slice(0, i + 1), point, ...ring.slice(j + 1)];
    const a1 = Math.abs(signedArea(inner)), a2 = Math.abs(signedArea(outer));
    const [small, keep] = a1 <= a2 ? [a1, outer] : [a2, inner];
    if (small > 0.01 * Math.max(a1, a2) || keep.length < 4) return { ring, cut, at, bad: point };
    ring = keep;
    at ??= point;
    cut++;
  }
  return { ring, cut, at, bad: findSelfIntersection(ring)?.point };
}
