import { attrPair, pickAttrs, type XmlNode } from './XmlNode';
import { checkGmlCoordinates, gmlCoordinatesText, notANumber, toFlatXyz } from '../gml/gmlCoordinates';
import { parseNumbers } from '../gml/parseNumbers';
import { reverseFlatRing } from '../geometry/reverseRing';
import { readBuildingAttributes } from './readBuildingAttributes';
import type { ReportBuilder } from '../model/ConversionReport';
import type { NestedMessage } from '../i18n/Message';
import { SURFACE_KIND, type SourceBuilding, type SourcePolygon, type SurfaceKind } from '../model/SourceBuilding';

const LOD_GEOMETRY = /^lod([0-4])(Solid|MultiSurface|Geometry|CompositeSurface)$/;
const POLYGON_NAMES = new Set(['Polygon', 'Triangle', 'Rectangle']);
// Openings and interiors are LoD3/4 detail we do not draw.
const IGNORED = new Set(['opening', 'interior', 'interiorRoom', 'outerBuildingInstallation', 'interiorBuildingInstallation', 'buildingInstallation', 'lod0FootPrint', 'lod0RoofEdge', 'lod0MultiSurface']);
// Children of a Building / BuildingPart that readBuildingAttributes reads; kept as small element trees.
const ATTRIBUTE_ELEMENTS = new Set([
  'function', 'roofType', 'measuredHeight', 'height', 'storeysAboveGround', 'storeysBelowGround', 'address', 'genericAttribute',
  'stringAttribute', 'intAttribute', 'doubleAttribute', 'dateAttribute', 'uriAttribute', 'measureAttribute',
  'StringAttribute', 'IntAttribute', 'DoubleAttribute', 'DateAttribute', 'UriAttribute', 'MeasureAttribute',
]);
const PART_WRAPPERS = new Set(['consistsOfBuildingPart', 'buildingPart']);

/** What an element name means to the assembler, worked out once per name. */
interface Role {
  kind?: SurfaceKind;
  lod?: number;
  polygon: boolean;
  surfaceMember: boolean;
  part: boolean;
  orientable: boolean;
  ignored: boolean;
  ringBoundary: 'exterior' | 'interior' | undefined;
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
      // GML 3 exterior/interior, GML 2 outerBoundaryIs/innerBoundaryIs.
      ringBoundary: name === 'exterior' || name === 'outerBoundaryIs' ? 'exterior' : name === 'interior' || name === 'innerBoundaryIs' ? 'interior' : undefined,
    };
    // Names come from the file: bound the cache against files with unbounded vocabularies.
    if (ROLES.size < 10000) ROLES.set(name, r);
  }
  return r;
}

/** Inherited state along the element path: boundary-surface kind, LoD, orientation, coordinate dimension. */
interface Ctx {
  kind?: SurfaceKind;
  lod?: number;
  reverse: boolean;
  dim: number;
}

// Contexts are built field by field, never with {...c}: V8's object spread made the
// young generation grow to its maximum (+16 MB RSS on the bench file).
function ctxWith(kind: SurfaceKind | undefined, lod: number | undefined, reverse: boolean, dim: number): Ctx {
  return { kind, lod, reverse, dim };
}

/** A polygon being read: its rings arrive as their elements close. */
interface PolygonCapture {
  id?: string;
  line: number;
  ctx: Ctx;
  lod: number;
  /** Element depth of the polygon. */
  depth: number;
  rings: number[][];
  hasExterior: boolean;
  /** Set when a ring was unreadable: the polygon is dropped (already reported). */
  bad: boolean;
}

/** A ring being read (inside exterior/interior): coordinates from posList, pos or coordinates. */
interface RingCapture {
  interior: boolean;
  depth: number;
  /** The ring geometry element (LinearRing, or the boundary's first child), its depth and line. */
  lrDepth: number;
  lrName: string;
  lrLine: number;
  lrDim?: number;
  posList?: number[];
  posListDim?: number;
  pos: number[][];
  posDim?: number;
  coordinates?: string;
  /** Which of posList / pos / coordinates receives text right now. */
  target: 'posList' | 'pos' | 'coordinates' | undefined;
  /** The first token that was not a number, as a problem. */
  bad?: NestedMessage;
}

/** Context for {@link BuildingAssembler}. */
export interface AssembleContext {
  file: string;
  report: ReportBuilder;
  /** srsName of the file (Envelope), used when the building has none. */
  fileSrs?: string;
}

