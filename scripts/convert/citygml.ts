// `npm run convert -- citygml <file.gml …> --out <dir> [--crs EPSG:nnnn] [--tile-size 200] [--attribution <text>] [--name <title>] [--strict]`
// CityGML 1.0/2.0/3.0 LoD1/LoD2 buildings → 3D Tiles 1.1 (glb) + buildings.geojson + report.json + catalog layers.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import type { ConvertOptions } from './options';
import type { ConversionReport } from '../../src/core/model/ConversionReport';
import { readCityGml } from '../../src/core/citygml/readCityGml';
import { writeCityModelOutput } from './writeCityModelOutput';
import { detail } from '../../src/core/model/ConversionError';

/**
 * The file as UTF-8 string chunks of 64 KB, read synchronously: the parser is
 * the bottleneck, and a read per event-loop turn would only add waiting.
 * Small on purpose: a chunk of 128 KB or more is a V8 large object that goes to
 * the old generation as soon as a scavenge finds it alive (the parser's
 * substrings keep it so) and stays until a full GC; 64 KB chunks die young
 * (peak RSS of the 50 MB bench file, parsing only: 107 MB with 256 KB, 93 MB with 64 KB).
 */
export function* readTextChunks(file: string, chunkBytes = 1 << 16): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) break;
      yield decoder.write(buf.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Streams each CityGML file (several tiles make one tileset) and writes the city model output. */
export async function convert(options: ConvertOptions): Promise<ConversionReport> {
  return writeCityModelOutput(options, async (collector, report) => {
    for (const input of options.inputs) {
      const file = path.basename(input);
      let chunks: Generator<string>;
      try {
        chunks = readTextChunks(input);
        // Open the file now so a missing file is reported here, not as an XML error.
        const first = chunks.next();
        const all = (function* () {
          if (!first.done) yield first.value;
          yield* chunks;
        })();
        await readCityGml(all, { file, report, onBuilding: (b) => collector.add(b) });
      } catch (e) {
        // Only I/O errors reach here (missing file, permission): the reader reports XML errors itself.
        report.skip({ file, message: { code: 'convert.cli.cannotRead', params: { problem: detail(e instanceof Error ? e.message : String(e)) } } });
      }
    }
    return {};
  });
}
