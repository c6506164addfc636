import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ReportBuilder, type ConversionReport } from '../model/ConversionReport';
import type { CatalogLayer } from '../model/Catalog';
import { readXPlanFile } from '../xplanung/readXPlanFile';
import { xplanCatalogLayer } from '../xplanung/xplanCatalogLayers';
import { detectFileKind, type DroppedFileKind } from '../vector/detectFileKind';
import { decodeText, isZip } from '../vector/decodeText';
import { unzipEntries } from '../vector/unzipEntries';
import { CityModelCollector } from '../tiles/CityModelCollector';
import { readCityGml } from '../citygml/readCityGml';
import { readCityJson } from '../cityjson/readCityJson';
import { featureBbox, unionBbox } from '../vector/featureBbox';
import { readVectorFile } from '../vector/readVectorFile';
import { layerSlug, vectorCatalogLayer } from '../vector/vectorCatalogLayer';
import { problemOf } from '../model/ConversionError';

/** One layer made from a dropped file: a catalog entry (url is the layer id + .geojson, for reference) and its data. */
export interface DroppedLayer {
  layer: CatalogLayer;
  data: FeatureCollection;
}

export interface DroppedFileResult {
  kind: DroppedFileKind;
  layers: DroppedLayer[];
  report: ConversionReport;
}

export type ConvertProgress = (stage: 'detect' | 'read' | 'layers' | 'done', done: number, total: number) => void;

export interface DroppedFileOptions {
  /** `--crs` equivalent for files that name none. */
  crs?: string;
  onProgress?: ConvertProgress;
}

/**
 * Converts a file dropped on the app (any of .gml/.xml/.json/.geojson/.zip)
 * with the same readers as the CLI. The kind is detected from the content.
 * CityGML and CityJSON buildings (the city-model readers) come back as a
 * footprint layer with heights (`heightM`, `groundHeightM`, …); 3D tiles are
 * made by `npm run convert -- citygml|cityjson`.
 *
 * @example const { layers, report } = await convertDroppedFile(bytes, 'HafenCity7.gml')
 */
export async function convertDroppedFile(bytes: Uint8Array, fileName: string, opts: DroppedFileOptions = {}): Promise<DroppedFileResult> {
  const t0 = Date.now();
  const report = new ReportBuilder();
  const progress = opts.onProgress ?? (() => undefined);
  progress('detect', 0, 3);
  let kind: DroppedFileKind;
  try {
    kind = detectFileKind(bytes, fileName);
  } catch (e) {
    report.skip({ file: fileName, message: problemOf(e) });
    kind = 'unknown';
  }
  const layers: DroppedLayer[] = [];
  let crs: ConversionReport['crs'];
  const stem = layerSlug(fileName.replace(/\.[^.]+$/, ''));
  progress('read', 1, 3);
  try {
    if (kind === 'xplanung') {
      const r = readXPlanFile(bytes, { file: fileName, report, crs: opts.crs });
      if (r.crs) crs = { code: r.crs, from: r.crsFrom ?? 'file' };
      const byFile = new Map<string, Feature<Geometry>[]>();
      for (const f of r.features) {
        const out = String(f.properties.outputFile);
        delete f.properties.outputFile;
        if (!byFile.has(out)) byFile.set(out, []);
        byFile.get(out)!.push(f);
      }
      const name = r.plans.map((p) => p.name).filter(Boolean).join(', ') || undefined;
      for (const [file, features] of byFile) {
        const layer = xplanCatalogLayer(file, features, { idPrefix: `drop-${stem}`, name });
        if (layer) layers.push({ layer, data: { type: 'FeatureCollection', features } });
      }
    } else if (kind === 'geojson' || kind === 'wfs-gml' || kind === 'shapefile') {
      const read = readVectorFile(bytes, { file: fileName, crs: opts.crs }, report);
      for (const l of read) {
        if (l.features.length === 0) continue;
        if (l.crs && !crs) crs = { code: l.crs, from: l.crsFrom ?? 'file' };
        const id = `drop-${read.length > 1 ? layerSlug(`${stem}-${l.name}`) : stem}`;
        layers.push({ layer: vectorCatalogLayer(l, { id, sourceFile: fileName, multi: read.length > 1, title: fileName.replace(/\.[^.]+$/, '') }), data: { type: 'FeatureCollection', features: l.features } });
      }
    } else if (kind === 'citygml' || kind === 'cityjson') {
      const collector = new CityModelCollector(report, { crs: opts.crs });
      let text: string;
      let file = fileName;
      if (isZip(bytes)) {
        const entries = unzipEntries(bytes, fileName);
        const entry = Object.keys(entries).find((n) => /\.(gml|xml|json)$/i.test(n))!;
        text = decodeText(entries[entry]);
        file = `${fileName}!${entry}`;
      } else text = decodeText(bytes);
      if (kind === 'citygml') await readCityGml([text], { file, report, onBuilding: (b) => collector.add(b) });
      else readCityJson(text, { file, report, crs: opts.crs, onBuilding: (b) => collector.add(b) });
      crs = collector.crsUsed;
      if (collector.footprints.length > 0) {
        const title = fileName.replace(/\.[^.]+$/, '');
        layers.push({
          layer: {
            id: `drop-${stem}-buildings`,
            title: { de: `${title}: Gebäudegrundrisse`, en: `${title}: building footprints` },
            group: { de: 'Stadtmodell', en: 'City model' },
            type: 'geojson-polygons',
            url: `drop-${stem}-buildings.geojson`,
            defaultVisible: true,
            style: { kind: 'fill', color: '#d9cbb3', outline: '#7a6a55' },
            attribution: fileName,
            role: 'buildingFootprints',
          },
          data: { type: 'FeatureCollection', features: collector.footprints },
        });
      }
    } else if (report.issues.length === 0) {
      // (When detection itself failed, e.g. a refused archive, its reason is already reported.)
      report.skip({ file: fileName, message: { code: 'convert.dropped.unknownFile' } });
    }
  } catch (e) {
    report.skip({ file: fileName, message: problemOf(e) });
  }
  progress('layers', 2, 3);
  let bbox: [number, number, number, number] | undefined;
  for (const l of layers) bbox = unionBbox(bbox, featureBbox(l.data.features));
  const result: DroppedFileResult = {
    kind,
    layers,
    report: report.build({ kind, inputs: [fileName], crs, outputs: layers.map((l) => l.layer.url), bbox, durationMs: Date.now() - t0 }),
  };
  progress('done', 3, 3);
  return result;
}
