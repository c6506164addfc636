// `npm run convert -- citygml <file.gml …> --out <dir> [--crs EPSG:nnnn] [--tile-size 200] [--attribution <text>] [--name <title>] [--strict]`
// CityGML 1.0/2.0/3.0 LoD1/LoD2 buildings → 3D Tiles 1.1 (glb) + buildings.geojson + report.json + catalog layers.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ConvertOptions } from './options';
import type { ConversionReport } from '../../src/core/convert/ConversionReport';
import { readCityGml } from '../../src/core/citygml/readCityGml';
import { writeCityModelOutput } from './writeCityModelOutput';

/** Streams each CityGML file (several tiles make one tileset) and writes the city model output. */
export async function convert(options: ConvertOptions): Promise<ConversionReport> {
  return writeCityModelOutput(options, async (collector, report) => {
    for (const input of options.inputs) {
      const file = path.basename(input);
      const stream = createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 18 });
      try {
        await readCityGml(stream as AsyncIterable<string>, { file, report, onBuilding: (b) => collector.add(b) });
      } catch (e) {
        // Only I/O errors reach here (missing file, permission): the reader reports XML errors itself.
        report.skip({ file, reason: `cannot read file: ${e instanceof Error ? e.message : String(e)}` });
      } finally {
        stream.destroy();
      }
    }
    return {};
  });
}
