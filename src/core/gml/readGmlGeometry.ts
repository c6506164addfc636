import type { Geometry, Position } from 'geojson';
import { densifyArc3, densifyArcString, densifyCenterArc, densifyCircle3, DEFAULT_MAX_CHORD_ERROR } from '../geometry/densifyArc';
import { childNamed, childrenNamed, isGml, type XmlElement } from '../xml/parseXmlTree';
import type { NestedMessage } from '../i18n/Message';
import { ConversionError } from '../model/ConversionError';
import { checkGmlCoordinates, gmlCoordinatesText, gmlNumbers } from './gmlCoordinates';

/** A problem in a GML geometry (a `convert.gml.*`/`convert.coords.*` message); `line` points at the offending element. */
export class GmlGeometryError extends ConversionError {
  constructor(
    problem: NestedMessage,
    readonly line: number,
  ) {
    super(problem);
  }
}

export interface GmlReadContext {
  /** Maximum chord error for arcs, in CRS units (default 0.1 m). */
  maxChordError?: number;
  /** Non-fatal notes (e.g. an arc with collinear points read as a line), as messages. */
  notes?: NestedMessage[];
}

const GEOMETRY_NAMES = new Set([
  'Point', 'MultiPoint', 'LineString', 'Curve', 'CompositeCurve', 'OrientableCurve', 'MultiCurve', 'MultiLineString',
  'Polygon', 'Surface', 'PolygonPatch', 'MultiSurface', 'MultiPolygon', 'CompositeSurface', 'OrientableSurface', 'MultiGeometry', 'LinearRing', 'Ring',
]);

/** True when `el` is a GML geometry element this reader understands. */
export function isGmlGeometry(el: XmlElement): boolean {
  return isGml(el) && GEOMETRY_NAMES.has(el.local);
}

/** The first GML geometry element directly inside a property element (e.g. `xplan:position`, `app:geom`). */
export function geometryChild(prop: XmlElement): XmlElement | undefined {
  return prop.children.find(isGmlGeometry);
}

/** `srsName` of the geometry, of a descendant, or of the nearest ancestor that declares one. */
export function srsNameOf(el: XmlElement): string | undefined {
  if (el.attrs.srsName) return el.attrs.srsName;
  const down = findSrs(el);
  if (down) return down;
  for (let p = el.parent; p; p = p.parent) {
    if (p.attrs.srsName) return p.attrs.srsName;
    const env = childNamed(p, 'boundedBy');
    const srs = env && findSrs(env);
    if (srs) return srs;
  }
  return undefined;
}

function findSrs(el: XmlElement): string | undefined {
  for (const c of el.children) {
    if (c.attrs.srsName) return c.attrs.srsName;
    const s = findSrs(c);
    if (s) return s;
  }
  return undefined;
}

function dimensionOf(el: XmlElement): number {
  for (let p: XmlElement | undefined = el; p; p = p.parent) {
    const d = p.attrs.srsDimension ?? p.attrs.dimension;
    if (d) return Number(d);
  }
  return 2;
}

function numbersOf(el: XmlElement): number[] {
  const nums = gmlNumbers(el.text, el.name);
  if (!Array.isArray(nums)) throw new GmlGeometryError(nums, el.line);
  return nums;
}

function readPosList(el: XmlElement): Position[] {
  const nums = numbersOf(el);
  const dim = dimensionOf(el);
  const problem = checkGmlCoordinates(nums, dim, el.name);
  if (problem) throw new GmlGeometryError(problem, el.line);
  const out: Position[] = [];
  for (let i = 0; i < nums.length; i += dim) out.push(dim === 3 ? [nums[i], nums[i + 1], nums[i + 2]] : [nums[i], nums[i + 1]]);
  return out;
}

function readPos(el: XmlElement): Position {
  const nums = numbersOf(el);
  if (nums.length < 2 || nums.length > 3) throw new GmlGeometryError({ code: 'convert.gml.posCount', params: { n: nums.length } }, el.line);
  const problem = checkGmlCoordinates(nums, nums.length, el.name);
  if (problem) throw new GmlGeometryError(problem, el.line);
  return nums;
}

