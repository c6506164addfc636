import { child, descendants, NO_ATTRS, textOf, type XmlNode } from './XmlNode';
import type { ReportBuilder } from '../convert/ConversionReport';
import { SURFACE_KIND, type SourceBuilding, type SourceBuildingAttributes, type SourcePolygon, type SurfaceKind } from '../tiles/SourceBuilding';

const LOD_GEOMETRY = /^lod([0-4])(Solid|MultiSurface|Geometry|CompositeSurface)$/;
const POLYGON_NAMES = new Set(['Polygon', 'Triangle', 'Rectangle']);
// Openings and interiors are LoD3/4 detail we do not draw.
const IGNORED = new Set(['opening', 'interior', 'interiorRoom', 'outerBuildingInstallation', 'interiorBuildingInstallation', 'buildingInstallation', 'lod0FootPrint', 'lod0RoofEdge', 'lod0MultiSurface']);

/** What an element name means to the walk, worked out once per name (the walk visits every element). */
interface Role {
  kind?: SurfaceKind;
  lod?: number;
  polygon: boolean;
  surfaceMember: boolean;
  part: boolean;
  orientable: boolean;
  ignored: boolean;
}

const ROLES = new Map<string, Role>();

function roleOf(name: string): Role {
  let r = ROLES.get(name);
  if (!r) {
    const lodm = LOD_GEOMETRY.exec(name);
    r = {
      kind: SURFACE_KIND[name],
      lod: lodm ? Number(lodm[1]) : undefined,
      polygon: POLYGON_NAMES.has(name),
      surfaceMember: name === 'surfaceMember',
      part: name === 'BuildingPart',
      orientable: name === 'OrientableSurface',
      ignored: IGNORED.has(name) || /TerrainIntersection$/.test(name),
    };
    // Names come from the file: bound the cache against files with unbounded vocabularies.
    if (ROLES.size < 10000) ROLES.set(name, r);
  }
  return r;
}

function ctxWith(kind: SurfaceKind | undefined, lod: number | undefined, reverse: boolean, dim: number): Ctx {
  return { kind, lod, reverse, dim };
}

interface Ctx {
  kind?: SurfaceKind;
  lod?: number;
  reverse: boolean;
  dim: number;
}

/** Context for {@link extractCityGmlBuilding}. */
export interface ExtractContext {
  file: string;
  report: ReportBuilder;
  /** srsName of the file (Envelope), used when the building has none. */
  fileSrs?: string;
}

/**
 * Reads one `bldg:Building` element tree (with its BuildingParts) into a
 * {@link SourceBuilding}: LoD1/LoD2 polygons with their boundary-surface
 * kind, xlink:href surface references resolved within the building, and the
 * attributes (function, roofType, measuredHeight, storeys, xAL address,
 * generic attributes). Returns undefined (and reports why) when the building
 * has no usable geometry.
 *
 * @example extractCityGmlBuilding(buildingNode, { file: 'a.gml', report })
 */
