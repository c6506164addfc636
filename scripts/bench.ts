// `npm run bench [filter]`: runs every scripts/bench/*.bench.ts (default export: Bench),
// prints ours vs baseline with ratios and saves them to bench/results.json.
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './bench/BenchResult';

const filter = process.argv[2];
const dir = path.resolve('scripts/bench');
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
const all: (BenchResult & { file: string })[] = [];
for (const f of files) {
  console.log(`\n## ${f}`);
  const bench = (await import(pathToFileURL(path.join(dir, f)).href)).default as Bench;
  for (const r of await bench()) {
    all.push({ ...r, file: f });
    const ok = r.target === undefined ? '' : r.ratio >= r.target ? `  ✓ (target ≥ ${r.target}×)` : `  ✗ (target ≥ ${r.target}×)`;
    console.log(`${r.name}: ${r.ours.label} ${fmt(r.ours.value)} ${r.ours.unit} vs ${r.baseline.label} ${fmt(r.baseline.value)} ${r.baseline.unit} → ${r.ratio.toFixed(1)}×${ok}`);
    if (r.extra) for (const [k, v] of Object.entries(r.extra)) console.log(`    ${k}: ${typeof v === 'number' ? fmt(v) : v}`);
  }
}
await mkdir('bench', { recursive: true });
const out = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results: all };
await writeFile('bench/results.json', JSON.stringify(out, null, 2));
console.log(`\nsaved ${all.length} results to bench/results.json`);
const missed = all.filter((r) => r.target !== undefined && r.ratio < r.target);
if (missed.length) console.log(`targets missed: ${missed.map((r) => r.name).join(', ')}`);

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
