import { readInputBytes } from './readInputBytes';
// `npm run convert -- xplanung <plan.gml|XPlanArchiv.zip …> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--attribution <text>] [--id <prefix>] [--strict]`
// XPlanGML 4.1/5.x/6.0 → one GeoJSON per theme (RFC 7946, WGS84) + texte.json + report.json + catalog layers.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Feature } from 'geojson';
import type { ConvertOptions } from './options';
import { ReportBuilder, type ConversionReport } from '../../src/core/model/ConversionReport';
import { readXPlanFile } from '../../src/core/xplanung/readXPlanFile';
import type { XPlanPlanInfo, XPlanText } from '../../src/core/xplanung/readXPlanGml';
import { xplanCatalogLayer } from '../../src/core/xplanung/xplanCatalogLayers';
import { featureBbox, originForBbox } from '../../src/core/vector/featureBbox';
import { wgs84ToUtm32 } from '../../src/core/crs';
import { writeOutputAtomically } from './writeOutputAtomically';
import { updateCatalog } from './updateCatalog';
import { writeReports } from './writeReports';
import { problemOf } from '../../src/core/model/ConversionError';

/** Converts XPlanGML files (or XPlanArchiv zips) into planning GeoJSON layers. */
export async function convert(options: ConvertOptions): Promise<ConversionReport> {
  const t0 = performance.now();
  const report = new ReportBuilder();
  const byFile = new Map<string, Feature[]>();
  const plans: (XPlanPlanInfo & { file: string; version?: string })[] = [];
  const texts: XPlanText[] = [];
  let crs: string | undefined;
  let crsFrom: 'file' | 'option' | 'default' = 'file';
  const chord = options.extra['chord-error'] !== undefined ? Number(options.extra['chord-error']) : undefined;
  if (chord !== undefined && !(chord > 0)) throw new Error(`--chord-error ${options.extra['chord-error']}: give a positive number of metres`);
  for (const input of options.inputs) {
    const file = path.basename(input);
    const bytes = await readInputBytes(input, report);
    if (!bytes) continue;
    let result;
    try {
      result = readXPlanFile(bytes, { file, report, crs: options.crs, maxChordError: chord });
    } catch (e) {
      report.skip({ file, message: problemOf(e) });
      continue;
    }
    if (crs && result.crs && result.crs !== crs) report.warn({ file, message: { code: 'convert.cli.otherCrs', params: { crs: result.crs, first: crs } } });
    crs ??= result.crs;
    if (result.crsFrom === 'option') crsFrom = 'option';
    plans.push(...result.plans.map((p) => ({ ...p, file, version: result.version })));
    texts.push(...result.texts);
    for (const f of result.features) {
      const out = String(f.properties.outputFile);
      delete f.properties.outputFile;
      if (!byFile.has(out)) byFile.set(out, []);
      byFile.get(out)!.push(f);
    }
  }
  const all = [...byFile.values()].flat();
  const bbox = featureBbox(all);
  const outputs = [...byFile.keys()].sort();
  if (all.length > 0) outputs.push('texte.json');
  outputs.push('report.json', 'report-xplanung.json');
  const build = () =>
    report.build({ kind: 'xplanung', inputs: options.inputs.map((i) => path.basename(i)), crs: crs ? { code: crs, from: crsFrom } : undefined, outputs, bbox, durationMs: Math.round(performance.now() - t0) });

  if (all.length === 0) {
    // Nothing converted: leave any existing output alone, but say why.
    await mkdir(options.out, { recursive: true });
    const r = build();
    await writeFile(path.join(options.out, 'report-xplanung-failed.json'), JSON.stringify(r, null, 2));
    return r;
  }
  const idPrefix = options.extra.id ?? 'xplanung';
  const attribution = options.extra.attribution;
  await writeOutputAtomically(options.out, async (dir) => {
    const layers = [];
    for (const [name, features] of [...byFile.entries()].sort()) {
      await writeFile(path.join(dir, name), JSON.stringify({ type: 'FeatureCollection', features }));
      const layer = xplanCatalogLayer(name, features, { idPrefix, name: options.name, attribution });
      if (layer) layers.push(layer);
    }
    await writeFile(path.join(dir, 'texte.json'), JSON.stringify({ plans, texts }, null, 1));
    const title = options.name ?? (plans.map((p) => p.name).filter(Boolean).join(', ') || 'Bebauungsplan');
    await updateCatalog(dir, layers, { id: path.basename(path.resolve(options.out)), title: { de: title, en: title }, bbox, crs: 'EPSG:25832', origin: originForBbox(bbox, wgs84ToUtm32) });
    const r = build();
    r.durationMs = Math.round(performance.now() - t0);
    await writeReports(dir, 'xplanung', r);
  });
  return { ...build(), durationMs: Math.round(performance.now() - t0) };
}
