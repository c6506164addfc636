// `npm run analyze -- <shadows|sunhours|sunpoints|overlaps|compliance> --key value …`
// Thin CLI over src/core/analysis (the same request functions the browser worker runs).
import { AnalyzeUsageError, parseAnalyzeArgs } from './analyze/analyzeArgs';
import { runAnalyzeCommand } from './analyze/runAnalyzeCommand';

const USAGE = `usage:
  npm run analyze -- sunhours --buildings <buildings.geojson> --date YYYY-MM-DD --bbox minLon,minLat,maxLon,maxLat --cell <m> [--step <min>] [--zones <polygons.geojson> --zone-group <prop>] [--threshold <h>] --out <file.csv>
  npm run analyze -- sunpoints --buildings <buildings.geojson> --points <points.geojson> --date YYYY-MM-DD [--step <min>] [--threshold 1.5] --out <file.csv|file.geojson>
  npm run analyze -- shadows --buildings <buildings.geojson> --time <ISO 8601 with zone> --out <file.geojson>
  npm run analyze -- overlaps --a <layer.geojson> --b <layer.geojson> [--group-a <prop> --group-b <prop>] --out <file.csv|file.geojson>
  npm run analyze -- compliance --buildings <buildings.geojson> --plan <baugebiete.geojson> [--baugrenzen <f>] [--parcels <f>] [--storey-height 3] [--tolerance 0.5] --out <file.csv|file.json>
every command: [--lang en|de] (summary line and CSV column names; default en, the machine column names)`;

runAnalyzeCommand(parseAnalyzeArgsSafe()).then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    if (e instanceof AnalyzeUsageError) console.error(USAGE);
    process.exit(e instanceof AnalyzeUsageError ? 2 : 1);
  },
);

function parseAnalyzeArgsSafe() {
  try {
    return parseAnalyzeArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(USAGE);
    process.exit(2);
  }
}
