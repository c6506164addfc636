import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversionReport } from '../../src/core/model/ConversionReport';
import type { Catalog } from '../../src/core/model/Catalog';
import type { ConvertOptions } from '../convert/options';
import { writeOutputAtomically } from '../convert/writeOutputAtomically';
import { convert as convertCityGml } from '../convert/citygml';
import { convert as convertXPlanung } from '../convert/xplanung';
import { convert as convertVector } from '../convert/vector';
import type { DemoDistrict } from './DemoDistrict';
import { generateDistrict, DEFAULT_DEMO_SEED } from './generateDistrict';
import { writeDemoSources } from './writeDemoSources';
import { DEMO_ATTRIBUTION, finishDemoCatalog } from './demoCatalog';
import { demoKioskConfig } from './demoKiosk';
import { demoKioskScenario } from './demoKioskScenario';
import { parseScenarioObject, serializeScenario } from '../../src/core/scenario/parseScenarioFile';
import { parseKioskConfig } from '../../src/core/kiosk/parseKioskConfig';

export interface DemoBuildResult {
  district: DemoDistrict;
  sources: string[];
  reports: Record<string, ConversionReport>;
  catalog: Catalog;
  durationMs: number;
}

/**
 * `npm run demo-data` in one call: generates the district, writes its source
 * files to `srcDir`, converts them with the project's own converters into a
 * fresh folder and swaps that folder into `outDir` (so a failed run leaves
 * the old demo in place and a repeated run gives the same result). Each
 * converter's report is kept as `report-<step>.json`. Throws when a
 * converter skips anything: the demo data must convert cleanly. Writes the
 * demo's `kiosk.json` too ({@link demoKioskConfig}), checked by `parseKioskConfig`.
 *
 * @example await buildDemoDataset({ srcDir: 'data/demo-src', outDir: 'data/demo' });
 */
export async function buildDemoDataset(o: { srcDir: string; outDir: string; seed?: number }): Promise<DemoBuildResult> {
  const t0 = performance.now();
  const district = generateDistrict(o.seed ?? DEFAULT_DEMO_SEED);
  const sources = await writeDemoSources(district, o.srcDir);
  const src = (name: string) => path.join(o.srcDir, name);
  const reports: Record<string, ConversionReport> = {};
  const catalog = await writeOutputAtomically(o.outDir, async (dir) => {
    // Start empty: the atomic writer carries the old output over, the demo replaces it whole.
    for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
    const opts = (kind: string, inputs: string[], extra: Record<string, string> = {}): ConvertOptions => ({
      kind, inputs, out: dir, strict: true, name: 'Planlotse-Demoquartier (generiert)', extra: { attribution: DEMO_ATTRIBUTION, ...extra },
    });
    const steps: [string, () => Promise<ConversionReport>][] = [
      ['citygml', () => convertCityGml(opts('citygml', [src('buildings.gml')]))],
      ['xplanung', () => convertXPlanung({ ...opts('xplanung', [src('bplan.gml')], { id: 'bplan' }), name: 'B-Plan Demo 1' })],
      ['parcels', () => convertVector(opts('vector', [src('parcels.geojson')], { role: 'parcels', id: 'parcels' }))],
      ['trees', () => convertVector(opts('vector', [src('trees.geojson')], { role: 'trees', id: 'trees' }))],
      ['playgrounds', () => convertVector(opts('vector', [src('playgrounds.geojson')], { role: 'playgrounds', id: 'playgrounds' }))],
      ['flood', () => convertVector(opts('vector', [src('flood.geojson')], { role: 'flood', id: 'flood' }))],
      // The offline base map (streets with names, blocks, water), drawn under the plan.
      ['basemap', () => convertVector(opts('vector', [src('basemap.geojson')], { role: 'base', id: 'basemap' }))],
    ];
    for (const [step, run] of steps) {
      const report = await run();
      reports[step] = report;
      const skipped = report.issues.filter((i) => i.severity === 'error');
      if (skipped.length > 0 || Object.values(report.counts).reduce((a, b) => a + b, 0) === 0) {
        throw new Error(`demo data: converter step "${step}" did not convert cleanly: ${skipped.map((i) => `${i.file} ${i.featureId ?? ''} ${i.reason}`).join('; ') || 'nothing converted'}`);
      }
      await rename(path.join(dir, 'report.json'), path.join(dir, `report-${step}.json`));
    }
    const file = path.join(dir, 'catalog.json');
    const finished = finishDemoCatalog(JSON.parse(await readFile(file, 'utf8')) as Catalog, district);
    await writeFile(file, JSON.stringify(finished, null, 2) + '\n');
    // The scenario whose variants the kiosk shows as Entwurf A / B, next to kiosk.json.
    const scenario = parseScenarioObject(demoKioskScenario(district), 'kiosk-scenario.json');
    if (!scenario.ok) throw new Error(`demo data: kiosk-scenario.json is invalid: ${scenario.errors.join('; ')}`);
    await writeFile(path.join(dir, 'kiosk-scenario.json'), serializeScenario(scenario.scenario));
    const variantIds = scenario.scenario.variants.map((v) => v.id);
    const kiosk = parseKioskConfig(await demoKioskConfig(district, finished), { layerIds: finished.layers.map((l) => l.id), variantIds });
    if ('errors' in kiosk) throw new Error(`demo data: kiosk.json is invalid: ${kiosk.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    await writeFile(path.join(dir, 'kiosk.json'), JSON.stringify(kiosk.config, null, 2) + '\n');
    return finished;
  });
  return { district, sources, reports, catalog, durationMs: Math.round(performance.now() - t0) };
}
