// Child process of scripts/bench/convert.bench.ts: converts one CityGML file with one reader
// and prints {ms, cpuMs, buildings, maxRssMB} as JSON (cpuMs: user + system CPU time of the
// process, all threads, after start-up). Every mode writes through the same
// writeCityModelOutput (tiles, glb, footprints, report), so the work is equal:
//   stream       the real converter (XmlScanner, scripts/convert/citygml.ts)
//   saxes        saxes streaming over the same 64 KB chunks into the same BuildingAssembler
//   dom          fast-xml-parser on the whole document, fastest (non-ordered) mode, replayed
//   dom-ordered  the same with preserveOrder (the old baseline; slower)
//   parse-scanner / parse-saxes   only the XML parse (every element and text event, no assembler,
//                no output): shows how much of the whole the reader is
// Usage: node --import tsx scripts/bench/convertBenchWorker.ts <mode> <input.gml> <outDir>
// (the bench runs an esbuild bundle of this file with plain node).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { convert, readTextChunks } from '../convert/citygml';
import { writeCityModelOutput } from '../convert/writeCityModelOutput';
import { readCityGmlSaxes, readCityGmlWholeDocument } from './support/cityGmlPeers';
import { SaxesParser } from 'saxes';
import { XmlScanner } from '../../src/core/xml/XmlScanner';
import { ReportBuilder } from '../../src/core/model/ConversionReport';
import type { ConversionReport } from '../../src/core/model/ConversionReport';

const [mode, input, out] = process.argv.slice(2);
const options = { kind: 'citygml', inputs: [input], out, strict: false, extra: {} as Record<string, string> };
const file = path.basename(input);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let report: ConversionReport;
if (mode === 'stream') report = await convert(options);
else if (mode === 'saxes')
  report = await writeCityModelOutput(options, async (collector, rep) => {
    readCityGmlSaxes(readTextChunks(input), { file, report: rep, onBuilding: (b) => collector.add(b) });
    return {};
  });
else if (mode === 'dom' || mode === 'dom-ordered')
  report = await writeCityModelOutput(options, async (collector, rep) => {
    const text = await readFile(input, 'utf8');
    readCityGmlWholeDocument(text, { file, report: rep, onBuilding: (b) => collector.add(b) }, mode === 'dom-ordered');
    return {};
  });
else if (mode === 'parse-scanner' || mode === 'parse-saxes') {
  // Events counted so that nothing is optimised away; `buildings` reports the element count.
  let elements = 0, chars = 0;
  if (mode === 'parse-scanner') {
    const sc = new XmlScanner({ open: () => void elements++, text: (t) => void (chars += t.length), close: () => {} });
    sc.wantText = true;
    for (const c of readTextChunks(input)) sc.write(c);
    sc.close();
  } else {
    const p = new SaxesParser({ xmlns: false, position: true });
    p.on('opentag', () => void elements++);
    p.on('text', (t) => void (chars += t.length));
    for (const c of readTextChunks(input)) p.write(c);
    p.close();
  }
  report = new ReportBuilder().build({ kind: 'citygml', inputs: [file], outputs: [], durationMs: 0 });
  report.counts['bldg:Building'] = elements;
} else throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const buildings = report.counts['bldg:Building'] ?? 0;
console.log(JSON.stringify({ ms, cpuMs, buildings, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
