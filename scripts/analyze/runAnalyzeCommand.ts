import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYSES } from '../../src/core/analysis/analysisKinds';
import { quietContext, type AnalysisTable } from '../../src/core/analysis/AnalysisDescriptor';
import { csvTable, type TableInputs } from '../../src/core/analysis/csvTable';
import { analysisTableInputs, type AnalysisTableInputsOf } from '../../src/core/analysis/analysisTableInputs';
import { readSunPoints, sunPointsToGeoJson } from './sunPointsFile';
import type { BuildingCollection } from '../../src/core/model/Building';
import { need, num, type AnalyzeArgs } from './analyzeArgs';
import { AnalyzeUsageError, CliError } from './cliError';
import { validateAnalyzeArgs } from './validateAnalyzeArgs';
import { readJsonFile } from './readJsonFile';
import { featureCollectionProblem } from '../../src/core/analysis/validateInputs';
import { cliText, parseLang, type CliText } from './cliText';

/** Reads a GeoJSON FeatureCollection, naming the file in every error. */
export async function readCollection<T extends GeoJSON.FeatureCollection = GeoJSON.FeatureCollection>(file: string): Promise<T> {
  const json = await readJsonFile(file);
  const fc = json as GeoJSON.FeatureCollection;
  const problem = featureCollectionProblem(json, { allowEmpty: true });
  if (problem) throw new CliError({ code: 'cli.error.fileProblem', params: { file, problem } });
  return fc as T;
}

/** One table of a descriptor as CSV (the one table writer), column names in the CLI's language, starting with the inputs it was computed from. */
const tableTextIn = (x: CliText) => (t: AnalysisTable | undefined, inputs: TableInputs): string => {
  if (!t) throw new Error('analysis gave no table');
  return csvTable(x.header(t.header), t.rows, { decimals: t.decimals, bom: t.bom, eol: t.eol, inputs });
};

/** The `# key: value` inputs of a CLI table: the same format as the panel's downloads; the dataset is the input files. */
function cliInputs(a: AnalyzeArgs, analysis: string, files: string[], more: Omit<AnalysisTableInputsOf, 'analysis' | 'dataset'> = {}): TableInputs {
  return analysisTableInputs({ analysis, dataset: files.filter(Boolean).map((f) => path.basename(f)).join(' '), ...more });
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text);
}

function parseBbox(a: AnalyzeArgs): [number, number, number, number] {
  const raw = need(a, 'bbox');
  const v = raw.split(',').map(Number);
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x))) throw new AnalyzeUsageError({ code: 'cli.error.bboxFormat', params: { command: a.command, raw } });
  return v as [number, number, number, number];
}

/**
 * Runs one `npm run analyze` command and writes its output file.
 * Returns a one-line summary for the console.
 */
