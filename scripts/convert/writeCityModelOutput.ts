import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConvertOptions } from './options';
import { writeOutputAtomically } from './writeOutputAtomically';
import { updateCatalog } from './updateCatalog';
import { ReportBuilder, type ConversionReport } from '../../src/core/model/ConversionReport';
import { CityModelCollector } from '../../src/core/tiles/CityModelCollector';
import { buildTileset } from '../../src/core/tiles/buildTileset';
import { FileTileStore } from './FileTileStore';
import type { CatalogLayer } from '../../src/core/model/Catalog';
import type { BuildingFeature } from '../../src/core/model/Building';
import { writeReports } from './writeReports';

class NothingConverted extends Error {}

/**
 * Shared output half of the `citygml` and `cityjson` converters: runs
 * `read(collector)` inside a temporary folder, streams footprints to
 * buildings.geojson, writes the 3D Tiles, report.json and the catalog
 * layers, and swaps the folder into place only when at least one building
 * was converted (otherwise writes `report-<kind>-failed.json` and leaves
 * the existing output alone).
 */
export async function writeCityModelOutput(
  options: ConvertOptions,
  read: (collector: CityModelCollector, report: ReportBuilder) => Promise<{ version?: string }>,
): Promise<ConversionReport> {
  const t0 = performance.now();
  const report = new ReportBuilder();
  const kind = options.kind;
  const inputs = options.inputs.map((i) => path.basename(i));
  const outputs = ['tileset.json', 'tiles/', 'buildings.geojson', 'catalog.json', 'report.json', `report-${kind}.json`];
  let collector: CityModelCollector | undefined;
  const build = (c?: CityModelCollector) => report.build({ kind, inputs, crs: c?.crsUsed, outputs: c?.count ? outputs : [], bbox: c?.bbox, durationMs: Math.round(performance.now() - t0) });
  // Meshes wait in a spool file, not in memory: memory stays bounded by one building.
  const store = new FileTileStore();
  try {
    return await writeOutputAtomically(options.out, async (dir) => {
      // Written synchronously: the CityGML reader never yields to the event loop, so an
      // async stream would hold the whole file in its buffer until the end.
      const geojson = openSync(path.join(dir, 'buildings.geojson'), 'w');
      let first = true;
      // Features are small: batch them into ~64 KB writes (one write per feature costs more than the JSON).
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = () => {
        if (pending.length) writeSync(geojson, pending.join(''));
        pending = [];
        pendingLength = 0;
      };
      const write = (s: string) => {
        pending.push(s);
        pendingLength += s.length;
        if (pendingLength > 1 << 16) flush();
      };
      write('{"type":"FeatureCollection","features":[\n');
      collector = new CityModelCollector(report, {
        crs: options.crs,
        store,
        onFootprint: (f: BuildingFeature) => {
          write((first ? '' : ',\n') + JSON.stringify(f));
          first = false;
        },
      });
      await read(collector, report);
      write('\n]}\n');
      flush();
      closeSync(geojson);
      if (collector.count === 0) throw new NothingConverted();
      await mkdir(path.join(dir, 'tiles'), { recursive: true });
      const tileSize = options.extra['tile-size'] ? Number(options.extra['tile-size']) : undefined;
      // Tiles are written synchronously like buildings.geojson: an await per tile only adds event-loop round trips.
      const tileset = await buildTileset(collector.store, { maxBuildingsPerTile: tileSize, writeTile: (uri, bytes) => writeFileSync(path.join(dir, uri), bytes) });
      await writeFile(path.join(dir, 'tileset.json'), JSON.stringify(tileset));
      const attribution = options.extra.attribution ?? guessAttribution(collector.sampleIds);
      const lods = new Set([...collector.lods].map((l) => Math.floor(l)));
      const lodText = [...lods].sort().map((l) => `LoD${l}`).join('/');
      const layers: CatalogLayer[] = [
        { id: 'buildings', title: { de: `Gebäude (${lodText})`, en: `Buildings (${lodText})` }, group: { de: 'Stadtmodell', en: 'City model' }, type: '3dtiles', url: 'tileset.json', defaultVisible: true, attribution, role: 'buildings' },
        {
          id: 'building-footprints',
          title: { de: 'Gebäudegrundrisse', en: 'Building footprints' },
          group: { de: 'Stadtmodell', en: 'City model' },
          type: 'geojson-polygons',
          url: 'buildings.geojson',
          defaultVisible: false,
          style: { kind: 'fill', color: '#d9cbb3', outline: '#7a6a55' },
          attribution,
          role: 'buildingFootprints',
        },
      ];
      const title = options.name ?? path.basename(path.resolve(options.out));
      await updateCatalog(dir, layers, { id: path.basename(path.resolve(options.out)), title: { de: title, en: title }, bbox: collector.bbox, crs: 'EPSG:25832' });
      const r = build(collector);
      await writeReports(dir, kind, r);
      return r;
    });
  } catch (e) {
    if (!(e instanceof NothingConverted)) throw e;
    await mkdir(options.out, { recursive: true });
    const r = build(collector);
    if (!r.issues.some((i) => i.severity === 'error')) report.warn({ file: inputs.join(', '), message: { code: 'convert.cli.noBuildings' } });
    const out = build(collector);
    await writeFile(path.join(options.out, `report-${kind}-failed.json`), JSON.stringify(out, null, 2));
    return out;
  } finally {
    store.dispose();
  }
}

/** Attribution from the id prefixes of the data (AdV ids start with DE + state code). */
function guessAttribution(ids: string[]): string {
  const s = new Set<string>();
  for (const id of ids) {
    if (/^DENW/.test(id)) s.add('Land NRW, dl-de/zero-2.0');
    else if (/^DEHH/.test(id)) s.add('Freie und Hansestadt Hamburg, LGV, dl-de/by-2.0');
    else if (/^DEBE|^BLDG_/.test(id)) s.add('Berlin Partner / Land Berlin, dl-de/by-2.0');
    else if (/^NL\.IMBAG/.test(id)) s.add('© 3DBAG by tudelft3d and 3DGI, CC BY 4.0');
  }
  return [...s].join('; ') || 'Quelle: siehe report.json';
}
