import type { ReportBuilder } from '../model/ConversionReport';
import { decodeText, isZip } from './decodeText';
import { readGeoJson } from './readGeoJson';
import { readShapefileZip } from './readShapefile';
import { readWfsGml } from './readWfsGml';
import type { VectorLayer, VectorReadOptions } from '../model/VectorLayer';

/**
 * Reads a vector file by content: zipped shapefile (`PK…`), GeoJSON (`{`),
 * WFS/GML FeatureCollection (`<`). Returns one layer per file (per `.shp`
 * for archives).
 *
 * @example readVectorFile(bytes, { file: 'playgroundFeatures.json' }, report)[0].features.length // 100
 */
export function readVectorFile(bytes: Uint8Array, opts: VectorReadOptions, report: ReportBuilder): VectorLayer[] {
  if (isZip(bytes)) return readShapefileZip(bytes, opts, report);
  const text = decodeText(bytes);
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return [readGeoJson(text, opts, report)];
  if (first === '<') return [readWfsGml(text, opts, report)];
  report.skip({ file: opts.file, message: { code: 'convert.vector.unknownFormat' } });
  return [];
}
