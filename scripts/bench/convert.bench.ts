// `npm run bench convert`: streaming CityGML conversion vs a whole-document baseline
// (fast-xml-parser, then the same building assembler, geometry and tile code), each in
// its own child process for an honest peak RSS; plus a 200 MB file that must stay under 300 MB RSS.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Bench, BenchResult } from './BenchResult';

const REAL = path.resolve(process.cwd(), '../shared/data/real/nrw-lod2/LoD2_32_327_5733_1_NW.gml');
const TMP = path.resolve('bench/tmp');

/**
 * Writes a CityGML file of about `targetMB` by replicating the buildings of a real
 * NRW tile on a 1 km grid (coordinates shifted, gml:ids and xlinks made unique).
 */
async function generate(file: string, targetMB: number): Promise<void> {
  if (existsSync(file) && Math.abs(statSync(file).size / 1e6 - targetMB) < targetMB * 0.05) return;
  const text = await readFile(REAL, 'utf8');
  const first = text.indexOf('<core:cityObjectMember>');
  const last = text.lastIndexOf('</core:cityObjectMember>') + '</core:cityObjectMember>'.length;
  const head = text.slice(0, first), body = text.slice(first, last), tail = text.slice(last);
  const ws = createWriteStream(file);
  const write = (s: string) => new Promise<void>((res) => (ws.write(s) ? res() : ws.once('drain', () => res())));
  await write(head);
  let bytes = head.length;
  for (let k = 0; bytes < targetMB * 1e6; k++) {
    const dx = (k % 25) * 1000, dy = Math.floor(k / 25) * 1000;
    const copy = body
      .replace(/(gml:id="|xlink:href="#)([^"]+)"/g, `$1$2_${k}"`)
      .replace(/(<gml:(?:posList|pos|lowerCorner|upperCorner)[^>]*>)([^<]*)</g, (_m, open: string, coords: string) => {
        const v = coords.trim().split(/\s+/);
        for (let i = 0; i + 2 < v.length; i += 3) {
          v[i] = (Number(v[i]) + dx).toFixed(3);
          v[i + 1] = (Number(v[i + 1]) + dy).toFixed(3);
        }
        return `${open}${v.join(' ')}<`;
      });
    await write(copy);
    bytes += copy.length;
  }
  await write(tail);
  await new Promise<void>((res) => ws.end(() => res()));
}

interface Run {
  ms: number;
  cpuMs: number;
  buildings: number;
  maxRssMB: number;
}

/**
 * Bundles the worker to plain JavaScript so both runs measure the converter, not
 * the TypeScript loader (tsx alone adds about 40 MB RSS to every process).
 */
async function bundleWorker(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(TMP, 'convertBenchWorker.mjs');
  await build({
    entryPoints: ['scripts/bench/convertBenchWorker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies inside an ESM bundle need a require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

function run(worker: string, mode: 'stream' | 'dom', input: string, flags: string[] = []): Run {
  const out = path.join(TMP, `out-${mode}-${path.basename(input, '.gml')}`);
  // A fresh output folder each time: the converters keep (copy over) what an existing output holds.
  rmSync(out, { recursive: true, force: true });
  const args = [...flags, worker, mode, input, out];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench worker ${mode} failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Run;
}

/**
 * Several runs in one figure: the fastest time (the least disturbed run on a shared
 * machine) and the median peak RSS (it varies with GC timing, not with load).
 */
function best(runs: Run[]): Run {
  const rss = runs.map((r) => r.maxRssMB).sort((a, b) => a - b);
  return { ms: Math.min(...runs.map((r) => r.ms)), cpuMs: Math.min(...runs.map((r) => r.cpuMs)), buildings: runs[0].buildings, maxRssMB: rss[Math.floor(rss.length / 2)] };
}

const bench: Bench = async () => {
  if (!existsSync(REAL)) {
    console.log(`convert.bench: real data missing at ${REAL}, skipped`);
    return [];
  }
  await mkdir(TMP, { recursive: true });
  const f50 = path.join(TMP, 'lod2-50mb.gml');
  const f200 = path.join(TMP, 'lod2-200mb.gml');
  await generate(f50, 50);
  const mb50 = statSync(f50).size / 1e6;
  const worker = await bundleWorker();
  // Alternating runs, so a busy moment on a shared machine hits both contenders alike.
  const streamRuns: Run[] = [], domRuns: Run[] = [];
  for (let k = 0; k < 3; k++) {
    domRuns.push(run(worker, 'dom', f50));
    streamRuns.push(run(worker, 'stream', f50));
  }
  const stream = best(streamRuns), dom = best(domRuns);
  // Same comparison with a small V8 young generation for both processes: the DOM's memory
  // is old-generation data and does not change, the stream's peak drops (see README, City model conversion).
  const small = ['--max-semi-space-size=1'];
  const streamSmall = run(worker, 'stream', f50, small);
  const domSmall = run(worker, 'dom', f50, small);
  await generate(f200, 200);
  const mb200 = statSync(f200).size / 1e6;
  const big = run(worker, 'stream', f200);
  for (const d of ['out-stream-lod2-50mb', 'out-dom-lod2-50mb', 'out-stream-lod2-200mb']) await rm(path.join(TMP, d), { recursive: true, force: true });
  const results: BenchResult[] = [
    {
      // Throughput is MB per second of elapsed time. CPU time (all threads) is printed too: it
      // adds V8's background compilation and GC threads (about 0.35 s for the stream, mostly
      // compiling, a fixed cost that weighs heavily on a 0.6 s run).
      name: `CityGML → 3D Tiles throughput (${mb50.toFixed(0)} MB LoD2, elapsed time, best of 3 alternating runs)`,
      ours: { label: 'streaming (XmlScanner)', value: mb50 / (stream.ms / 1000), unit: 'MB/s' },
      baseline: { label: 'whole document (fast-xml-parser)', value: mb50 / (dom.ms / 1000), unit: 'MB/s' },
      ratio: dom.ms / stream.ms,
      target: 3,
      extra: {
        buildings: stream.buildings,
        'streaming buildings/s': Math.round(stream.buildings / (stream.ms / 1000)),
        'baseline buildings/s': Math.round(dom.buildings / (dom.ms / 1000)),
        'streaming s': stream.ms / 1000,
        'baseline s': dom.ms / 1000,
        'streaming CPU s (all threads)': stream.cpuMs / 1000,
        'baseline CPU s (all threads)': dom.cpuMs / 1000,
        'CPU-time ratio': dom.cpuMs / stream.cpuMs,
        'streaming MB/s per CPU second': mb50 / (stream.cpuMs / 1000),
        'baseline MB/s per CPU second': mb50 / (dom.cpuMs / 1000),
      },
    },
    {
      name: `CityGML → 3D Tiles peak RSS (${mb50.toFixed(0)} MB LoD2, default V8 flags, median of 3)`,
      ours: { label: 'streaming', value: stream.maxRssMB, unit: 'MB' },
      baseline: { label: 'whole document', value: dom.maxRssMB, unit: 'MB' },
      ratio: dom.maxRssMB / stream.maxRssMB,
      target: 3,
    },
    {
      name: `CityGML → 3D Tiles peak RSS (${mb50.toFixed(0)} MB LoD2, both with --max-semi-space-size=1)`,
      ours: { label: 'streaming', value: streamSmall.maxRssMB, unit: 'MB' },
      baseline: { label: 'whole document', value: domSmall.maxRssMB, unit: 'MB' },
      ratio: domSmall.maxRssMB / streamSmall.maxRssMB,
      target: 3,
      extra: { 'streaming s': streamSmall.ms / 1000, 'baseline s': domSmall.ms / 1000 },
    },
    {
      name: `CityGML → 3D Tiles, ${mb200.toFixed(0)} MB file: peak RSS (limit 300 MB)`,
      ours: { label: 'streaming peak RSS', value: big.maxRssMB, unit: 'MB' },
      baseline: { label: 'limit', value: 300, unit: 'MB' },
      ratio: 300 / big.maxRssMB,
      target: 1,
      extra: { buildings: big.buildings, 'MB/s': mb200 / (big.ms / 1000), 'buildings/s': Math.round(big.buildings / (big.ms / 1000)), seconds: big.ms / 1000, 'peak RSS MB (200 MB file)': big.maxRssMB },
    },
  ];
  return results;
};

export default bench;
