import {
  ANALYSIS_LIMITS as L,
  bboxProblem,
  buildingHeightProblems,
  coordinateProblems,
  dateProblem,
  dateTimeProblem,
  featureCollectionProblem,
  featureLabel,
  rangeProblem,
  sunHoursWorkProblem,
} from '../../src/core/analysis/validateInputs';
import type { NestedMessage } from '../../src/core/i18n/Message';
import { LANGS, type Lang } from '../../src/core/i18n/Lang';
import type { AnalyzeArgs } from './analyzeArgs';
import { AnalyzeUsageError, CliError, cliMessageText } from './cliError';
import { readJsonFile } from './readJsonFile';

/** The input files of each command: option → whether it is required. */
const INPUT_FILES: Record<string, Record<string, boolean>> = {
  sunhours: { buildings: true, zones: false },
  sunpoints: { buildings: true, points: true },
  shadows: { buildings: true },
  overlaps: { a: true, b: true },
  compliance: { buildings: true, plan: true, baugrenzen: false, parcels: false },
};

/** The `--lang` of the call for warnings; a bad value is refused by the command runner before this runs. */
const langFromArgs = (a: AnalyzeArgs): Lang => ((LANGS as readonly string[]).includes(a.opts.lang ?? '') ? (a.opts.lang as Lang) : 'en');

/** Commands whose `--buildings` must cast shadows (need heights). */
const SHADOW_COMMANDS = new Set(['sunhours', 'sunpoints', 'shadows']);

/**
 * Checks every argument and input file of an `npm run analyze` call before any
 * work starts (dates, ranges, step and cell limits, the work size against the
 * stated ceilings, GeoJSON structure, coordinates that look projected,
 * buildings without a usable height). Throws an {@link AnalyzeUsageError} for
 * a bad option (exit 2) and a {@link CliError} naming the file for a bad input
 * (exit 1), both message codes that the CLI says in the `--lang` language.
 * Buildings without a usable height among usable ones are reported through
 * `warn` (in that language) and the analysis goes on with the others.
 *
 * @example await validateAnalyzeArgs(parseAnalyzeArgs(['shadows', '--buildings', 'b.geojson', …]));
 */
export async function validateAnalyzeArgs(a: AnalyzeArgs, warn: (line: string) => void = (l) => console.error(l)): Promise<void> {
  const files = INPUT_FILES[a.command];
  if (!files) return; // unknown command: the command runner names it
  validateOptions(a);
  for (const [key, required] of Object.entries(files)) {
    const file = a.opts[key];
    if (file === undefined) {
      if (required) throw new AnalyzeUsageError({ code: 'cli.error.required', params: { command: a.command, key } });
      continue;
    }
    const fc = await readGeoJson(file, { allowEmpty: !required });
    if (!fc.features.length) continue;
    const cp = coordinateProblems(fc.features);
    if (cp) throw new CliError({ code: 'cli.error.fileProblem', params: { file, problem: cp } });
    if (key === 'buildings' && SHADOW_COMMANDS.has(a.command)) checkHeights(file, fc, warn, langFromArgs(a));
  }
}

function validateOptions(a: AnalyzeArgs): void {
  const o = a.opts;
  const bad = (key: string, problem: NestedMessage): never => {
    throw new AnalyzeUsageError({ code: 'cli.error.optionProblem', params: { command: a.command, key, problem } });
  };
  const numberOpt = (key: string, min: number, max: number, unit = ''): number | undefined => {
    if (o[key] === undefined) return undefined;
    const v = o[key].trim() === '' ? NaN : Number(o[key]);
    const p = rangeProblem(v, min, max, unit);
    if (p) bad(key, { code: 'cli.error.optionValue', params: { raw: o[key], problem: Number.isFinite(v) ? p : { code: 'cli.error.valueNotNumber' } } });
    return v;
  };
  if (o.date !== undefined) {
    const p = dateProblem(o.date);
    if (p) bad('date', p);
  }
  if (o.time !== undefined) {
    const p = dateTimeProblem(o.time);
    if (p) bad('time', p);
  }
  const step = numberOpt('step', L.minStepMin, L.maxStepMin, ' min') ?? 10;
  numberOpt('min-altitude', -5, 89);
  numberOpt('threshold', 0, 24, ' h');
  numberOpt('storey-height', 1, 10, ' m');
  numberOpt('tolerance', 0, 100, ' m');
  const cell = numberOpt('cell', L.minCellM, L.maxCellM, ' m');
  if (o.bbox !== undefined) {
    const bbox = o.bbox.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const p = bboxProblem(bbox);
    if (p) bad('bbox', { code: 'cli.error.quoted', params: { raw: o.bbox, problem: p } });
    if (a.command === 'sunhours' && cell !== undefined) {
      const w = sunHoursWorkProblem(bbox, cell, step);
      if (w) bad('bbox', { code: 'cli.error.workWith', params: { cell: String(cell), step: String(step), problem: w } });
    }
  }
}

/** Reads and checks a GeoJSON FeatureCollection, naming the file in every error. */
async function readGeoJson(file: string, opts: { allowEmpty: boolean }): Promise<GeoJSON.FeatureCollection> {
  const json = await readJsonFile(file);
  const p = featureCollectionProblem(json, opts);
  if (p) throw new CliError({ code: 'cli.error.fileProblem', params: { file, problem: p } });
  return json as GeoJSON.FeatureCollection;
}

function checkHeights(file: string, fc: GeoJSON.FeatureCollection, warn: (line: string) => void, lang: Lang): void {
  const problems = buildingHeightProblems(fc.features);
  if (!problems.length) return;
  const list: NestedMessage[] = problems.slice(0, 5).map((p) => ({ code: 'cli.error.heightItem', params: { feature: featureLabel(p), problem: p.problem } }));
  const more: NestedMessage | string = problems.length > 5 ? { code: 'cli.error.more', params: { count: String(problems.length - 5) } } : '';
  if (problems.length === fc.features.length) throw new CliError({ code: 'cli.error.noHeights', params: { file, count: String(fc.features.length), list, more } });
  warn(cliMessageText({ code: 'cli.error.someNoHeights', params: { file, count: String(problems.length), total: String(fc.features.length), list, more } }, lang));
}
