import { inflateSync } from 'fflate';
import { ConversionError } from '../model/ConversionError';

/**
 * Most bytes all entries of one archive may inflate to. An XPlanArchiv or a
 * zipped shapefile is a few MB to a few hundred MB; the readers hold the
 * result in memory.
 */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/**
 * Largest expansion accepted for an entry over {@link RATIO_CHECK_FROM_BYTES}.
 * Real GML, dBASE and .shp data inflate 2–20-fold; a zip bomb of zeros ~1000-fold.
 */
export const MAX_ZIP_RATIO = 200;
/** Entries smaller than this are not ratio-checked (a small, very regular .dbf may compress 500-fold). */
export const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

/** One entry as the archive's central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  /** Compressed size (bytes). */
  size: number;
  /** Declared uncompressed size (bytes). */
  originalSize: number;
  /** 0 stored, 8 deflate. */
  compression: number;
  /** Offset of the local file header. */
  offset: number;
}

/** Limits of {@link unzipEntries}; defaults are the constants above. */
export interface UnzipLimits {
  maxTotalBytes?: number;
  maxRatio?: number;
  /** Inflate only the entries this accepts (the others are listed, not read). */
  only?: (name: string) => boolean;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/**
 * The entries of a ZIP archive from its central directory, without inflating
 * anything. Throws with the file named when the archive is unreadable.
 *
 * @example zipEntryList(bytes, 'GLB.zip').map((e) => e.name) // ['Landschaftsbestand_Fl_DTK25.shp', …]
 */
export function zipEntryList(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  let e = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65535);
  while (e >= stop && u32(bytes, e) !== 0x06054b50) e--;
  if (e < stop) throw new ConversionError({ code: 'convert.zip.noDirectory', params: { file } });
  const count = u16(bytes, e + 10);
  let o = u32(bytes, e + 16);
  if (count === 0xffff || o === 0xffffffff) throw new ConversionError({ code: 'convert.zip.zip64', params: { file } });
  const decoder = new TextDecoder();
  const out: ZipEntryInfo[] = [];
  for (let k = 0; k < count; k++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw new ConversionError({ code: 'convert.zip.entryDamaged', params: { file, k } });
    const nameLen = u16(bytes, o + 28), extraLen = u16(bytes, o + 30), commentLen = u16(bytes, o + 32);
    out.push({
      compression: u16(bytes, o + 10),
      size: u32(bytes, o + 20),
      originalSize: u32(bytes, o + 24),
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen)),
      offset: u32(bytes, o + 42),
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Entries of a ZIP archive, by path, inflated with fflate under stated
 * limits: the declared sizes are checked before anything is inflated (sum
 * at most {@link MAX_UNZIPPED_BYTES}, each entry over 1 MB at most
 * {@link MAX_ZIP_RATIO}-fold its compressed size), and each entry is inflated
 * into a buffer of its declared size + 1 byte, so an entry that inflates to
 * more than it declares is caught and never grows memory. Throws with the
 * file, the entry and the limit named.
 *
 * @example unzipEntries(bytes, 'LA22.zip')['xplan.gml'].length // 1779571
 */
export function unzipEntries(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): Record<string, Uint8Array> {
  const maxTotal = limits.maxTotalBytes ?? MAX_UNZIPPED_BYTES;
  const maxRatio = limits.maxRatio ?? MAX_ZIP_RATIO;
  const list = zipEntryList(bytes, file).filter((e) => !e.name.endsWith('/') && (!limits.only || limits.only(e.name)));
  let total = 0;
  for (const e of list) {
    total += e.originalSize;
    if (total > maxTotal) throw new ConversionError({ code: 'convert.zip.tooLarge', params: { file, max: mb(maxTotal) } });
    if (e.originalSize >= RATIO_CHECK_FROM_BYTES && e.originalSize > maxRatio * Math.max(1, e.size)) {
      throw new ConversionError({ code: 'convert.zip.bomb', params: { entry: `${file}!${e.name}`, ratio: Math.round(e.originalSize / Math.max(1, e.size)), size: mb(e.originalSize), packed: mb(e.size), max: maxRatio } });
    }
  }
  const out: Record<string, Uint8Array> = {};
  for (const e of list) {
    if (e.offset + 30 > bytes.length || u32(bytes, e.offset) !== 0x04034b50) throw new ConversionError({ code: 'convert.zip.headerDamaged', params: { entry: `${file}!${e.name}` } });
    const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
    const data = bytes.subarray(start, start + e.size);
    if (data.length < e.size) throw new ConversionError({ code: 'convert.zip.entryCutOff', params: { entry: `${file}!${e.name}` } });
    let inflated: Uint8Array;
    if (e.compression === 0) inflated = data.slice();
    else if (e.compression === 8) {
      try {
        inflated = inflateSync(data, { out: new Uint8Array(e.originalSize + 1) });
      } catch (err) {
        throw new ConversionError({ code: 'convert.zip.entryUnreadable', params: { entry: `${file}!${e.name}`, problem: err instanceof Error ? err.message : String(err) } });
      }
      if (inflated.length > e.originalSize) throw new ConversionError({ code: 'convert.zip.inflatesMore', params: { entry: `${file}!${e.name}`, size: e.originalSize } });
    } else throw new ConversionError({ code: 'convert.zip.method', params: { entry: `${file}!${e.name}`, method: e.compression } });
    out[e.name] = inflated;
  }
  return out;
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${(bytes / 1024).toFixed(0)} kB`;
}