export function extractCityGmlBuilding(node: XmlNode, ctx: ExtractContext): SourceBuilding | undefined {
  const id = node.attrs.id ?? `${ctx.file}:${node.line}`;
  const polygons: (SourcePolygon & { lod: number })[] = [];
  const byId = new Map<string, SourcePolygon & { lod: number }>();
  const refs: { href: string; kind?: SurfaceKind; lod: number; line: number }[] = [];
  let srsName: string | undefined;
  let partCount = 0;
  const warn = (line: number | undefined, reason: string) => ctx.report.warn({ file: ctx.file, line, featureId: id, featureClass: node.qname, reason });

  const walk = (n: XmlNode, c: Ctx): void => {
    const role = roleOf(n.name);
    if (role.ignored) return;
    const a = n.attrs;
    // Contexts are built field by field, never with {...c}: V8's object spread here made
    // the young generation grow to its maximum (+16 MB RSS on the bench file).
    if (a !== NO_ATTRS) {
      if (a.srsName) srsName ??= a.srsName;
      if (a.srsDimension) c = ctxWith(c.kind, c.lod, c.reverse, Number(a.srsDimension) || 3);
      if (role.orientable && a.orientation === '-') c = ctxWith(c.kind, c.lod, !c.reverse, c.dim);
    }
    if (role.kind) c = ctxWith(role.kind, c.lod, c.reverse, c.dim);
    if (role.lod !== undefined) c = ctxWith(c.kind, role.lod, c.reverse, c.dim);
    if (role.part) partCount++;
    if (role.polygon) {
      if (c.lod === undefined || c.lod === 0) return;
      const p = readPolygon(n, c, c.lod, warn);
      if (p) {
        polygons.push(p);
        if (p.id) byId.set(p.id, p);
      }
      return;
    }
    if (role.surfaceMember && a.href && n.children.length === 0) {
      if (c.lod !== undefined && c.lod > 0) refs.push({ href: a.href.replace(/^#/, ''), kind: c.kind, lod: c.lod, line: n.line });
      return;
    }
    for (const k of n.children) walk(k, c);
  };
  walk(node, ctxWith(undefined, undefined, false, 3));

  // xlink'd surfaces: Hamburg/NRW solids point at polygons of boundary surfaces (already
  // collected with their kind); some exporters do the reverse and the boundary
  // surface points at a polygon of the solid, which then gets the kind.
  for (const r of refs) {
    const target = byId.get(r.href);
    if (!target) {
      warn(r.line, `xlink:href #${r.href} does not resolve to a polygon in this building`);
      continue;
    }
    if (!target.kind && r.kind) target.kind = r.kind;
  }

  if (polygons.length === 0) {
    ctx.report.skip({ file: ctx.file, line: node.line, featureId: id, featureClass: node.qname, reason: 'missing geometry: no LoD1–LoD4 polygons in the building or its parts' });
    return undefined;
  }
  // One LoD per building: LoD2 if present, else LoD1, else the highest there is.
  const lods = new Set(polygons.map((p) => p.lod));
  const lod = lods.has(2) ? 2 : lods.has(1) ? 1 : Math.max(...lods);
  const chosen: SourcePolygon[] = [];
  for (const p of polygons) if (p.lod === lod) chosen.push({ kind: p.kind, rings: p.rings, id: p.id, line: p.line });
  // Strings cut from the parser's input chunks are slices that keep the whole chunk
  // (a megabyte) alive; a JSON round trip copies the few strings we keep.
  const kept = JSON.parse(JSON.stringify({ id, featureClass: node.qname, srsName: srsName ?? ctx.fileSrs, attributes: readAttributes(node) })) as Pick<SourceBuilding, 'id' | 'featureClass' | 'srsName' | 'attributes'>;
  return { id: kept.id, featureClass: kept.featureClass, srsName: kept.srsName, attributes: kept.attributes, file: ctx.file, line: node.line, lod, polygons: chosen, partCount };
}

function readPolygon(n: XmlNode, c: Ctx, lod: number, warn: (line: number | undefined, reason: string) => void): (SourcePolygon & { lod: number }) | undefined {
  const rings: number[][] = [];
  const ringNodes: XmlNode[] = [];
  if (n.name === 'Polygon' || n.name === 'Triangle' || n.name === 'Rectangle') {
    // GML 3.1 exterior/interior; GML 2 outerBoundaryIs/innerBoundaryIs.
    for (const k of n.children) {
      if (k.name === 'exterior' || k.name === 'outerBoundaryIs') ringNodes.unshift(k);
      else if (k.name === 'interior' || k.name === 'innerBoundaryIs') ringNodes.push(k);
    }
  }
  for (const rn of ringNodes) {
    const lr = child(rn, 'LinearRing') ?? rn.children[0];
    if (!lr) continue;
    const coords = readCoordinates(lr, c.dim);
    if (typeof coords === 'string') {
      warn(lr.line, `polygon ${n.attrs.id ?? '(no id)'}: ${coords}; polygon skipped`);
      return undefined;
    }
    if (c.reverse) reverseRing(coords);
    rings.push(coords);
  }
  if (rings.length === 0) {
    warn(n.line, `polygon ${n.attrs.id ?? '(no id)'} has no exterior ring; skipped`);
    return undefined;
  }
  return { kind: c.kind, rings, id: n.attrs.id, line: n.line, lod };
}

/** Coordinates of a LinearRing as flat xyz, or a reason why they cannot be read. */
function readCoordinates(lr: XmlNode, inheritedDim: number): number[] | string {
  const posList = child(lr, 'posList');
  let dim = inheritedDim;
  let values: number[];
  if (posList) {
    if (posList.attrs.srsDimension) dim = Number(posList.attrs.srsDimension);
    else if (lr.attrs.srsDimension) dim = Number(lr.attrs.srsDimension);
    values = posList.numbers ?? parseNumbers(posList.text);
  } else {
    const pos = descendants(lr, 'pos');
    if (pos.length > 0) {
      values = [];
      const d0 = pos[0].attrs.srsDimension ? Number(pos[0].attrs.srsDimension) : undefined;
      const parsed = pos.map((p) => p.numbers ?? parseNumbers(p.text));
      dim = d0 ?? (parsed[0]?.length || inheritedDim);
      for (const p of parsed) values.push(...p);
    } else {
      const coordinates = child(lr, 'coordinates');
      if (!coordinates) return 'ring has no posList, pos or coordinates';
      // GML 2 `coordinates`: tuples separated by spaces, values by commas.
      const tuples = coordinates.text.trim().split(/\s+/).map((t) => t.split(',').map(Number));
      dim = tuples[0]?.length ?? 3;
      values = tuples.flat();
    }
  }
  if (dim !== 2 && dim !== 3) return `unsupported srsDimension ${dim}`;
  if (values.length % dim !== 0) return `coordinate count ${values.length} is not a multiple of srsDimension ${dim}`;
  for (const v of values) if (!Number.isFinite(v)) return 'non-numeric coordinate in posList';
  const n = values.length / dim;
  // A plain array, not a Float64Array: typed arrays are malloc'd outside the JS heap, and
  // a building's worth of small ones per millisecond keeps the GC busy and the heap large.
  if (dim === 3) return values;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(values[i * 2], values[i * 2 + 1], 0);
  return out;
}

/**
 * Whitespace-separated numbers without cutting substrings (posList text is
 * most of a CityGML file). Plain decimals with up to 15 digits are computed
 * as integer / power of ten, which rounds exactly like `Number()`; anything
 * else (exponents, long mantissas, junk) goes through `Number()` (junk → NaN).
 *
 * @example parseNumbers(" 327418.206 5733038.862 16.1 ") // [327418.206, 5733038.862, 16.1]
 */
export function parseNumbers(s: string): number[] {
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    const start = i;
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      c = s.charCodeAt(++i);
    }
    let mant = 0, digits = 0, frac = 0, simple = true;
    let seenDot = false;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        if (seenDot) frac++;
      } else if (c === 46 && !seenDot) seenDot = true;
      else if (c <= 32) break;
      else simple = false;
      i++;
    }
    if (simple && digits > 0 && digits <= 15) {
      const v = frac ? mant / POW10[frac] : mant;
      out.push(neg ? -v : v);
    } else out.push(Number(s.slice(start, i)));
  }
  return out;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