/** GML 2 style `<gml:coordinates cs="," ts=" ">x,y x,y</gml:coordinates>`. */
function readCoordinates(el: XmlElement): Position[] {
  const c = gmlCoordinatesText(el.text, el.attrs);
  if ('code' in c) throw new GmlGeometryError(c, el.line);
  const out: Position[] = [];
  for (let i = 0; i < c.values.length; i += c.dim) out.push(c.values.slice(i, i + c.dim));
  return out;
}

/** Positions of an element holding posList, pos*, pointProperty/Point* or coordinates. */
function readPositions(el: XmlElement): Position[] {
  const posList = childNamed(el, 'posList');
  if (posList) return readPosList(posList);
  const coords = childNamed(el, 'coordinates');
  if (coords) return readCoordinates(coords);
  const out: Position[] = [];
  for (const c of el.children) {
    if (c.local === 'pos') out.push(readPos(c));
    else if (c.local === 'pointProperty' || c.local === 'pointRep') {
      const pt = childNamed(c, 'Point');
      if (pt) out.push(readPoint(pt));
    } else if (c.local === 'coord') {
      out.push([Number(childNamed(c, 'X')?.text), Number(childNamed(c, 'Y')?.text)]);
    }
  }
  return out;
}

function readPoint(el: XmlElement): Position {
  const pos = childNamed(el, 'pos');
  if (pos) return readPos(pos);
  const ps = readPositions(el);
  if (ps.length !== 1) throw new GmlGeometryError({ code: 'convert.gml.pointPositions' }, el.line);
  return ps[0];
}

function appendPath(out: Position[], part: Position[]): void {
  if (part.length === 0) return;
  const last = out[out.length - 1];
  const first = part[0];
  // Consecutive curve pieces share their joint point; keep it once.
  const start = last && last[0] === first[0] && last[1] === first[1] ? 1 : 0;
  for (let i = start; i < part.length; i++) out.push(part[i]);
}

function angleRad(el: XmlElement | undefined): number | undefined {
  if (!el) return undefined;
  const v = Number(el.text.trim());
  if (!Number.isFinite(v)) return undefined;
  return /rad/i.test(el.attrs.uom ?? '') ? v : (v * Math.PI) / 180;
}

function readSegment(seg: XmlElement, ctx: GmlReadContext): Position[] {
  const tol = ctx.maxChordError ?? DEFAULT_MAX_CHORD_ERROR;
  switch (seg.local) {
    case 'LineStringSegment':
    case 'LineString':
      return readPositions(seg);
    case 'Arc':
    case 'ArcString': {
      const ps = readPositions(seg);
      if (ps.length < 3) throw new GmlGeometryError({ code: 'convert.gml.arcPoints', params: { element: seg.local, n: ps.length } }, seg.line);
      if (seg.local === 'Arc' && ps.length !== 3) ctx.notes?.push({ code: 'convert.gml.arcAsArcString', params: { line: seg.line, n: ps.length } });
      return ps.length === 3 ? densifyArc3(ps[0], ps[1], ps[2], tol) : densifyArcString(ps, tol);
    }
    case 'Circle': {
      const ps = readPositions(seg);
      if (ps.length < 3) throw new GmlGeometryError({ code: 'convert.gml.circlePoints', params: { n: ps.length } }, seg.line);
      return densifyCircle3(ps[0], ps[1], ps[2], tol);
    }
    case 'CircleByCenterPoint':
    case 'ArcByCenterPoint': {
      const centre = readPositions(seg)[0];
      const radiusEl = childNamed(seg, 'radius');
      const r = Number(radiusEl?.text.trim());
      if (!centre || !Number.isFinite(r) || r <= 0) throw new GmlGeometryError({ code: 'convert.gml.noCentre', params: { element: seg.local } }, seg.line);
      if (seg.local === 'CircleByCenterPoint') return densifyCenterArc(centre[0], centre[1], r, 0, 2 * Math.PI, tol);
      const start = angleRad(childNamed(seg, 'startAngle')) ?? 0;
      const end = angleRad(childNamed(seg, 'endAngle')) ?? start + 2 * Math.PI;
      return densifyCenterArc(centre[0], centre[1], r, start, end - start, tol);
    }
    case 'GeodesicString':
    case 'Geodesic':
      return readPositions(seg);
    default:
      if (seg.local.includes('Spline') || seg.local.includes('Bezier') || seg.local.includes('Clothoid')) {
        ctx.notes?.push({ code: 'convert.gml.splineAsLines', params: { line: seg.line, element: seg.local } });
        return readPositions(seg);
      }
      throw new GmlGeometryError({ code: 'convert.gml.unsupportedSegment', params: { element: seg.name } }, seg.line);
  }
}

