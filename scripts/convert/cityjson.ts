// `npm run convert -- cityjson <file.json …> --out <dir> [--crs EPSG:28992] [--lod 2.2] [--tile-size 200] [--attribution <text>] [--name <title>] [--strict]`
// CityJSON 1.x/2.0 Building/BuildingPart → 3D Tiles 1.1 (glb) + buildings.geojson + report.json + catalog layers.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConvertOptions } from './options';
import type { ConversionReport } from '../../src/core/model/ConversionReport';
import { readCityJson } from '../../src/core/cityjson/readCityJson';
import { writeCityModelOutput } from './writeCityModelOutput';
import { detail } from '../../src/core/model/ConversionError';

/** Reads each CityJSON file (all into one tileset) and writes the city model output. */
export async function convert(options: ConvertOptions): Promise<ConversionReport> {
  return writeCityModelOutput(options, async (collector, report) => {
    for (const input of options.inputs) {
      const file = path.basename(input);
      let text: string;
      try {
        text = await readFile(input, 'utf8');
      } catch (e) {
        report.skip({ file, message: { code: 'convert.cli.cannotRead', params: { problem: detail(e instanceof Error ? e.message : String(e)) } } });
        continue;
      }
      readCityJson(text, { file, report, crs: options.crs, lod: options.extra.lod, onBuilding: (b) => collector.add(b) });
    }
    return {};
  });
}
