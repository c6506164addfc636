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
import { AnalyzeUsageError, type AnalyzeArgs } from './analyzeArgs';
import { readJsonFile } from './readJsonFile';

/** The input files of each command: option → whether it is required. */
const INPUT_FILES: Record<string, Record<string, boolean>> = {
  sunhours: { buildings: true, zones: false },
  sunpoints: { buildings: true, points: true },
  shadows: { buildings: true },
  overlaps: { a: true, b: true },
  compliance: { buildings: true, plan: true, baugrenzen: false, parcels: false },
};

/** Commands whose `--buildings` must cast shadows (need heights). */
const SHADOW_COMMANDS = new Set(['sunhours', 'sunpoints', 'shadows']);

/**
 * Checks every argument and input file of an `npm run analyze` call before any
 * work starts (dates, ranges, step and cell limits, the work size against the
 * stated ceilings, GeoJSON structure, coordinates that look projected,
 * buildings without a usable height). Throws an {@link AnalyzeUsageError} for
 * a bad option (exit 2) and an Error naming the file for a bad input (exit 1).
 * Buildings without a usable height among usable ones are reported through
 * `warn` and the analysis goes on with the others.
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
      if (required) throw new AnalyzeUsageError(`analyze ${a.command}: --${key} is required`);
      continue;
    }
    const fc = await readGeoJson(file, { allowEmpty: !required });
    if (!fc.features.length) continue;
    const cp = coordinateProblems(fc.features);
    if (cp) throw new Error(`${file}: ${cp}`);
    if (key === 'buildings' && SHADOW_COMMANDS.has(a.command)) checkHeights(file, fc, warn);
  }
}

function validateOptions(a: AnalyzeArgs): void {
  const o = a.opts;
  const bad = (key: string, problem: string): never => {
    throw new AnalyzeUsageError(`analyze ${a.command}: --${key} ${problem}`);
  };
  const numberOpt = (key: string, min: number, max: number, unit = ''): number | undefined => {
    if (o[key] === undefined) return undefined;
    const v = o[key].trim() === '' ? NaN : Number(o[key]);
    const p = rangeProblem(v, min, max, unit);
    if (p) bad(key, `"${o[key]}": ${Number.isFinite(v) ? p : 'is not a number'}`);
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
    if (p) bad('bbox', `"${o.bbox}" ${p}`);
    if (a.command === 'sunhours' && cell !== undefined) {
      const w = sunHoursWorkProblem(bbox, cell, step);
      if (w) bad('bbox', `with --cell ${cell} and --step ${step}: ${w}`);
    }
  }
}

/** Reads and checks a GeoJSON FeatureCollection, naming the file in every error. */
async function readGeoJson(file: string, opts: { allowEmpty: boolean }): Promise<GeoJSON.FeatureCollection> {
  const json = await readJsonFile(file);
  const p = featureCollectionProblem(json, opts);
  if (p) throw new Error(`${file}: ${p}`);
  return json as GeoJSON.FeatureCollection;
}

function checkHeights(file: string, fc: GeoJSON.FeatureCollection, warn: (line: string) => void): void {
  const problems = buildingHeightProblems(fc.features);
  if (!problems.length) return;
  const list = problems
    .slice(0, 5)
    .map((p) => `${featureLabel(p)} ${p.problem}`)
    .join('; ');
  const more = problems.length > 5 ? `; … ${problems.length - 5} more` : '';
  if (problems.length === fc.features.length)
    throw new Error(`${file}: none of the ${fc.features.length} buildings has a usable height (heightM > 0 or LoD2 roofs), so nothing casts a shadow: ${list}${more}`);
  warn(`${file}: ${problems.length} of ${fc.features.length} buildings have no usable height and are left out: ${list}${more}`);
}
