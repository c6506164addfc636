// Child process of scripts/bench/convert.bench.ts: converts one CityGML file either
// streaming (the real converter) or whole-document (fast-xml-parser, then the same
// building assembler — fed by replaying the DOM — and the same geometry/tile code) and prints {ms, cpuMs, buildings, maxRssMB} as JSON
// (cpuMs: user + system CPU time of the process, all threads, after start-up).
// Usage: node --import tsx scripts/bench/convertBenchWorker.ts <stream|dom> <input.gml> <outDir>
// (the bench runs an esbuild bundle of this file with plain node).
import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { convert } from '../convert/citygml';
import { writeCityModelOutput } from '../convert/writeCityModelOutput';
import { BuildingAssembler } from '../../src/core/citygml/BuildingAssembler';
import { localName, pickAttrs } from '../../src/core/citygml/XmlNode';
import type { ConversionReport } from '../../src/core/model/ConversionReport';

const [mode, input, out] = process.argv.slice(2);
const options = { kind: 'citygml', inputs: [input], out, strict: false, extra: {} as Record<string, string> };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let report: ConversionReport;
if (mode === 'stream') {
  report = await convert(options);
} else {
  report = await writeCityModelOutput(options, async (collector, rep) => {
    const text = await readFile(input, 'utf8');
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, trimValues: true });
    const doc = parser.parse(text) as OrderedNode[];
    let fileSrs: string | undefined;
    const visit = (nodes: OrderedNode[]) => {
      for (const n of nodes) {
        const tag = Object.keys(n).find((k) => k !== ':@')!;
        const attrs = (n[':@'] ?? {}) as Record<string, string>;
        if (!fileSrs && attrs.srsName) fileSrs = attrs.srsName;
        if (localName(tag) === 'Building') {
          const a = new BuildingAssembler(tag, pickAttrs(attrPairs(n)), 0, { file: 'bench.gml', report: rep, fileSrs });
          replay(n, a);
          const b = a.finish();
          if (b) collector.add(b);
        } else if (Array.isArray(n[tag])) visit(n[tag] as OrderedNode[]);
      }
    };
    visit(doc);
    return {};
  });
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const buildings = report.counts['bldg:Building'] ?? 0;
console.log(JSON.stringify({ ms, cpuMs, buildings, maxRssMB: process.resourceUsage().maxRSS / 1024 }));

type OrderedNode = Record<string, unknown>;

/** Attributes of an ordered fast-xml-parser node as name, value… pairs (XmlScanner's form). */
function attrPairs(n: OrderedNode): string[] {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries((n[':@'] ?? {}) as Record<string, string>)) pairs.push(k, String(v));
  return pairs;
}

/** Replays a building's DOM subtree as the parse events the streaming reader would send. */
function replay(n: OrderedNode, a: BuildingAssembler): void {
  const tag = Object.keys(n).find((k) => k !== ':@')!;
  for (const c of (n[tag] ?? []) as OrderedNode[]) {
    if ('#text' in c) {
      a.text(String(c['#text']));
      continue;
    }
    const ctag = Object.keys(c).find((k) => k !== ':@')!;
    if (!a.open(localName(ctag), ctag, attrPairs(c), 0)) replay(c, a);
    a.close();
  }
}