/** A curve-like element (LineString, Curve, CompositeCurve, OrientableCurve, LinearRing, Ring) as one path. */
function readCurve(el: XmlElement, ctx: GmlReadContext): Position[] {
  switch (el.local) {
    case 'LineString':
    case 'LinearRing':
      return readPositions(el);
    case 'Curve': {
      const segs = childNamed(el, 'segments');
      if (!segs) throw new GmlGeometryError({ code: 'convert.gml.curveNoSegments' }, el.line);
      const out: Position[] = [];
      for (const s of segs.children) appendPath(out, readSegment(s, ctx));
      return out;
    }
    case 'CompositeCurve':
    case 'Ring': {
      const out: Position[] = [];
      for (const m of el.children) {
        if (m.local !== 'curveMember') continue;
        const c = m.children.find(isGml);
        if (!c) throw new GmlGeometryError({ code: m.attrs.href ? 'convert.gml.emptyXlink' : 'convert.gml.emptyMember', params: { element: 'curveMember' } }, m.line);
        appendPath(out, readCurve(c, ctx));
      }
      return out;
    }
    case 'OrientableCurve': {
      const base = childNamed(el, 'baseCurve')?.children.find(isGml);
      if (!base) throw new GmlGeometryError({ code: 'convert.gml.noBaseCurve' }, el.line);
      const ps = readCurve(base, ctx);
      return el.attrs.orientation === '-' ? ps.reverse() : ps;
    }
    default:
      throw new GmlGeometryError({ code: 'convert.gml.expectedCurve', params: { element: el.name } }, el.line);
  }
}

function readRingProperty(prop: XmlElement, ctx: GmlReadContext): Position[] {
  const ring = prop.children.find(isGml);
  if (!ring) throw new GmlGeometryError({ code: 'convert.gml.noRing', params: { element: prop.name } }, prop.line);
  return readCurve(ring, ctx);
}

function readPolygon(el: XmlElement, ctx: GmlReadContext): Position[][] {
  const ext = childNamed(el, 'exterior') ?? childNamed(el, 'outerBoundaryIs');
  if (!ext) throw new GmlGeometryError({ code: 'convert.gml.noExterior', params: { element: el.local } }, el.line);
  const rings = [readRingProperty(ext, ctx)];
  for (const c of el.children) if (c.local === 'interior' || c.local === 'innerBoundaryIs') rings.push(readRingProperty(c, ctx));
  return rings;
}