function reverseRing(r: number[]): void {
  const n = r.length / 3;
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    for (let k = 0; k < 3; k++) {
      const t = r[i * 3 + k];
      r[i * 3 + k] = r[j * 3 + k];
      r[j * 3 + k] = t;
    }
  }
}

/** Attributes of the building, filled from its parts where the building has none. */
function readAttributes(b: XmlNode): SourceBuildingAttributes {
  const a: SourceBuildingAttributes = { generic: {} };
  const apply = (n: XmlNode, isPart: boolean) => {
    for (const c of n.children) {
      switch (c.name) {
        case 'function':
          if (!a.function) a.function = textOf(c);
          break;
        case 'roofType':
          if (!a.roofType) a.roofType = textOf(c);
          break;
        case 'measuredHeight': {
          // v1/v2: value in the element; 3.0 draft: con:height/con:Height/con:value.
          const v = Number(c.children.length ? textOf(descendants(c, 'value')[0]) : textOf(c));
          if (Number.isFinite(v)) a.measuredHeightM = isPart ? Math.max(a.measuredHeightM ?? -Infinity, v) : v;
          break;
        }
        case 'height': {
          const h = descendants(c, 'Height')[0];
          const v = Number(textOf(h ? descendants(h, 'value')[0] : undefined));
          if (h && Number.isFinite(v) && a.measuredHeightM === undefined) a.measuredHeightM = v;
          break;
        }
        case 'storeysAboveGround': {
          const v = Number(textOf(c));
          if (Number.isFinite(v) && a.storeysAboveGround === undefined) a.storeysAboveGround = v;
          break;
        }
        case 'storeysBelowGround': {
          const v = Number(textOf(c));
          if (Number.isFinite(v) && a.storeysBelowGround === undefined) a.storeysBelowGround = v;
          break;
        }
        case 'address': {
          const s = formatAddress(c);
          if (s) a.address = a.address ? (a.address.includes(s) ? a.address : `${a.address}; ${s}`) : s;
          break;
        }
        case 'stringAttribute':
        case 'intAttribute':
        case 'doubleAttribute':
        case 'dateAttribute':
        case 'uriAttribute':
        case 'measureAttribute':
        case 'StringAttribute':
        case 'IntAttribute':
        case 'DoubleAttribute':
        case 'DateAttribute':
        case 'UriAttribute':
        case 'MeasureAttribute':
          readGeneric(c, a.generic);
          break;
        case 'genericAttribute':
          for (const g of c.children) readGeneric(g, a.generic);
          break;
        case 'consistsOfBuildingPart':
          for (const p of c.children) if (p.name === 'BuildingPart') apply(p, true);
          break;
        case 'buildingPart':
          for (const p of c.children) if (p.name === 'BuildingPart') apply(p, true);
          break;
      }
    }
  };
  apply(b, false);
  return a;
}

