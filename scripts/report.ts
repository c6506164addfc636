// `npm run report -- --data data/demo [--scenario s.json --variants A,B] [--area plan|baugebiet:<id>|polygon.geojson] [--date 2025-03-21] [--lang de|en] --out dir/`
// Headless report: the same report builder as the browser, its PDF from the production build's report page in Chromium.
import { parseReportArgs, ReportUsageError } from './report/reportArgs';
import { runReportCommand } from './report/runReportCommand';

const USAGE = `usage:
  npm run report -- --data <dataset folder> --out <folder>
      [--scenario <scenario.json> [--variants A | A,B]]     variants by name or id (default: the scenario's first)
      [--area all | plan | plan:<id> | baugebiet:<id> | <polygon.geojson>]   (default all)
      [--date YYYY-MM-DD] (default 2025-03-21)  [--lang de|en]  [--author "<name>"]  [--title "<text>"]
      [--cell <m>] [--step <min>]  [--pdf false]  [--scenes false]  [--dist dist]
      (the PDF and its 3D scene images need the production build: npx vite build)`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseReportArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  const r = await runReportCommand(args, { log: (s) => console.log(s) });
  console.log(`report: built in ${(r.buildMs / 1000).toFixed(1)} s, scene images (${r.doc.sceneImages.length}) in ${(r.sceneMs / 1000).toFixed(1)} s, PDF in ${(r.pdfMs / 1000).toFixed(1)} s, files in ${(r.filesMs / 1000).toFixed(1)} s → ${args.out} (${r.files.length} files: ${r.files.filter((f) => !f.includes('/')).join(', ')}, csv/, csv-excel-de/, geojson/)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(e instanceof ReportUsageError ? 2 : 1);
});
