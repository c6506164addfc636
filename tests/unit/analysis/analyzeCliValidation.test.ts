// Bad calls of `npm run analyze` end at once with the option or file and the
// problem named, never with a hang, an out-of-memory crash or a silent 0 m².
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysisTestUtils';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { wgs84ToUtm32 } from '../../../src/core/crs';
import * as inputs from '../../../src/core/analysis/validateInputs';
import { cliMessageText } from '../../../scripts/analyze/cliError';
import { AnalyzeUsageError, parseAnalyzeArgs } from '../../../scripts/analyze/analyzeArgs';
import { runAnalyzeCommand } from '../../../scripts/analyze/runAnalyzeCommand';
import { validateAnalyzeArgs } from '../../../scripts/analyze/validateAnalyzeArgs';

// The core checks return message codes; these read them in English, as the CLI prints them by default.
const english = (m: ReturnType<typeof inputs.dateProblem>) => (m ? cliMessageText(m, 'en') : null);
const dateProblem = (s: string) => english(inputs.dateProblem(s));
const dateTimeProblem = (s: string) => english(inputs.dateTimeProblem(s));
const sunHoursWorkProblem = (b: number[], cellM: number, stepMin: number) => english(inputs.sunHoursWorkProblem(b, cellM, stepMin));

const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-analyze-bad-'));
const centre: [number, number] = [9.99, 53.55];
const buildings = generateDistrict({ centre, sizeM: 120, count: 16, seed: 3 });
const file = (name: string, json: unknown): string => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof json === 'string' ? json : JSON.stringify(json));
  return f;
};
const good = file('buildings.geojson', buildings);
const bbox = '9.9892,53.5494,9.9908,53.5506';
const out = path.join(dir, 'out.csv');

/** Runs the command in-process; returns the error it threw (or null) and the warnings. */
async function call(...argv: string[]): Promise<{ error: Error | null; warnings: string[] }> {
  const warnings: string[] = [];
  try {
    await validateAnalyzeArgs(parseAnalyzeArgs(argv), (l) => warnings.push(l));
    return { error: null, warnings };
  } catch (e) {
    return { error: e as Error, warnings };
  }
}

/** The same buildings with every position in EPSG:25832 metres, as a GIS export without reprojection writes them. */
function projected(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  const map = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? wgs84ToUtm32(c as [number, number]) : (c as unknown[]).map(map));
  return { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, roofs: undefined }, geometry: { ...f.geometry, coordinates: map((f.geometry as GeoJSON.Polygon).coordinates) } as GeoJSON.Geometry })) };
}

describe('dates', () => {
  it('accepts exactly the days of the calendar (every day of 2024 and 2025 against Date, and day 0 / day 32)', () => {
    for (const year of [2024, 2025])
      for (let m = 1; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const t = new Date(Date.UTC(year, m - 1, d));
          const real = m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
          expect(dateProblem(s) === null, s).toBe(real);
        }
    expect(dateProblem('2025-02-30')).toMatch(/day 30 does not exist in 2025-02 \(it has 28 days\)/);
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2025-13-45')).toMatch(/month 13 does not exist/);
    expect(dateProblem('1850-06-21')).toMatch(/year 1850 is outside 1900–2100/);
    expect(dateProblem('21.06.2025')).toMatch(/not a date YYYY-MM-DD/);
  });

  it('checks the calendar inside date-times that Date.parse would roll over', () => {
    expect(Number.isNaN(Date.parse('2025-02-30T12:00:00Z'))).toBe(false); // why the check exists
    expect(dateTimeProblem('2025-02-30T12:00:00Z')).toMatch(/day 30 does not exist/);
    expect(dateTimeProblem('2025-06-21T24:30:00+02:00')).toMatch(/time 24:30:00 does not exist/);
    expect(dateTimeProblem('2025-06-21T12:00:00')).toMatch(/with a zone/);
    expect(dateTimeProblem('2025-06-21T12:00:00+02:00')).toBeNull();
    expect(dateTimeProblem('2025-06-21T12:00Z')).toBeNull();
  });

  it.each([
    ['sunhours', '2025-02-30', /--date "2025-02-30": day 30 does not exist/],
    ['sunhours', '2025-13-45', /--date "2025-13-45": month 13 does not exist/],
    ['sunpoints', '2025-02-30', /--date "2025-02-30": day 30/],
  ])('%s --date %s is a usage error', async (cmd, date, re) => {
    const extra = cmd === 'sunhours' ? ['--bbox', bbox, '--cell', '2'] : ['--points', good];
    const { error } = await call(cmd, '--buildings', good, '--date', date, ...extra, '--out', out);
    expect(error).toBeInstanceOf(AnalyzeUsageError);
    expect(error!.message).toMatch(re);
  });

  it('shadows --time 2025-02-30T12:00:00Z is a usage error', async () => {
    const { error } = await call('shadows', '--buildings', good, '--time', '2025-02-30T12:00:00Z', '--out', out);
    expect(error).toBeInstanceOf(AnalyzeUsageError);
    expect(error!.message).toMatch(/--time .*day 30 does not exist/);
  });
});

