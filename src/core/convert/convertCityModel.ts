import { readCityGml } from '../citygml/readCityGml';
import { readCityJson } from '../cityjson/readCityJson';
import { ReportBuilder, type ConversionReport } from '../model/ConversionReport';
import { CityModelCollector } from '../tiles/CityModelCollector';
import { buildTileset } from '../tiles/buildTileset';
import type { BuildingCollection } from '../model/Building';

/** One input of {@link convertCityModel}: CityGML as string chunks, CityJSON as text. */
export type CityModelInput =
  | { kind: 'citygml'; file: string; chunks: AsyncIterable<string> | Iterable<string> }
  | { kind: 'cityjson'; file: string; text: string };

/** Everything a conversion produces, in memory. */
export interface CityModelResult {
  report: ConversionReport;
  /** tileset.json content; undefined when no building was converted. */
  tileset?: Record<string, unknown>;
  /** glb files by uri relative to tileset.json (`tiles/…glb`). */
  tiles: Map<string, Uint8Array>;
  footprints: BuildingCollection;
}

/**
 * The whole city model conversion without a file system: for a browser
 * worker converting dropped files (up to tens of MB). Same readers, checks
 * and tiles as `npm run convert -- citygml|cityjson`.
 *
 * @example
 * const r = await convertCityModel([{ kind: 'citygml', file: f.name, chunks: [await f.text()] }]);
 * r.tiles.get('tiles/t0.glb');
 */
export async function convertCityModel(inputs: CityModelInput[], options: { crs?: string; lod?: string; maxBuildingsPerTile?: number } = {}): Promise<CityModelResult> {
  const t0 = Date.now();
  const report = new ReportBuilder();
  const collector = new CityModelCollector(report, { crs: options.crs });
  const kinds = new Set<string>();
  for (const input of inputs) {
    kinds.add(input.kind);
    if (input.kind === 'citygml') await readCityGml(input.chunks, { file: input.file, report, onBuilding: (b) => collector.add(b) });
    else readCityJson(input.text, { file: input.file, report, crs: options.crs, lod: options.lod, onBuilding: (b) => collector.add(b) });
  }
  const tiles = new Map<string, Uint8Array>();
  const tileset = collector.count
    ? await buildTileset(collector.store, { maxBuildingsPerTile: options.maxBuildingsPerTile, writeTile: (uri, bytes) => void tiles.set(uri, bytes) })
    : undefined;
  const outputs = tileset ? ['tileset.json', ...tiles.keys(), 'buildings.geojson'] : [];
  return {
    report: report.build({ kind: [...kinds].join('+'), inputs: inputs.map((i) => i.file), crs: collector.crsUsed, outputs, bbox: collector.bbox, durationMs: Date.now() - t0 }),
    tileset,
    tiles,
    footprints: { type: 'FeatureCollection', features: collector.footprints },
  };
}
