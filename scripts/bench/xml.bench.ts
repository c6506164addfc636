// `npm run bench xml`: the one XML stack. Our streaming XmlScanner against saxes (the
// general-purpose streaming parser the XPlanung/WFS readers used before) on every real
// XML/GML file in ../shared/data/real: first the bare event stream (tags, attributes,
// text, line numbers, namespaces resolved on the saxes side), then the element tree that
// the XPlanung/WFS readers walk (parseXmlTree on XmlScanner vs the same tree built on
// saxes). Each tree pair is checked equal (names, namespaces, attributes, lines, text).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { parseXmlTree, type XmlElement, type XmlTree } from '../../src/core/xml/parseXmlTree';
import { XmlScanner } from '../../src/core/xml/XmlScanner';
import type { Bench, BenchResult } from './BenchResult';
import { detail } from '../../src/core/model/ConversionError';

const REAL = path.resolve(process.cwd(), '../shared/data/real');

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFiles(p));
    else if (/\.(gml|xml)$/i.test(name)) out.push(p);
  }
  return out.sort();
}

/** Elements and text characters seen by our scanner (text delivered, as the tree needs it). */
function scanEvents(xml: string): number {
  let n = 0;
  const s = new XmlScanner({ open: () => void n++, text: (t) => void (n += t.length), close: () => {} });
  s.wantText = true;
  s.write(xml);
  s.close();
  return n;
}

/** The same with saxes (namespaces and positions on, as the readers need them). */
function saxesEvents(xml: string): number {
  let n = 0;
  const p = new SaxesParser({ xmlns: true, position: true });
  p.on('opentag', () => void n++);
  p.on('text', (t) => {
    // saxes also reports the whitespace between tags; count only what the scanner delivers.
    if (t.trim()) n += t.length;
  });
  p.write(xml).close();
  return n;
}

/** The element tree the XPlanung/WFS readers used to build on saxes (kept here as the peer). */
export function saxesTree(xml: string): XmlTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: XmlTree['errors'] = [];
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  parser.on('error', (e) => void errors.push({ line: parser.line, message: e.message, problem: detail(e.message) }));
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(node.attributes)) {
      const attr = a as { local: string; value: string; prefix: string };
      if (attr.prefix === 'xmlns' || attr.local === 'xmlns') continue;
      attrs[attr.local] = attr.value;
    }
    const el: XmlElement = { name: node.name, local: node.local ?? node.name, uri: node.uri ?? '', attrs, children: [], text: '', line: parser.line, complete: false };
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else root ??= el;
    stack.push(el);
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top && t.trim()) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) el.complete = true;
  });
  parser.write(xml).close();
  return { root, errors };
}

/** First difference between two trees, or undefined. */
export function treeDifference(a: XmlElement | undefined, b: XmlElement | undefined, at = ''): string | undefined {
  if (!a || !b) return a === b ? undefined : `${at}: one tree is empty`;
  const where = `${at}/${a.name}@${a.line}`;
  // saxes gives the line of a start tag's '>', ours the line of its '<' (they differ on multi-line tags).
  if (a.name !== b.name || a.local !== b.local || a.uri !== b.uri || b.line < a.line || b.line > a.line + 50 || a.complete !== b.complete) return `${where}: element differs (${b.name} ${b.uri} line ${b.line})`;
  if (a.text.trim() !== b.text.trim()) return `${where}: text differs`;
  if (JSON.stringify(a.attrs) !== JSON.stringify(b.attrs)) return `${where}: attributes differ`;
  if (a.children.length !== b.children.length) return `${where}: ${a.children.length} vs ${b.children.length} children`;
  for (let i = 0; i < a.children.length; i++) {
    const d = treeDifference(a.children[i], b.children[i], where);
    if (d) return d;
  }
  return undefined;
}

/** Median time (ms) of `fn` over repeated runs, at least `minMs` in all (first call counted as a run). */
function time(fn: () => unknown, minMs = 300): number {
  const runs: number[] = [];
  const start = performance.now();
  while (runs.length < 3 || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((x, y) => x - y);
  return runs[runs.length >> 1];
}

const bench: Bench = async () => {
  const files = xmlFiles(REAL);
  if (files.length === 0) {
    console.log('no ../shared/data/real: xml bench skipped');
    return [];
  }
  let oursEv = 0, saxEv = 0, oursTree = 0, saxTree = 0, bytes = 0;
  for (const f of files) {
    const xml = readFileSync(f, 'utf8');
    bytes += xml.length;
    const e1 = scanEvents(xml), e2 = saxesEvents(xml);
    if (e1 !== e2) throw new Error(`${path.relative(REAL, f)}: event counts differ (${e1} vs ${e2})`);
    const diff = treeDifference(parseXmlTree(xml).root, saxesTree(xml).root);
    if (diff) throw new Error(`${path.relative(REAL, f)}: trees differ at ${diff}`);
    const t = [time(() => scanEvents(xml)), time(() => saxesEvents(xml)), time(() => parseXmlTree(xml)), time(() => saxesTree(xml))];
    oursEv += t[0];
    saxEv += t[1];
    oursTree += t[2];
    saxTree += t[3];
    console.log(`  ${path.relative(REAL, f).padEnd(64)} ${(xml.length / 1e6).toFixed(2).padStart(6)} MB  events ${t[0].toFixed(2)} vs ${t[1].toFixed(2)} ms (${(t[1] / t[0]).toFixed(1)}×)  tree ${t[2].toFixed(2)} vs ${t[3].toFixed(2)} ms (${(t[3] / t[2]).toFixed(1)}×)`);
  }
  const extra = { files: files.length, MB: +(bytes / 1e6).toFixed(2), outputs: 'equal trees on every file' };
  const results: BenchResult[] = [
    { name: `XML events, all ${files.length} real XML/GML files`, ours: { label: 'XmlScanner', value: oursEv, unit: 'ms' }, baseline: { label: 'saxes', value: saxEv, unit: 'ms' }, ratio: saxEv / oursEv, target: 1, extra },
    { name: `XML element tree (XPlanung/WFS), all ${files.length} files`, ours: { label: 'parseXmlTree on XmlScanner', value: oursTree, unit: 'ms' }, baseline: { label: 'same tree on saxes', value: saxTree, unit: 'ms' }, ratio: saxTree / oursTree, target: 1, extra },
  ];
  return results;
};
export default bench;
