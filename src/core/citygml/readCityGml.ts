import { SaxesParser } from 'saxes';
import { localName, type XmlNode } from './XmlNode';
import { extractCityGmlBuilding } from './extractCityGmlBuilding';
import type { SourceBuilding } from '../tiles/SourceBuilding';
import type { ReportBuilder } from '../convert/ConversionReport';

/** Options of {@link readCityGml}. */
export interface ReadCityGmlOptions {
  /** File name for reports. */
  file: string;
  report: ReportBuilder;
  /** Called for each building as soon as its end tag is parsed. */
  onBuilding: (b: SourceBuilding) => void;
}

/** What {@link readCityGml} saw in one file. */
export interface ReadCityGmlResult {
  /** CityGML version from the namespace (`1.0`, `2.0`, `3.0`), if recognised. */
  version?: string;
  /** srsName of the file's first Envelope (or first geometry). */
  srsName?: string;
  buildings: number;
  parts: number;
  /** True when the XML was malformed or truncated (buildings before the error were kept). */
  broken: boolean;
}

// Members of a CityModel: CityGML 1/2 `cityObjectMember`, 3.0 `cityObjectMember`, WFS/GML `featureMember(s)`/`member`.
const MEMBER_NAMES = new Set(['cityObjectMember', 'featureMember', 'featureMembers', 'member']);
// Subtrees we never need inside a building: appearances (texture coordinates are big), terrain intersections.
const SKIP_IN_BUILDING = new Set(['appearance', 'Appearance', 'lod1TerrainIntersection', 'lod2TerrainIntersection', 'lod3TerrainIntersection', 'lod4TerrainIntersection', 'externalReference']);
const KEPT_ATTRS = new Set(['id', 'href', 'srsName', 'srsDimension', 'name', 'orientation', 'Type', 'count', 'dimension']);

/**
 * Streams CityGML (1.0, 2.0, 3.0) with saxes and emits one building at a
 * time: memory is bounded by the largest building, not the file. Accepts
 * string chunks (an async iterable: a Node read stream with `setEncoding`, or a
 * browser `ReadableStream` through `TextDecoderStream`). Malformed or
 * truncated XML is reported with its line; buildings completed before the
 * error are kept.
 *
 * @example
 * await readCityGml(fs.createReadStream(path, 'utf8'), { file: 'a.gml', report, onBuilding: (b) => out.push(b) });
 */
export async function readCityGml(chunks: AsyncIterable<string> | Iterable<string>, options: ReadCityGmlOptions): Promise<ReadCityGmlResult> {
  const { file, report } = options;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const result: ReadCityGmlResult = { buildings: 0, parts: 0, broken: false };
  // Element stack outside buildings (local names), to know when we are in a member.
  const outer: string[] = [];
  // The building being captured: its node stack.
  let stack: XmlNode[] = [];
  let building: XmlNode | undefined;
  let skipDepth = 0; // > 0 while inside a subtree we ignore
  let unsupported: { name: string; id?: string; line: number; depth: number } | undefined;
  let fileSrs: string | undefined;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (building) {
      if (skipDepth > 0 || SKIP_IN_BUILDING.has(name)) {
        skipDepth++;
        return;
      }
      const node: XmlNode = { name, qname: tag.name, attrs: pickAttrs(attrs), children: [], text: '', line: parser.line };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
      return;
    }
    if (unsupported) {
      outer.push(name);
      return;
    }
    if (result.version === undefined && outer.length === 0) result.version = versionFromAttrs(attrs);
    if (!fileSrs && attrs.srsName) fileSrs = attrs.srsName;
    const parent = outer[outer.length - 1];
    if (name === 'Building') {
      building = { name, qname: tag.name, attrs: pickAttrs(attrs), children: [], text: '', line: parser.line };
      stack = [building];
      return;
    }
    if (parent !== undefined && MEMBER_NAMES.has(parent)) {
      unsupported = { name: tag.name, id: attrValue(attrs, 'id'), line: parser.line, depth: outer.length };
    }
    outer.push(name);
  });

  parser.on('text', (t) => {
    // Whitespace between tags is most of the text events: do not keep it.
    if (building && skipDepth === 0 && NON_SPACE.test(t)) stack[stack.length - 1].text += t;
  });

  parser.on('closetag', () => {
    if (building) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      const done = stack.pop();
      if (done === building) {
        const node = building;
        building = undefined;
        stack = [];
        emit(node);
      }
      return;
    }
    outer.pop();
    if (unsupported && outer.length === unsupported.depth) {
      report.skip({ file, line: unsupported.line, featureId: unsupported.id, featureClass: unsupported.name, reason: `unsupported class ${unsupported.name} (only bldg:Building is converted)` });
      unsupported = undefined;
    }
  });

  function emit(node: XmlNode): void {
    const b = extractCityGmlBuilding(node, { file, report, fileSrs: fileSrs ?? result.srsName });
    if (!b) return;
    result.buildings++;
    result.parts += b.partCount;
    options.onBuilding(b);
  }

  function fail(e: unknown): void {
    result.broken = true;
    const msg = e instanceof Error ? e.message : String(e);
    const inBuilding = building;
    report.skip({
      file,
      line: parser.line,
      featureId: inBuilding ? attrValue(inBuilding.attrs, 'id') : undefined,
      featureClass: inBuilding ? inBuilding.qname : undefined,
      reason: inBuilding
        ? `malformed or truncated XML inside this building (started line ${inBuilding.line}): ${msg}; buildings before it were kept`
        : `malformed or truncated XML: ${msg}; buildings before this point were kept`,
    });
  }

  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      result.srsName ??= fileSrs;
    }
    parser.close();
  } catch (e) {
    fail(e);
  }
  result.srsName ??= fileSrs;
  if (!result.broken && result.buildings === 0) {
    report.warn({ file, reason: 'no buildings in this file (no bldg:Building city object members)' });
  }
  return result;
}

const NON_SPACE = /\S/;
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function pickAttrs(attrs: Record<string, string>): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (const k in attrs) {
    const l = localName(k);
    if (KEPT_ATTRS.has(l)) (out ??= {})[l] = attrs[k];
  }
  return out ?? NO_ATTRS;
}

function attrValue(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const k in attrs) if (localName(k) === local) return attrs[k];
  return undefined;
}

function versionFromAttrs(attrs: Record<string, string>): string | undefined {
  for (const k in attrs) {
    const m = /^http:\/\/www\.opengis\.net\/citygml\/(\d\.\d)$/.exec(attrs[k]);
    if (m) return m[1];
  }
  return undefined;
}