describe('ranges, steps, cells and the work size', () => {
  it.each([
    [['--bbox', '9.98,53.54,9.99,93.5'], /--bbox .*latitude 93.5 is outside −90–90°/],
    [['--bbox', '190,53.54,191,53.55'], /--bbox .*longitude 190 is outside/],
    [['--bbox', '9.99,53.55,9.98,53.54'], /--bbox .*is empty/],
    [['--bbox', '9.98,53.54,9.99'], /--bbox .*four numbers/],
    [['--bbox', bbox, '--step', '1e-9'], /--step "1e-9": 1e-9 min is outside 1–120 min/],
    [['--bbox', bbox, '--step', '0'], /--step "0"/],
    [['--bbox', bbox, '--step', 'ten'], /--step "ten": is not a number/],
    [['--bbox', bbox, '--cell', '0.001'], /--cell "0.001": 0.001 m is outside 0.1–1000 m/],
    [['--bbox', bbox, '--min-altitude', 'x'], /--min-altitude "x": is not a number/],
    [['--bbox', '-180,-85,180,85', '--cell', '1'], /--bbox with --cell 1 and --step 10: the bbox \(.* km × .* km\) at 1 m cells is .* cells, more than the ceiling of 20.0 million/],
  ])('sunhours %j is refused at once', async (args, re) => {
    const argv = ['sunhours', '--buildings', good, '--date', '2025-06-21', '--cell', '2', ...args, '--out', out];
    // later options win, so '--cell' in args overrides the default above
    const t0 = performance.now();
    const { error } = await call(...argv);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AnalyzeUsageError);
    expect(error!.message).toMatch(re);
  });

  it('estimates cells × steps against the ceiling (10 km × 10 km at 1 m is 100 million cells; 4 km at 1 m with 10 min steps is over the cell-step ceiling)', () => {
    const at = (km: number) => [10, 53.5, 10 + km / (111.32 * Math.cos((53.5 * Math.PI) / 180)), 53.5 + km / 111.32];
    expect(sunHoursWorkProblem(at(10), 1, 10)).toMatch(/99\.9 million cells, more than the ceiling of 20\.0 million/);
    expect(sunHoursWorkProblem(at(3), 1, 10)).toBeNull(); // 9 million cells × 144 steps
    expect(sunHoursWorkProblem(at(4), 1, 10)).toMatch(/16\.0 million cells × up to 144 steps is 2\.3 billion cell-steps, more than the ceiling of 2\.0 billion/);
    expect(sunHoursWorkProblem(at(1), 1, 1)).toBeNull(); // 1 million × 1440
  });
});

