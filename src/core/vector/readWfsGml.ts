import type { Feature, Geometry, Position } from 'geojson';
import type { ReportBuilder } from '../model/ConversionReport';
import { uniqueMembers } from '../gml/uniqueMembers';
import { parseXmlTree, isGml, type XmlElement } from '../xml/parseXmlTree';
import { GmlGeometryError, isGmlGeometry, readGmlGeometry, srsNameOf } from '../gml/readGmlGeometry';
import { finishGeometry } from './finishGeometry';
import { forEachPosition } from './featureBbox';
import { CrsResolver, isCrsProblem } from './CrsResolver';
import type { NestedMessage } from '../i18n/Message';
import { problemOf } from '../model/ConversionError';
import { xmlErrorIssues } from '../gml/xmlErrorIssues';
import { chordErrorFor, detectAxisOrder, parseAnyCrs } from './resolveCrs';
import { cleanValue, type VectorLayer, type VectorReadOptions } from '../model/VectorLayer';

/** Feature elements of a WFS/GML FeatureCollection (featureMember, featureMembers, wfs:member). */
export function wfsFeatureElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of root.children) {
    if (c.local === 'featureMember' || c.local === 'member' || c.local === 'featureMembers') {
      // WFS 2.0 may nest additional collections in a member.
      for (const x of c.children) {
        if (x.local === 'FeatureCollection') out.push(...wfsFeatureElements(x));
        else out.push(x);
      }
    }
  }
  return out;
}

function geometryProperty(feature: XmlElement): XmlElement | undefined {
  for (const c of feature.children) {
    if (isGml(c)) continue;
    const g = c.children.find(isGmlGeometry);
    if (g) return g;
  }
  return undefined;
}

function simpleValue(el: XmlElement): unknown {
  if (el.attrs.href && el.children.length === 0 && el.text.trim() === '') return el.attrs.href;
  if (el.children.length === 0) return cleanValue(el.text);
  const o: Record<string, unknown> = {};
  for (const c of el.children) o[c.local] = simpleValue(c);
  return o;
}

/**
 * Reads a WFS 1.1/2.0 (GML 3.1/3.2) FeatureCollection, such as the Hamburg
 * geodienste responses, into WGS84 RFC 7946 features with trimmed
 * properties. Handles featureMember/featureMembers/member, (Multi)Surface,
 * (Multi)Polygon with holes, (Multi)Curve/LineString and Points. Axis
 * order follows the srsName (EPSG URNs of geographic CRSs are lat,lon), and
 * projected coordinates written northing,easting are detected by
 * plausibility, swapped and reported.
 *
 * @example readWfsGml(xml, { file: 'districtFeatures.xml' }, report).features.length // 7
 */
export function readWfsGml(xml: string, opts: VectorReadOptions, report: ReportBuilder): VectorLayer {
  const { file } = opts;
  const layer: VectorLayer = { name: file.replace(/\.(xml|gml)$/i, ''), format: 'wfs-gml', features: [] };
  const tree = parseXmlTree(xml);
  xmlErrorIssues(tree, file, report);
  if (!tree.root) return layer;
  const members = uniqueMembers(wfsFeatureElements(tree.root), { file, report });
  if (members.length === 0) {
    report.warn({ file, line: tree.root.line, message: { code: 'convert.wfs.noFeatures', params: { element: tree.root.name } } });
    return layer;
  }
  layer.featureType = members[0].name;

  // Read native geometries first, so that the axis order can be decided on all of them.
  const read: { el: XmlElement; geom?: Geometry; srs?: string; error?: NestedMessage; line: number }[] = [];
  const samplesBySrs = new Map<string, Position[]>();
  for (const el of members) {
    if (!el.complete) {
      read.push({ el, error: { code: 'convert.gml.notClosed' }, line: el.line });
      continue;
    }
    const g = geometryProperty(el);
    if (!g) {
      read.push({ el, error: { code: 'convert.gml.missingGeometry' }, line: el.line });
      continue;
    }
    try {
      const srs = srsNameOf(g) ?? '';
      const parsed = parseAnyCrs(srs) ?? parseAnyCrs(opts.crs);
      const geom = readGmlGeometry(g, { maxChordError: chordErrorFor(parsed?.code ?? '') });
      const s = samplesBySrs.get(srs) ?? [];
      if (s.length < 200) forEachPosition(geom, (p) => void (s.length < 200 && s.push(p)));
      samplesBySrs.set(srs, s);
      read.push({ el, geom, srs, line: g.line });
    } catch (e) {
      read.push({ el, error: problemOf(e), line: e instanceof GmlGeometryError ? e.line : el.line });
    }
  }
  const resolver = new CrsResolver(opts.crs);
  const swapFor = new Map<string, boolean>();
  for (const [srs, samples] of samplesBySrs) {
    const r = resolver.resolve(srs || undefined);
    if (isCrsProblem(r)) continue;
    const order = detectAxisOrder(r.crs.code, samples.map(r.toXy));
    const swap = order === 'swapped';
    swapFor.set(srs, swap);
    if (swap) report.warn({ file, message: { code: parseAnyCrs(srs)?.latLonOrder ? 'convert.wfs.axesSwappedLonLat' : 'convert.wfs.axesSwappedNorthing', params: { srs: srs || (opts.crs ?? '') } } });
  }

  for (const { el, geom, srs, error, line } of read) {
    const featureId = el.attrs.id ?? el.attrs.fid ?? `${el.local}@${el.line}`;
    const base = { file, line, featureId, featureClass: el.name };
    if (error || !geom) {
      report.skip({ ...base, message: error ?? { code: 'convert.gml.missingGeometry' } });
      continue;
    }
    const r = resolver.resolve(srs || undefined, swapFor.get(srs ?? '') ?? false);
    if (isCrsProblem(r)) {
      report.skip({ ...base, message: r });
      continue;
    }
    layer.crs ??= r.crs.code;
    layer.crsFrom ??= r.from;
    const geographic = r.crs.code === 'EPSG:4326' || r.crs.code === 'EPSG:4258';
    const fin = finishGeometry(geom, { toWgs84: r.toWgs84, snapTolerance: geographic ? 2e-7 : 0.02 });
    for (const w of fin.warnings) report.warn({ ...base, message: w });
    if (!fin.geometry) {
      report.skip({ ...base, message: fin.error ?? { code: 'convert.geom.invalid' } });
      continue;
    }
    const properties: Record<string, unknown> = {};
    for (const c of el.children) {
      if (isGml(c) || c.children.some(isGmlGeometry)) continue;
      properties[c.local] = simpleValue(c);
    }
    const f: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', id: featureId, geometry: fin.geometry, properties };
    layer.features.push(f);
    report.count(el.name);
  }
  return layer;
}
