// The converter bench's peers: the CityGML readers a skilled user would write instead of our
// XmlScanner — saxes streaming, and fast-xml-parser on the whole document — each feeding the
// same BuildingAssembler with the same events, so the outputs must be byte-identical to ours.
import { SaxesParser } from 'saxes';
import { XMLParser } from 'fast-xml-parser';
import { BuildingAssembler } from '../../../src/core/citygml/BuildingAssembler';
import { attrPair, localOf, pickAttrs } from '../../../src/core/citygml/XmlNode';
import type { ReportBuilder } from '../../../src/core/model/ConversionReport';
import type { SourceBuilding } from '../../../src/core/model/SourceBuilding';

/** Where the buildings go (the same as `readCityGml`'s options). */
export interface PeerOptions {
  file: string;
  report: ReportBuilder;
  onBuilding: (b: SourceBuilding) => void;
}

// The same subtrees readCityGml skips inside a building.
const SKIP_IN_BUILDING = new Set(['appearance', 'Appearance', 'lod1TerrainIntersection', 'lod2TerrainIntersection', 'lod3TerrainIntersection', 'lod4TerrainIntersection', 'externalReference']);
const NON_SPACE = /\S/;

/**
 * readCityGml's building logic for a parser that sends every start and end tag (also of
 * self-closing elements): finds buildings, keeps the file's first srsName, skips the
 * subtrees our reader skips, and forwards the rest to a BuildingAssembler.
 */
class BuildingEvents {
  private building: BuildingAssembler | undefined;
  private depth = 0;
  /** > 0 while inside a skipped subtree (its element depth). */
  private skip = 0;
  private fileSrs: string | undefined;
  buildings = 0;

  constructor(private readonly o: PeerOptions) {}

  open(qname: string, attrs: string[], line: number): void {
    if (this.skip) {
      this.skip++;
      return;
    }
    const name = localOf(qname);
    const b = this.building;
    if (b) {
      if (SKIP_IN_BUILDING.has(name)) {
        this.skip = 1;
        return;
      }
      if (b.open(name, qname, attrs, line)) {
        b.close();
        this.skip = 1;
      } else this.depth++;
      return;
    }
    if (!this.fileSrs) this.fileSrs = attrPair(attrs, 'srsName');
    if (name === 'Building') {
      this.building = new BuildingAssembler(qname, pickAttrs(attrs), line, { file: this.o.file, report: this.o.report, fileSrs: this.fileSrs });
      this.depth = 0;
    }
  }

  text(t: string): void {
    if (this.building && !this.skip && NON_SPACE.test(t)) this.building.text(t);
  }

  close(): void {
    if (this.skip) {
      this.skip--;
      return;
    }
    const b = this.building;
    if (!b) return;
    if (this.depth > 0) {
      this.depth--;
      b.close();
      return;
    }
    this.building = undefined;
    const done = b.finish();
    if (done) {
      this.buildings++;
      this.o.onBuilding(done);
    }
  }
}

/**
 * CityGML read with saxes (namespace processing off, positions on for the line numbers
 * in reports — our scanner counts lines too), chunk by chunk.
 */
export function readCityGmlSaxes(chunks: Iterable<string>, o: PeerOptions): number {
  const ev = new BuildingEvents(o);
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (node) => {
    const attrs: string[] = [];
    for (const [k, v] of Object.entries(node.attributes as Record<string, string>)) attrs.push(k, v);
    ev.open(node.name, attrs, parser.line);
  });
  parser.on('text', (t) => ev.text(t));
  parser.on('cdata', (t) => ev.text(t));
  parser.on('closetag', () => ev.close());
  parser.on('error', (e) => {
    throw e;
  });
  for (const c of chunks) parser.write(c);
  parser.close();
  return ev.buildings;
}

const ATTR = '@_';

/**
 * CityGML parsed as one document with fast-xml-parser in its fastest mode (objects, not
 * `preserveOrder`; no value parsing), then the tree replayed as parse events. Same-named
 * siblings come out grouped, which is harmless for CityGML (they are adjacent); the byte
 * comparison in the bench checks that.
 */
export function readCityGmlWholeDocument(text: string, o: PeerOptions, ordered = false): number {
  const ev = new BuildingEvents(o);
  if (ordered) {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, trimValues: true }).parse(text) as OrderedNode[];
    replayOrdered(doc, ev);
    return ev.buildings;
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: ATTR, parseTagValue: false, trimValues: true, ignoreDeclaration: true }).parse(text) as Record<string, unknown>;
  for (const [k, v] of Object.entries(doc)) replay(k, v, ev);
  return ev.buildings;
}

function replay(name: string, value: unknown, ev: BuildingEvents): void {
  if (Array.isArray(value)) {
    for (const v of value) replay(name, v, ev);
    return;
  }
  if (value === null || typeof value !== 'object') {
    ev.open(name, [], 0);
    if (value !== '' && value !== undefined) ev.text(String(value));
    ev.close();
    return;
  }
  const obj = value as Record<string, unknown>;
  const attrs: string[] = [];
  for (const k in obj) if (k.startsWith(ATTR)) attrs.push(k.slice(ATTR.length), String(obj[k]));
  ev.open(name, attrs, 0);
  for (const k in obj) {
    if (k.startsWith(ATTR)) continue;
    if (k === '#text') ev.text(String(obj[k]));
    else replay(k, obj[k], ev);
  }
  ev.close();
}

type OrderedNode = Record<string, unknown>;

/** fast-xml-parser's `preserveOrder` tree replayed as parse events (the old, slower baseline). */
function replayOrdered(nodes: OrderedNode[], ev: BuildingEvents): void {
  for (const n of nodes) {
    if ('#text' in n) {
      ev.text(String(n['#text']));
      continue;
    }
    const tag = Object.keys(n).find((k) => k !== ':@')!;
    if (tag.startsWith('?')) continue;
    const attrs: string[] = [];
    for (const [k, v] of Object.entries((n[':@'] ?? {}) as Record<string, string>)) attrs.push(k, String(v));
    ev.open(tag, attrs, 0);
    replayOrdered((n[tag] ?? []) as OrderedNode[], ev);
    ev.close();
  }
}