describe('input files', () => {
  it('an empty FeatureCollection names the file, for every command', async () => {
    const empty = file('empty.geojson', { type: 'FeatureCollection', features: [] });
    const cases: string[][] = [
      ['shadows', '--buildings', empty, '--time', '2025-06-21T12:00:00+02:00'],
      ['sunhours', '--buildings', empty, '--date', '2025-06-21', '--bbox', bbox, '--cell', '2'],
      ['sunpoints', '--buildings', good, '--points', empty, '--date', '2025-06-21'],
      ['overlaps', '--a', good, '--b', empty],
      ['compliance', '--buildings', good, '--plan', empty],
    ];
    for (const c of cases) {
      const { error } = await call(...c, '--out', out);
      expect(error?.message, c.join(' ')).toBe(`${empty}: is an empty FeatureCollection (no features to analyse)`);
    }
  });

  it('coordinates in EPSG:25832 metres are named as projected for every command, at once', async () => {
    const utm = file('utm.geojson', projected(buildings));
    const cases: string[][] = [
      ['shadows', '--buildings', utm, '--time', '2025-06-21T12:00:00+02:00'],
      ['sunhours', '--buildings', utm, '--date', '2025-06-21', '--bbox', bbox, '--cell', '2'],
      ['overlaps', '--a', good, '--b', utm],
      ['compliance', '--buildings', utm, '--plan', good],
    ];
    for (const c of cases) {
      const t0 = performance.now();
      const { error } = await call(...c, '--out', out);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(error?.message, c.join(' ')).toMatch(new RegExp(`^${utm.replace(/[.\\/]/g, '\\$&')}: feature 0 \\(id "[^"]+"\\), position \\[5\\d{5}\\.\\d+, 59\\d{5}\\.\\d+\\]: coordinates look projected \\(metres, e\\.g\\. EPSG:25832\\)`));
    }
  });

  it('non-finite and out-of-range coordinates, and files spanning more than 200 km, name the feature', async () => {
    const f0 = buildings.features[0];
    const withCoord = (c: unknown) => ({ ...buildings, features: [f0, { ...f0, properties: { ...f0.properties, id: 'bad' }, geometry: { type: 'Polygon', coordinates: [[[9.99, 53.55], c, [9.991, 53.551], [9.99, 53.55]]] } }] });
    const nonFinite = file('nonfinite.geojson', JSON.stringify(withCoord([9.99, 53.55])).replace('[9.99,53.55],[9.991', '[9.99,1e999],[9.991'));
    expect((await call('shadows', '--buildings', nonFinite, '--time', '2025-06-21T12:00:00Z', '--out', out)).error?.message).toMatch(/not JSON|not a finite number/);
    const range = file('range.geojson', withCoord([9.99, 95]));
    expect((await call('shadows', '--buildings', range, '--time', '2025-06-21T12:00:00Z', '--out', out)).error?.message).toBe(
      `${range}: feature 1 (id "bad"), position [9.99, 95]: longitude must be within −180–180° and latitude within −90–90°`,
    );
    const wide = file('wide.geojson', withCoord([9.99, 51.5]));
    expect((await call('shadows', '--buildings', wide, '--time', '2025-06-21T12:00:00Z', '--out', out)).error?.message).toMatch(/wide\.geojson: spans \d+ m × 228 km .*more than the 200 km an analysis covers/);
  });

  it('buildings without a usable height: all of them is an error, some of them a warning naming each', async () => {
    const flat = file('flat.geojson', { ...buildings, features: buildings.features.map((f) => ({ ...f, properties: { ...f.properties, heightM: 0, roofs: undefined } })) });
    const e = await call('shadows', '--buildings', flat, '--time', '2025-06-21T12:00:00+02:00', '--out', out);
    expect(e.error?.message).toMatch(new RegExp(`flat\\.geojson: none of the 16 buildings has a usable height .*feature 0 \\(id "[^"]+"\\) heightM 0 is not a height above 0 m.*; … 11 more$`));
    const some = structuredClone(buildings) as GeoJSON.FeatureCollection;
    for (const i of [2, 5]) {
      const p = some.features[i].properties!;
      delete p.heightM;
      delete p.roofs;
    }
    const someFile = file('some.geojson', some);
    const w = await call('shadows', '--buildings', someFile, '--time', '2025-06-21T12:00:00+02:00', '--out', out);
    expect(w.error).toBeNull();
    expect(w.warnings).toEqual([`${someFile}: 2 of 16 buildings have no usable height and are left out: feature 2 (id "${some.features[2].properties!.id}") has no heightM and no roofs; feature 5 (id "${some.features[5].properties!.id}") has no heightM and no roofs`]);
    // overlaps and compliance do not need heights
    expect((await call('overlaps', '--a', flat, '--b', good, '--out', out)).error).toBeNull();
  });

  it('a generated set of mutated inputs: each is refused with its file named, none reaches the analysis', async () => {
    // 40 mutations of the good file: each positions one problem in a different feature.
    const mutations: [string, (fc: GeoJSON.FeatureCollection, i: number) => unknown][] = [
      ['projected', (fc, i) => ({ ...fc, features: fc.features.map((f, k) => (k === i ? projected({ ...fc, features: [f] }).features[0] : f)) })],
      ['lat out of range', (fc, i) => (((fc.features[i].geometry as GeoJSON.Polygon).coordinates[0][0] = [9.99, 91.55]), fc)],
      ['not a FeatureCollection', (fc) => ({ ...fc, type: 'Feature' })],
      ['feature not a Feature', (fc, i) => ({ ...fc, features: fc.features.map((f, k) => (k === i ? { ...f, type: 'Polygon' } : f)) })],
    ];
    let refused = 0;
    for (const [name, mutate] of mutations)
      for (let i = 0; i < 10; i++) {
        const f = file(`m-${name.replace(/ /g, '-')}-${i}.geojson`, mutate(structuredClone(buildings) as GeoJSON.FeatureCollection, i + 3));
        const { error } = await call('shadows', '--buildings', f, '--time', '2025-06-21T12:00:00Z', '--out', out);
        expect(error?.message.startsWith(`${f}: `), `${name} ${i}: ${error?.message}`).toBe(true);
        refused++;
      }
    expect(refused).toBe(40);
  });
});

