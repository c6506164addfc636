// `npm run convert -- <kind> <inputs…> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--strict]`
// Dispatches to scripts/convert/<kind>.ts, each exporting `convert(options): Promise<ConversionReport>`.
import { parseConvertArgs, UsageError, type ConvertOptions } from './convert/options';
import { formatIssue, type ConversionReport } from '../src/core/model/ConversionReport';
import { rerunWithBoundedHeap } from './convert/boundedHeap';

const KINDS: Record<string, () => Promise<{ convert(o: ConvertOptions): Promise<ConversionReport> }>> = {
  citygml: () => import('./convert/citygml'),
  cityjson: () => import('./convert/cityjson'),
  xplanung: () => import('./convert/xplanung'),
  vector: () => import('./convert/vector'),
};

async function main(): Promise<number> {
  let options: ConvertOptions;
  try {
    options = parseConvertArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\nusage: npm run convert -- <citygml|cityjson|xplanung|vector> <inputs…> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--strict]`);
      return 2;
    }
    throw e;
  }
  const load = KINDS[options.kind];
  if (!load) {
    console.error(`unknown kind "${options.kind}": use one of ${Object.keys(KINDS).join(', ')}`);
    return 2;
  }
  // Streaming conversion in a child with a bounded heap: flat peak RSS on any input size.
  const childCode = rerunWithBoundedHeap(options.kind);
  if (childCode !== null) return childCode;
  const report = await (await load()).convert(options);
  for (const issue of report.issues) console.error(formatIssue(issue));
  const converted = Object.values(report.counts).reduce((a, b) => a + b, 0);
  const skipped = Object.values(report.skippedCounts).reduce((a, b) => a + b, 0);
  console.log(`${options.kind}: converted ${converted} features (${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}), skipped ${skipped}, CRS ${report.crs?.code ?? '?'}, ${(report.durationMs / 1000).toFixed(2)} s → ${options.out}`);
  if (converted === 0) return 1;
  if (options.strict && report.issues.some((i) => i.severity === 'error')) return 1;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
