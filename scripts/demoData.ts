// `npm run demo-data [-- --seed <n>] [--src <dir>] [--out <dir>]`
// Generates the Planlotse demo district (CityGML LoD2, XPlanGML 6.0, GeoJSON layers) into data/demo-src/
// and converts it with the project's own converters into data/demo/ (the dataset the app opens first).
import path from 'node:path';
import { buildDemoDataset } from './demo/buildDemoDataset';
import { checkPlanLimits } from './demo/checkPlanLimits';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const seed = arg('seed') !== undefined ? Number(arg('seed')) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed ${arg('seed')}: give an integer`);
  const srcDir = path.resolve(arg('src') ?? 'data/demo-src');
  const outDir = path.resolve(arg('out') ?? 'data/demo');
  const r = await buildDemoDataset({ srcDir, outDir, seed });
  const d = r.district;
  console.log(`demo district (seed ${d.seed}): ${d.buildings.length} buildings, ${d.lots.length} parcels, ${d.trees.length} trees, ${d.planAreas.length + d.planLines.length} plan objects`);
  console.log(`sources → ${path.relative(process.cwd(), srcDir) || '.'}: ${r.sources.map((s) => path.basename(s)).join(', ')}`);
  for (const [step, rep] of Object.entries(r.reports)) {
    console.log(`  ${step}: ${Object.entries(rep.counts).map(([k, v]) => `${v} ${k}`).join(', ')} (${(rep.durationMs / 1000).toFixed(2)} s)`);
  }
  const findings = checkPlanLimits(d);
  console.log(`deliberate plan breaches: ${findings.map((f) => `${f.subject} ${f.rule}`).join(', ')}`);
  console.log(`dataset → ${path.relative(process.cwd(), outDir)}: ${r.catalog.layers.length} catalog layers, ${(r.durationMs / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