describe('the CLI process', () => {
  it('exits 2 on a bad option and 1 on a bad file, with the problem on stderr and no output file', async () => {
    const o = path.join(dir, 'never.geojson');
    const r1 = await analyze('sunhours', '--buildings', good, '--date', '2025-06-21', '--bbox', bbox, '--cell', '2', '--step', '1e-9', '--out', o);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/--step "1e-9": 1e-9 min is outside 1–120 min/);
    const utm = file('utm-cli.geojson', projected(buildings));
    const r2 = await analyze('shadows', '--buildings', utm, '--time', '2025-06-21T12:00:00+02:00', '--out', o);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/utm-cli\.geojson: feature 0 .*coordinates look projected/);
    expect(existsSync(o)).toBe(false);
  });

  it('a good call still runs, and the warned-about buildings are the ones the analysis skips', async () => {
    const some = structuredClone(buildings) as GeoJSON.FeatureCollection;
    delete some.features[1].properties!.heightM;
    delete some.features[1].properties!.roofs;
    const f = file('some-cmd.geojson', some);
    const o = path.join(dir, 'sun.csv');
    const summary = await runAnalyzeCommand(parseAnalyzeArgs(['sunhours', '--buildings', f, '--date', '2025-06-21', '--bbox', bbox, '--cell', '4', '--out', o]));
    expect(summary).toMatch(/15 buildings \(1 skipped\)/);
    expect(readFileSync(o, 'utf8').split('\n').length).toBeGreaterThan(10);
  });
});