function readSurfaceMembers(el: XmlElement, ctx: GmlReadContext, out: Position[][][]): void {
  switch (el.local) {
    case 'Polygon':
    case 'PolygonPatch':
      out.push(readPolygon(el, ctx));
      return;
    case 'Surface': {
      const patches = childNamed(el, 'patches');
      if (!patches) throw new GmlGeometryError({ code: 'convert.gml.noPatches' }, el.line);
      for (const p of patches.children) readSurfaceMembers(p, ctx, out);
      return;
    }
    case 'OrientableSurface': {
      const base = childNamed(el, 'baseSurface')?.children.find(isGml);
      if (base) readSurfaceMembers(base, ctx, out);
      return;
    }
    case 'MultiSurface':
    case 'MultiPolygon':
    case 'CompositeSurface':
      for (const m of el.children) {
        if (m.local === 'surfaceMember' || m.local === 'polygonMember') {
          const g = m.children.find(isGml);
          if (!g) throw new GmlGeometryError({ code: m.attrs.href ? 'convert.gml.emptyXlink' : 'convert.gml.emptyMember', params: { element: m.local } }, m.line);
          readSurfaceMembers(g, ctx, out);
        } else if (m.local === 'surfaceMembers' || m.local === 'polygonMembers') {
          for (const g of m.children) readSurfaceMembers(g, ctx, out);
        }
      }
      return;
    default:
      throw new GmlGeometryError({ code: 'convert.gml.expectedSurface', params: { element: el.name } }, el.line);
  }
}

/**
 * Reads a GML 3.x geometry element into a GeoJSON geometry with the file's
 * own coordinates (no axis swap, no reprojection). Curves with arcs
 * (`Arc`, `ArcString`, `Circle`, `CircleByCenterPoint`, inside `Curve`
 * segments or `Ring` curve members) are densified to `maxChordError`.
 * Throws {@link GmlGeometryError} with the line of the bad element.
 *
 * @example readGmlGeometry(tree.root!) // { type: 'Polygon', coordinates: [[[565466.3, 5932633.5], …]] }
 */
export function readGmlGeometry(el: XmlElement, ctx: GmlReadContext = {}): Geometry {
  switch (el.local) {
    case 'Point':
      return { type: 'Point', coordinates: readPoint(el) };
    case 'MultiPoint': {
      const pts: Position[] = [];
      for (const m of el.children) {
        if (m.local === 'pointMember') {
          const p = childNamed(m, 'Point');
          if (p) pts.push(readPoint(p));
        } else if (m.local === 'pointMembers') for (const p of childrenNamed(m, 'Point')) pts.push(readPoint(p));
      }
      return { type: 'MultiPoint', coordinates: pts };
    }
    case 'LineString':
    case 'Curve':
    case 'CompositeCurve':
    case 'OrientableCurve':
      return { type: 'LineString', coordinates: readCurve(el, ctx) };
    case 'LinearRing':
    case 'Ring':
      return { type: 'Polygon', coordinates: [readCurve(el, ctx)] };
    case 'MultiCurve':
    case 'MultiLineString': {
      const lines: Position[][] = [];
      for (const m of el.children) {
        if (m.local === 'curveMember' || m.local === 'lineStringMember') {
          const g = m.children.find(isGml);
          if (!g) throw new GmlGeometryError({ code: 'convert.gml.emptyMember', params: { element: m.local } }, m.line);
          lines.push(readCurve(g, ctx));
        } else if (m.local === 'curveMembers') for (const g of m.children) lines.push(readCurve(g, ctx));
      }
      return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'PolygonPatch':
    case 'Surface':
    case 'OrientableSurface':
    case 'MultiSurface':
    case 'MultiPolygon':
    case 'CompositeSurface': {
      const polys: Position[][][] = [];
      readSurfaceMembers(el, ctx, polys);
      if (polys.length === 0) throw new GmlGeometryError({ code: 'convert.gml.noPolygons', params: { element: el.local } }, el.line);
      return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    }
    case 'MultiGeometry': {
      const geoms: Geometry[] = [];
      for (const m of el.children) {
        if (m.local === 'geometryMember') {
          const g = m.children.find(isGml);
          if (g) geoms.push(readGmlGeometry(g, ctx));
        } else if (m.local === 'geometryMembers') for (const g of m.children) geoms.push(readGmlGeometry(g, ctx));
      }
      return { type: 'GeometryCollection', geometries: geoms };
    }
    default:
      throw new GmlGeometryError({ code: 'convert.gml.unsupportedGeometry', params: { element: el.name } }, el.line);
  }
}
