import { readInputBytes } from './readInputBytes';
// `npm run convert -- vector <file.geojson|file.json|wfs.xml|shapes.zip …> --out <dir> [--role plan|parcels|playgrounds|trees|green|protection|base|…] [--title <title>] [--id <layer id>] [--attribution <text>] [--crs EPSG:nnnn] [--strict]`
// GeoJSON, WFS GML 3.x, zipped shapefiles → one RFC 7946 GeoJSON per layer + catalog layer + report.json.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConvertOptions } from './options';
import { ReportBuilder, type ConversionReport } from '../../src/core/model/ConversionReport';
import type { CatalogLayer } from '../../src/core/model/Catalog';
import { readVectorFile } from '../../src/core/vector/readVectorFile';
import type { VectorLayer } from '../../src/core/model/VectorLayer';
import { ROLE_COLORS } from '../../src/core/vector/guessLayerRole';
import { layerSlug, vectorCatalogLayer } from '../../src/core/vector/vectorCatalogLayer';
import { featureBbox, unionBbox, originForBbox } from '../../src/core/vector/featureBbox';
import { wgs84ToUtm32 } from '../../src/core/crs';
import { writeOutputAtomically } from './writeOutputAtomically';
import { updateCatalog } from './updateCatalog';
import { writeReports } from './writeReports';
import { problemOf } from '../../src/core/model/ConversionError';

const ROLES = new Set(Object.keys(ROLE_COLORS));

/** Converts GeoJSON / WFS GML / zipped shapefiles into catalog GeoJSON layers. */
export async function convert(options: ConvertOptions): Promise<ConversionReport> {
  const t0 = performance.now();
  const report = new ReportBuilder();
  if (options.extra.role && !ROLES.has(options.extra.role)) throw new Error(`--role ${options.extra.role}: use one of ${[...ROLES].join(', ')}`);
  const layers: { layer: VectorLayer; id: string; multi: boolean; file: string }[] = [];
  const crsUsed: { code: string; from: 'file' | 'option' | 'default' }[] = [];
  for (const input of options.inputs) {
    const file = path.basename(input);
    const bytes = await readInputBytes(input, report);
    if (!bytes) continue;
    let read: VectorLayer[];
    try {
      read = readVectorFile(bytes, { file, crs: options.crs }, report);
    } catch (e) {
      report.skip({ file, message: problemOf(e) });
      continue;
    }
    for (const layer of read) {
      if (layer.features.length === 0) continue;
      if (layer.crs) crsUsed.push({ code: layer.crs, from: layer.crsFrom ?? 'file' });
      const stem = file.replace(/\.(geo)?json$|\.xml$|\.gml$|\.zip$/i, '');
      const base = options.extra.id && options.inputs.length === 1 && read.length === 1 ? options.extra.id : layerSlug(read.length > 1 ? `${stem}-${layer.name}` : stem);
      layers.push({ layer, id: base, multi: options.inputs.length > 1 || read.length > 1, file });
    }
  }
  let bbox: [number, number, number, number] | undefined;
  for (const l of layers) bbox = unionBbox(bbox, featureBbox(l.layer.features));
  const outputs = [...layers.map((l) => `${l.id}.geojson`), 'report.json', 'report-vector.json'];
  const build = () => report.build({ kind: 'vector', inputs: options.inputs.map((i) => path.basename(i)), crs: crsUsed[0], outputs, bbox, durationMs: Math.round(performance.now() - t0) });
  if (layers.length === 0) {
    await mkdir(options.out, { recursive: true });
    const r = build();
    await writeFile(path.join(options.out, 'report-vector-failed.json'), JSON.stringify(r, null, 2));
    return r;
  }
  await writeOutputAtomically(options.out, async (dir) => {
    const entries: CatalogLayer[] = [];
    for (const { layer, id, multi, file } of layers) {
      await writeFile(path.join(dir, `${id}.geojson`), JSON.stringify({ type: 'FeatureCollection', features: layer.features }));
      entries.push(vectorCatalogLayer(layer, { id, multi, sourceFile: file, role: options.extra.role as CatalogLayer['role'], title: options.extra.title ?? options.name, attribution: options.extra.attribution }));
    }
    const title = options.name ?? path.basename(path.resolve(options.out));
    await updateCatalog(dir, entries, { id: path.basename(path.resolve(options.out)), title: { de: title, en: title }, bbox, crs: 'EPSG:25832', origin: originForBbox(bbox, wgs84ToUtm32) });
    await writeReports(dir, 'vector', build());
  });
  return build();
}