function readGeneric(c: XmlNode, out: Record<string, string | number>): void {
  // 1.0/2.0: <gen:stringAttribute name="x"><gen:value>…; 3.0: <gen:StringAttribute><gen:name>x</gen:name><gen:value>…
  const name = c.attrs.name ?? textOf(child(c, 'name'));
  if (!name || name in out) return;
  const raw = textOf(child(c, 'value'));
  const numeric = /^(int|double|measure)Attribute$/i.test(c.name);
  const v = numeric ? Number(raw) : raw;
  out[name] = typeof v === 'number' && !Number.isFinite(v) ? raw : v;
}

/** "Street Number, PostalCode Locality" from an xAL address (as in AdV CityGML). */
function formatAddress(addr: XmlNode): string | undefined {
  const get = (name: string) => {
    const n = descendants(addr, name)[0];
    return n ? textOf(n) : '';
  };
  const street = get('ThoroughfareName');
  const numbers = descendants(addr, 'ThoroughfareNumber').map((n) => textOf(n)).filter(Boolean).join('/');
  const postal = get('PostalCodeNumber');
  const locality = get('LocalityName');
  const line1 = [street, numbers].filter(Boolean).join(' ');
  const line2 = [postal, locality].filter(Boolean).join(' ');
  const s = [line1, line2].filter(Boolean).join(', ');
  return s || undefined;
}