/**
 * Builds one `bldg:Building` (with its BuildingParts) from parse events, as
 * they stream: LoD1/LoD2 polygons with their boundary-surface kind,
 * `xlink:href` surface references resolved within the building, and the
 * attributes (function, roofType, measuredHeight, storeys, xAL address,
 * generic attributes). Geometry is read straight from the events — no
 * element tree for the bulk of the building — and only the attribute
 * elements are kept as small trees for {@link readBuildingAttributes}.
 * The streaming reader feeds it from {@link XmlScanner}; the whole-document
 * bench baseline replays a DOM into it.
 *
 * @example
 * const a = new BuildingAssembler('bldg:Building', attrs, line, { file, report });
 * … a.open(name, qname, attrs, line, selfClosing) / a.text(t) / a.close() …
 * const building = a.finish(); // undefined (and reported) without usable geometry
 */
export class BuildingAssembler {
  private depth = 0;
  private readonly ctxs: Ctx[];
  /** Per depth: the attribute-tree node of that element, if it has one. */
  private readonly nodes: (XmlNode | undefined)[];
  private readonly root: XmlNode;
  private readonly polygons: (SourcePolygon & { lod: number })[] = [];
  private readonly byId = new Map<string, SourcePolygon & { lod: number }>();
  private readonly refs: { href: string; kind?: SurfaceKind; lod: number; line: number }[] = [];
  private srsName?: string;
  private partCount = 0;
  private polygon?: PolygonCapture;
  private ring?: RingCapture;
  /** A surfaceMember with an xlink:href, waiting to see whether it has content. */
  private ref?: { href: string; kind?: SurfaceKind; lod?: number; line: number; depth: number };

  constructor(
    qname: string,
    attrs: Record<string, string>,
    private readonly line: number,
    private readonly ctx: AssembleContext,
  ) {
    this.root = { name: 'Building', qname, attrs, children: [], text: '', line };
    let c = ctxWith(undefined, undefined, false, 3);
    if (attrs.srsName) this.srsName = attrs.srsName;
    if (attrs.srsDimension) c = ctxWith(undefined, undefined, false, Number(attrs.srsDimension) || 3);
    this.ctxs = [c];
    this.nodes = [this.root];
  }