export async function runAnalyzeCommand(a: AnalyzeArgs): Promise<string> {
  const x = cliText(parseLang(a));
  const tableText = tableTextIn(x);
  await validateAnalyzeArgs(a);
  const out = need(a, 'out');
  const t0 = performance.now();
  const secs = () => x.num((performance.now() - t0) / 1000, 2);
  switch (a.command) {
    case 'sunhours': {
      const date = need(a, 'date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AnalyzeUsageError({ code: 'cli.error.dateFormat', params: { command: 'sunhours', date } });
      const buildings = await readCollection<BuildingCollection>(need(a, 'buildings'));
      const bbox = parseBbox(a);
      const zones = a.opts.zones ? await readCollection(a.opts.zones) : undefined;
      const d = ANALYSES.sunHours;
      const minAltitudeDeg = a.opts['min-altitude'] !== undefined ? Number(a.opts['min-altitude']) : undefined;
      const thresholdHours = a.opts.threshold !== undefined ? num(a, 'threshold') : undefined;
      const cellM = num(a, 'cell'), stepMin = num(a, 'step', 10);
      const req = d.buildRequest(
        { buildings, ...(zones ? { zones } : {}) },
        {
          date, bbox, cellM, stepMin,
          ...(minAltitudeDeg !== undefined ? { minAltitudeDeg } : {}),
          ...(a.opts['zone-group'] ? { zoneGroupBy: a.opts['zone-group'] } : {}),
          ...(thresholdHours !== undefined ? { thresholdHours } : {}),
        },
      );
      const r = await d.run(req, quietContext());
      const tables = d.tables(r);
      const inputs = cliInputs(a, 'sunHours', [need(a, 'buildings'), a.opts.zones ?? ''], { date, stepMin, cellM, thresholdHours });
      if (out.endsWith('.json') && !out.endsWith('.geojson')) await writeOut(out, JSON.stringify({ ...r, sunHours: undefined, building: undefined }, null, 1));
      else await writeOut(out, tableText(tables[0], inputs));
      if (zones && r.zones) await writeOut(out.replace(/(\.[a-z]+)?$/i, '.zones.csv'), tableText(tables.find((t) => t.name === 'zones'), inputs));
      return x.t('cli.analyze.sunhours', { nx: String(r.grid.nx), ny: String(r.grid.ny), cellM: x.num(r.grid.cellM, r.grid.cellM % 1 === 0 ? 0 : String(r.grid.cellM).split('.')[1].length), steps: String(r.stepCount), stepMin: x.num(r.stepHours * 60, 1), buildings: String(buildings.features.length - r.skipped), skipped: String(r.skipped), secs: secs(), out });
    }
    case 'shadows': {
      const time = need(a, 'time');
      if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(time) || Number.isNaN(Date.parse(time)))
        throw new AnalyzeUsageError({ code: 'cli.error.timeFormat', params: { command: 'shadows', time } });
      const buildings = await readCollection<BuildingCollection>(need(a, 'buildings'));
      const d = ANALYSES.shadows;
      const r = await d.run(d.buildRequest({ buildings }, { timeMs: Date.parse(time), perBuilding: a.opts['per-building'] !== 'false' }), quietContext());
      await writeOut(out, JSON.stringify(r.geojson));
      return r.status === 'ok'
        ? x.t('cli.analyze.shadows', { altitude: x.num(r.altitudeDeg, 2), azimuth: x.num(r.azimuthDeg, 2), area: x.num(r.unionAreaM2, 1), secs: secs(), out })
        : x.t('cli.analyze.shadowsBelowHorizon', { altitude: x.num(r.altitudeDeg, 2), out });
    }
    case 'overlaps': {
      const A = await readCollection(need(a, 'a'));
      const B = await readCollection(need(a, 'b'));
      const geo = out.endsWith('.geojson') || out.endsWith('.json');
      const d = ANALYSES.overlaps;
      const groups = { ...(a.opts['group-a'] ? { groupA: a.opts['group-a'] } : {}), ...(a.opts['group-b'] ? { groupB: a.opts['group-b'] } : {}) };
      const r = await d.run(d.buildRequest({ layers: { a: A, b: B } }, { a: 'a', b: 'b', ...groups, guessGroups: false, withGeometry: geo }), quietContext());
      if (geo) await writeOut(out, JSON.stringify(r.geojson));
      else {
        const [pairs, groupTable] = d.tables(r);
        const inputs = cliInputs(a, 'overlaps', [need(a, 'a'), need(a, 'b')]);
        await writeOut(out, tableText(pairs, inputs));
        await writeOut(out.replace(/(\.csv)?$/i, '.groups.csv'), tableText(groupTable, inputs));
      }
      return x.t('cli.analyze.overlaps', { pairs: String(r.pairs.length), groups: String(r.groups.length), area: x.num(r.totalAreaM2, 1), secs: secs(), out });
    }
    case 'compliance': {
      const d = ANALYSES.compliance;
      const req = d.buildRequest(
        {
          buildings: await readCollection<BuildingCollection>(need(a, 'buildings')),
          plan: await readCollection(need(a, 'plan')),
          ...(a.opts.baugrenzen ? { buildingLines: await readCollection(a.opts.baugrenzen) } : {}),
          ...(a.opts.parcels ? { parcels: await readCollection(a.opts.parcels) } : {}),
        },
        { ...(a.opts['storey-height'] ? { storeyHeightM: num(a, 'storey-height') } : {}), ...(a.opts.tolerance ? { baugrenzeToleranceM: num(a, 'tolerance') } : {}) },
      );
      const r = await d.run(req, quietContext());
      const inputs = cliInputs(a, 'compliance', [need(a, 'buildings'), need(a, 'plan'), a.opts.baugrenzen ?? '', a.opts.parcels ?? '']);
      await writeOut(out, out.endsWith('.json') ? JSON.stringify(r, null, 1) : tableText(d.tables(r)[0], inputs));
      const exceeded = r.reduce((n, x) => n + x.rules.filter((y) => y.status === 'exceeded').length, 0);
      return x.t('cli.analyze.compliance', { areas: String(r.length), exceeded: String(exceeded), secs: secs(), out });
    }
    case 'sunpoints': {
      const date = need(a, 'date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AnalyzeUsageError({ code: 'cli.error.dateFormat', params: { command: 'sunpoints', date } });
      const buildings = await readCollection<BuildingCollection>(need(a, 'buildings'));
      const pointsFile = need(a, 'points');
      const points = readSunPoints(await readCollection(pointsFile), pointsFile);
      const d = ANALYSES.sunPoints;
      const minAltitudeDeg = a.opts['min-altitude'] !== undefined ? Number(a.opts['min-altitude']) : undefined;
      const stepMin = num(a, 'step', 10), thresholdHours = num(a, 'threshold', 1.5);
      const req = d.buildRequest({ buildings }, { points, date, stepMin, thresholdHours, ...(minAltitudeDeg !== undefined ? { minAltitudeDeg } : {}) });
      const r = await d.run(req, quietContext());
      const inputs = cliInputs(a, 'sunPoints', [need(a, 'buildings'), pointsFile], { date, stepMin, thresholdHours });
      await writeOut(out, out.endsWith('.geojson') || out.endsWith('.json') ? JSON.stringify(sunPointsToGeoJson(r)) : tableText(d.tables(r)[0], inputs));
      const pass = r.points.filter((p) => p.meetsThreshold).length;
      return x.t('cli.analyze.sunpoints', { points: String(r.points.length), pass: String(pass), threshold: x.num(r.thresholdHours, r.thresholdHours % 1 === 0 ? 0 : String(r.thresholdHours).split('.')[1].length), date, steps: String(r.stepCount), stepMin: x.num(r.stepHours * 60, 1), secs: secs(), out });
    }
    default:
      throw new AnalyzeUsageError({ code: 'cli.error.unknownCommand', params: { command: a.command } });
  }
}
