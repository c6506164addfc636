import { attrPair, localOf, pickAttrs } from './XmlNode';
import { BuildingAssembler } from './BuildingAssembler';
import { MAX_XML_DEPTH } from '../xml/parseXmlTree';
import { XmlScanner } from '../xml/XmlScanner';
import { SeenIds } from './SeenIds';
import type { SourceBuilding } from '../model/SourceBuilding';
import type { ReportBuilder } from '../model/ConversionReport';
import { problemOf } from '../model/ConversionError';

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

/**
 * Streams CityGML (1.0, 2.0, 3.0) with {@link XmlScanner} and emits one building at a
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
  const result: ReadCityGmlResult = { buildings: 0, parts: 0, broken: false };
  // Element stack outside buildings (local names), to know when we are in a member.
  const outer: string[] = [];
  // The building being read, its start tag, and the element depth inside it.
  let building: BuildingAssembler | undefined;
  let buildingStart: { id?: string; qname: string; line: number } | undefined;
  let depth = 0;
  let unsupported: { name: string; id?: string; line: number; depth: number } | undefined;
  let fileSrs: string | undefined;
  // Line of the first element nested too deep inside the current building (that building is skipped).
  let tooDeep: number | undefined;
  const seen = new SeenIds();

  const scanner = new XmlScanner({
    open(qname, attrs, line, selfClosing) {
      const name = localOf(qname);
      if (building) {
        if (SKIP_IN_BUILDING.has(name)) return true;
        if (depth >= MAX_XML_DEPTH) {
          // Deeper than any real building: skip the subtree, drop the building when it closes.
          tooDeep ??= line;
          return true;
        }
        const skip = building.open(name, qname, attrs, line);
        // Skipped or empty: the scanner sends no end tag for it.
        if (skip || selfClosing) building.close();
        else depth++;
        return skip;
      }
      if (unsupported) {
        if (!selfClosing) outer.push(name);
        return false;
      }
      if (result.version === undefined && outer.length === 0) result.version = versionFromAttrs(attrs);
      if (!fileSrs) fileSrs = attrPair(attrs, 'srsName');
      const parent = outer[outer.length - 1];
      if (name === 'Building') {
        building = new BuildingAssembler(qname, pickAttrs(attrs), line, { file, report, fileSrs: fileSrs ?? result.srsName });
        buildingStart = { id: attrPair(attrs, 'id'), qname, line };
        depth = 0;
        tooDeep = undefined;
        if (selfClosing) closeBuilding();
        else scanner.wantText = true;
        return false;
      }
      if (parent !== undefined && MEMBER_NAMES.has(parent)) {
        const u = { name: qname, id: attrPair(attrs, 'id'), line, depth: outer.length };
        if (selfClosing) reportUnsupported(u);
        else unsupported = u;
      }
      if (!selfClosing) outer.push(name);
      return false;
    },
    text(t) {
      // Whitespace between tags is most of the text: do not keep it.
      if (NON_SPACE.test(t)) building!.text(t);
    },
    close() {
      if (building) {
        if (depth === 0) closeBuilding();
        else {
          depth--;
          building.close();
        }
        return;
      }
      outer.pop();
      if (unsupported && outer.length === unsupported.depth) {
        reportUnsupported(unsupported);
        unsupported = undefined;
      }
    },
  });

  function closeBuilding(): void {
    const deep = tooDeep;
    const b = deep === undefined ? building!.finish() : undefined;
    building = undefined;
    scanner.wantText = false;
    const start = buildingStart!;
    if (deep !== undefined) {
      report.skip({ file, line: start.line, featureId: start.id, featureClass: start.qname, message: { code: 'convert.citygml.tooDeep', params: { max: MAX_XML_DEPTH, line: deep } } });
      return;
    }
    if (!b) return;
    const firstLine = start.id === undefined ? undefined : seen.add(start.id, start.line);
    if (firstLine !== undefined) {
      report.skip({ file, line: start.line, featureId: start.id, featureClass: start.qname, message: { code: 'convert.citygml.duplicateId', params: { line: firstLine } } });
      return;
    }
    result.buildings++;
    result.parts += b.partCount;
    options.onBuilding(b);
  }

  function reportUnsupported(u: { name: string; id?: string; line: number }): void {
    report.skip({ file, line: u.line, featureId: u.id, featureClass: u.name, message: { code: 'convert.citygml.unsupportedClass', params: { cls: u.name } } });
  }

  function fail(e: unknown): void {
    result.broken = true;
    const problem = problemOf(e);
    const inBuilding = building ? buildingStart : undefined;
    report.skip({
      file,
      line: scanner.line,
      featureId: inBuilding?.id,
      featureClass: inBuilding?.qname,
      message: inBuilding ? { code: 'convert.citygml.brokenInBuilding', params: { line: inBuilding.line, problem } } : { code: 'convert.citygml.broken', params: { problem } },
    });
  }

  try {
    for await (const chunk of chunks) {
      scanner.write(chunk);
      result.srsName ??= fileSrs;
    }
    scanner.close();
  } catch (e) {
    fail(e);
  }
  result.srsName ??= fileSrs;
  if (!result.broken && result.buildings === 0) {
    report.warn({ file, message: { code: 'convert.citygml.noBuildings' } });
  }
  return result;
}

const NON_SPACE = /\S/;


function versionFromAttrs(attrs: readonly string[]): string | undefined {
  for (let k = 1; k < attrs.length; k += 2) {
    const m = /^http:\/\/www\.opengis\.net\/citygml\/(\d\.\d)$/.exec(attrs[k]);
    if (m) return m[1];
  }
  return undefined;
}