  /**
   * A start tag inside the building: local `name`, qualified `qname`, the
   * attributes as name, value… pairs (XmlScanner's form). Returns true when the element's content is not
   * needed: the caller then skips it and calls {@link close} right away.
   */
  open(name: string, qname: string, attrs: readonly string[], line: number): boolean {
    const parentDepth = this.depth;
    const depth = ++this.depth;
    const parentCtx = this.ctxs[parentDepth];
    const parentNode = this.nodes[parentDepth];
    if (this.ref && this.ref.depth === parentDepth) this.ref = undefined; // the surfaceMember has content
    // Attribute trees: direct children of the building or a part, and everything inside them.
    let node: XmlNode | undefined;
    if (parentNode) {
      const inTree = parentNode !== this.root && parentNode.name !== 'BuildingPart' && !PART_WRAPPERS.has(parentNode.name);
      const keep = inTree || (PART_WRAPPERS.has(parentNode.name) ? name === 'BuildingPart' : ATTRIBUTE_ELEMENTS.has(name) || PART_WRAPPERS.has(name));
      if (keep) {
        node = { name, qname, attrs: pickAttrs(attrs), children: [], text: '', line };
        parentNode.children.push(node);
      }
    }
    this.nodes[depth] = node;
    if (this.polygon) {
      this.ctxs[depth] = parentCtx;
      this.polygonEvent(name, attrs.length ? attrPair(attrs, 'srsDimension') : undefined, line, depth);
      return false;
    }
    const role = roleOf(name);
    if (role.ignored) {
      this.ctxs[depth] = parentCtx;
      return true;
    }
    let c = parentCtx;
    let id: string | undefined, href: string | undefined;
    if (attrs.length) {
      const srsName = attrPair(attrs, 'srsName'), srsDimension = attrPair(attrs, 'srsDimension');
      if (srsName) this.srsName ??= srsName;
      if (srsDimension) c = ctxWith(c.kind, c.lod, c.reverse, Number(srsDimension) || 3);
      if (role.orientable && attrPair(attrs, 'orientation') === '-') c = ctxWith(c.kind, c.lod, !c.reverse, c.dim);
      id = attrPair(attrs, 'id');
      href = attrPair(attrs, 'href');
    }
    if (role.kind) c = ctxWith(role.kind, c.lod, c.reverse, c.dim);
    if (role.lod !== undefined) c = ctxWith(c.kind, role.lod, c.reverse, c.dim);
    this.ctxs[depth] = c;
    if (role.part) this.partCount++;
    if (role.polygon) {
      if (c.lod === undefined || c.lod === 0) return true;
      this.polygon = { id, line, ctx: c, lod: c.lod, depth, rings: [], hasExterior: false, bad: false };
      return false;
    }
    if (role.surfaceMember && href) this.ref = { href: href.replace(/^#/, ''), kind: c.kind, lod: c.lod, line, depth };
    return false;
  }

  /** Character data of the innermost open element. */
  text(t: string): void {
    const node = this.nodes[this.depth];
    if (node) node.text += t;
    const r = this.ring;
    if (!r || !r.target) return;
    if (r.target === 'posList') {
      const v = parseNumbers(t);
      if (r.posList) for (const x of v) r.posList.push(x);
      else r.posList = v;
      if (!r.bad && v.some(Number.isNaN)) r.bad = notANumber(t, 'posList');
    } else if (r.target === 'pos') {
      const last = r.pos[r.pos.length - 1];
      const v = parseNumbers(t);
      for (const x of v) last.push(x);
      if (!r.bad && v.some(Number.isNaN)) r.bad = notANumber(t, 'pos');
    } else r.coordinates = (r.coordinates ?? '') + t;
  }

  /** The end tag of the innermost open element. */
  close(): void {
    const depth = this.depth--;
    const r = this.ring;
    if (r) {
      if (r.target && depth === this.targetDepth) r.target = undefined;
      if (depth === r.depth) this.closeRing(r);
    }
    const p = this.polygon;
    if (p && depth === p.depth) this.closePolygon(p);
    const ref = this.ref;
    if (ref && depth === ref.depth) {
      if (ref.lod !== undefined && ref.lod > 0) this.refs.push({ href: ref.href, kind: ref.kind, lod: ref.lod, line: ref.line });
      this.ref = undefined;
    }
  }

  /** Everything read, as a source building; undefined (and reported) when it has no usable geometry. */
  finish(): SourceBuilding | undefined {
    const { file, report } = this.ctx;
    const id = this.root.attrs.id ?? `${file}:${this.line}`;
    // xlink'd surfaces: Hamburg/NRW solids point at polygons of boundary surfaces (already
    // collected with their kind); some exporters do the reverse and the boundary
    // surface points at a polygon of the solid, which then gets the kind.
    for (const r of this.refs) {
      const target = this.byId.get(r.href);
      if (!target) {
        this.warn(r.line, { code: 'convert.citygml.hrefUnresolved', params: { href: r.href } });
        continue;
      }
      if (!target.kind && r.kind) target.kind = r.kind;
    }
    if (this.polygons.length === 0) {
      report.skip({ file, line: this.line, featureId: id, featureClass: this.root.qname, message: { code: 'convert.citygml.noPolygons' } });
      return undefined;
    }
    // One LoD per building: LoD2 if present, else LoD1, else the highest there is.
    const lods = new Set(this.polygons.map((p) => p.lod));
    const lod = lods.has(2) ? 2 : lods.has(1) ? 1 : Math.max(...lods);
    const chosen: SourcePolygon[] = [];
    for (const p of this.polygons) if (p.lod === lod) chosen.push({ kind: p.kind, rings: p.rings, id: p.id, line: p.line });
    // Strings cut from the parser's input chunks are slices that keep the whole chunk
    // alive; a JSON round trip copies the few strings we keep.
    const kept = JSON.parse(JSON.stringify({ id, featureClass: this.root.qname, srsName: this.srsName ?? this.ctx.fileSrs, attributes: readBuildingAttributes(this.root) })) as Pick<SourceBuilding, 'id' | 'featureClass' | 'srsName' | 'attributes'>;
    return { id: kept.id, featureClass: kept.featureClass, srsName: kept.srsName, attributes: kept.attributes, file, line: this.line, lod, polygons: chosen, partCount: this.partCount };
  }

  /** Depth of the posList / pos / coordinates element receiving text. */
  private targetDepth = 0;

  /** A start tag inside a polygon: ring boundaries, ring geometry and its coordinate elements. */
  private polygonEvent(name: string, srsDimension: string | undefined, line: number, depth: number): void {
    const p = this.polygon!;
    if (depth === p.depth + 1) {
      const boundary = roleOf(name).ringBoundary;
      if (boundary) this.ring = { interior: boundary === 'interior', depth, lrDepth: 0, lrName: '', lrLine: line, pos: [], target: undefined };
      return;
    }
    const r = this.ring;
    if (!r) return;
    if (depth === r.depth + 1) {
      // The ring geometry: the LinearRing child, else the boundary's first child.
      if (r.lrDepth === 0 || (name === 'LinearRing' && r.lrName !== 'LinearRing')) {
        r.lrDepth = depth;
        r.lrName = name;
        r.lrLine = line;
        r.lrDim = srsDimension ? Number(srsDimension) : undefined;
        r.posList = undefined;
        r.posListDim = undefined;
        r.pos = [];
        r.posDim = undefined;
        r.coordinates = undefined;
      }
      return;
    }
    if (r.lrDepth === 0 || depth <= r.lrDepth) return;
    const direct = depth === r.lrDepth + 1;
    if (direct && name === 'posList' && !r.posList) {
      r.posList = [];
      if (srsDimension) r.posListDim = Number(srsDimension);
      r.target = 'posList';
      this.targetDepth = depth;
    } else if (name === 'pos' && r.target !== 'pos') {
      if (r.pos.length === 0 && srsDimension) r.posDim = Number(srsDimension);
      r.pos.push([]);
      r.target = 'pos';
      this.targetDepth = depth;
    } else if (direct && name === 'coordinates' && r.coordinates === undefined) {
      r.coordinates = '';
      r.target = 'coordinates';
      this.targetDepth = depth;
    }
  }

  private closeRing(r: RingCapture): void {
    this.ring = undefined;
    const p = this.polygon!;
    if (r.lrDepth === 0 || p.bad) return;
    const coords = ringCoordinates(r, p.ctx.dim);
    if (!Array.isArray(coords)) {
      this.warn(r.lrLine, { code: 'convert.citygml.polygonSkipped', params: { id: p.id ?? { code: 'convert.noId' }, problem: coords } });
      p.bad = true;
      return;
    }
    if (p.ctx.reverse) reverseFlatRing(coords, 3);
    if (r.interior) p.rings.push(coords);
    else {
      p.rings.unshift(coords);
      p.hasExterior = true;
    }
  }

  private closePolygon(p: PolygonCapture): void {
    this.polygon = undefined;
    if (p.bad) return;
    if (p.rings.length === 0) {
      this.warn(p.line, { code: 'convert.citygml.noExterior', params: { id: p.id ?? { code: 'convert.noId' } } });
      return;
    }
    const poly = { kind: p.ctx.kind, rings: p.rings, id: p.id, line: p.line, lod: p.lod };
    this.polygons.push(poly);
    if (p.id) this.byId.set(p.id, poly);
  }

  private warn(line: number | undefined, message: NestedMessage): void {
    const { file, report } = this.ctx;
    report.warn({ file, line, featureId: this.root.attrs.id ?? `${file}:${this.line}`, featureClass: this.root.qname, message });
  }
}

/**
 * Coordinates of a ring as flat xyz, or the problem why they cannot be read.
 * The decoding and checks are those of the tree reader (gml/gmlCoordinates);
 * only the collection of the text differs, because it streams.
 */
function ringCoordinates(r: RingCapture, inheritedDim: number): number[] | NestedMessage {
  if (r.bad) return r.bad;
  let dim = inheritedDim;
  let values: number[];
  let element: string;
  if (r.posList) {
    dim = r.posListDim ?? r.lrDim ?? inheritedDim;
    values = r.posList;
    element = 'posList';
  } else if (r.pos.length > 0) {
    dim = r.posDim ?? (r.pos[0].length || inheritedDim);
    values = [];
    for (const p of r.pos) for (const v of p) values.push(v);
    element = 'pos';
  } else if (r.coordinates !== undefined) {
    const c = gmlCoordinatesText(r.coordinates);
    if ('code' in c) return c;
    ({ values, dim } = c);
    element = 'coordinates';
  } else return { code: 'convert.citygml.ringNoCoordinates' };
  return checkGmlCoordinates(values, dim, element) ?? toFlatXyz(values, dim);
}
