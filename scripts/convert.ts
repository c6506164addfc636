// `npm run convert -- <kind> <inputs…> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--strict] [--lang en|de]`
// Dispatches to scripts/convert/<kind>.ts, each exporting `convert(options): Promise<ConversionReport>`.
import { parseConvertArgs, type ConvertOptions } from './convert/options';
import type { ConversionReport } from '../src/core/model/ConversionReport';
import { rerunWithBoundedHeap } from './convert/boundedHeap';
import { convertText, ConvertUsageError } from './convert/convertText';
import { langFromArgv } from './analyze/cliError';

const KINDS: Record<string, () => Promise<{ convert(o: ConvertOptions): Promise<ConversionReport> }>> = {
  citygml: () => import('./convert/citygml'),
  cityjson: () => import('./convert/cityjson'),
  xplanung: () => import('./convert/xplanung'),
  vector: () => import('./convert/vector'),
};

// The language is read before the options are parsed, so that a bad option is reported in it too.
const text = convertText(langFromArgv(process.argv));

async function main(): Promise<number> {
  let options: ConvertOptions;
  try {
    options = parseConvertArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ConvertUsageError) {
      console.error(`${text.error(e)}\n${text.usage()}`);
      return 2;
    }
    throw e;
  }
  const load = KINDS[options.kind];
  if (!load) {
    console.error(text.unknownKind(options.kind, Object.keys(KINDS)));
    return 2;
  }
  // Streaming conversion in a child with a bounded heap: flat peak RSS on any input size.
  const childCode = rerunWithBoundedHeap(options.kind, process.env, text.heapExceeded);
  if (childCode !== null) return childCode;
  const report = await (await load()).convert(options);
  for (const issue of report.issues) console.error(text.issue(issue));
  console.log(text.summary(options.kind, report, options.out));
  const converted = Object.values(report.counts).reduce((a, b) => a + b, 0);
  if (converted === 0) return 1;
  if (options.strict && report.issues.some((i) => i.severity === 'error')) return 1;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(text.error(e));
    process.exit(1);
  },
);
