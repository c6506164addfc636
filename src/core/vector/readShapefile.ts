import type { Feature, Geometry, Position } from 'geojson';
import type { ReportBuilder } from '../model/ConversionReport';
import { parseWktCrs } from '../crs';
import { pointInRing } from '../geometry/pointInRing';
import { signedRingArea as signedArea } from '../geometry/signedRingArea';
import { finishGeometry } from './finishGeometry';
import { CrsResolver, isCrsProblem } from './CrsResolver';
import type { NestedMessage } from '../i18n/Message';
import { ConversionError, problemOf } from '../model/ConversionError';
import { guessProjectedCrs } from './resolveCrs';
import { decodeText } from './decodeText';
import { unzipEntries } from './unzipEntries';
import { cleanValue, type VectorLayer, type VectorReadOptions } from '../model/VectorLayer';

interface ShpRecord {
  index: number;
  geometry?: Geometry;
  error?: NestedMessage;
}

interface DbfField {
  name: string;
  type: string;
  length: number;
}

/**
 * Parses the geometry records of a `.shp` file (Point, MultiPoint,
 * PolyLine, Polygon and their Z/M variants; Z and M are dropped). Polygon
 * rings are grouped the shapefile way: clockwise rings are exteriors,
 * counter-clockwise rings holes of the exterior that contains them.
 */
export function parseShp(buf: Uint8Array): ShpRecord[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 100 || dv.getInt32(0, false) !== 9994) throw new ConversionError({ code: 'convert.shp.notShapefile' });
  const fileBytes = Math.min(dv.getInt32(24, false) * 2, buf.byteLength);
  const out: ShpRecord[] = [];
  let off = 100;
  let index = 0;
  while (off + 8 <= fileBytes) {
    const contentBytes = dv.getInt32(off + 4, false) * 2;
    const start = off + 8;
    off = start + contentBytes;
    const rec: ShpRecord = { index: index++ };
    out.push(rec);
    if (off > buf.byteLength) {
      rec.error = { code: 'convert.shp.recordCutOff', params: { n: rec.index + 1 } };
      break;
    }
    try {
      rec.geometry = readShape(dv, start, contentBytes);
      if (!rec.geometry) rec.error = { code: 'convert.shp.nullShape' };
    } catch (e) {
      rec.error = problemOf(e);
    }
  }
  return out;
}

function readShape(dv: DataView, o: number, len: number): Geometry | undefined {
  if (len < 4) throw new ConversionError({ code: 'convert.shp.emptyRecord' });
  const type = dv.getInt32(o, true);
  switch (type) {
    case 0:
      return undefined;
    case 1: case 11: case 21:
      return { type: 'Point', coordinates: [dv.getFloat64(o + 4, true), dv.getFloat64(o + 12, true)] };
    case 8: case 18: case 28: {
      const n = dv.getInt32(o + 36, true);
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) pts.push([dv.getFloat64(o + 40 + i * 16, true), dv.getFloat64(o + 48 + i * 16, true)]);
      return { type: 'MultiPoint', coordinates: pts };
    }
    case 3: case 13: case 23: case 5: case 15: case 25: {
      const numParts = dv.getInt32(o + 36, true);
      const numPoints = dv.getInt32(o + 40, true);
      const partsAt = o + 44;
      const ptsAt = partsAt + numParts * 4;
      if (numParts < 0 || numPoints < 0 || ptsAt + numPoints * 16 > o + len) throw new ConversionError({ code: 'convert.shp.recordLength', params: { parts: numParts, points: numPoints } });
      const parts: Position[][] = [];
      for (let p = 0; p < numParts; p++) {
        const from = dv.getInt32(partsAt + p * 4, true);
        const to = p + 1 < numParts ? dv.getInt32(partsAt + (p + 1) * 4, true) : numPoints;
        const ring: Position[] = [];
        for (let i = from; i < to; i++) ring.push([dv.getFloat64(ptsAt + i * 16, true), dv.getFloat64(ptsAt + i * 16 + 8, true)]);
        parts.push(ring);
      }
      if (type % 10 === 3) return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
      return groupRings(parts);
    }
    default:
      throw new ConversionError({ code: type === 31 ? 'convert.shp.multiPatch' : 'convert.shp.shapeType', params: { type } });
  }
}

/** Shapefile polygon parts → GeoJSON (Multi)Polygon: clockwise = exterior, counter-clockwise = hole. */
export function groupRings(parts: Position[][]): Geometry {
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const r of parts) {
    if (r.length < 3) continue;
    if (signedArea(r) <= 0) outers.push([r]);
    else holes.push(r);
  }
  for (const h of holes) {
    const probe = h[0];
    const owner = outers.filter((o) => pointInRing(probe, o[0])).sort((a, b) => Math.abs(signedArea(a[0])) - Math.abs(signedArea(b[0])))[0];
    // A counter-clockwise ring inside no exterior is an exterior written the wrong way round.
    if (owner) owner.push(h);
    else outers.push([h]);
  }
  return outers.length === 1 ? { type: 'Polygon', coordinates: outers[0] } : { type: 'MultiPolygon', coordinates: outers };
}

/** Parses a dBASE III/IV `.dbf` into one record object per row (deleted rows as null). */
export function parseDbf(buf: Uint8Array, encoding = 'windows-1252'): { fields: DbfField[]; records: (Record<string, unknown> | null)[] } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 32) throw new ConversionError({ code: 'convert.shp.dbfShort' });
  const n = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  const fields: DbfField[] = [];
  const ascii = new TextDecoder('latin1');
  for (let o = 32; o + 32 <= headerLen && buf[o] !== 0x0d; o += 32) {
    const nameBytes = buf.subarray(o, o + 11);
    const end = nameBytes.indexOf(0);
    fields.push({ name: ascii.decode(end >= 0 ? nameBytes.subarray(0, end) : nameBytes).trim(), type: String.fromCharCode(buf[o + 11]), length: buf[o + 16] });
  }
  let dec: TextDecoder;
  try {
    dec = new TextDecoder(encoding);
  } catch {
    dec = new TextDecoder('windows-1252');
  }
  const records: (Record<string, unknown> | null)[] = [];
  for (let r = 0; r < n; r++) {
    const start = headerLen + r * recLen;
    if (start + recLen > buf.byteLength) break;
    if (buf[start] === 0x2a) {
      records.push(null);
      continue;
    }
    let o = start + 1;
    const rec: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = dec.decode(buf.subarray(o, o + f.length)).trim();
      o += f.length;
      if (raw === '' || /^\*+$/.test(raw)) rec[f.name] = null;
      else if (f.type === 'N' || f.type === 'F') rec[f.name] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
      else if (f.type === 'L') rec[f.name] = /^[YyTt]$/.test(raw) ? true : /^[NnFf]$/.test(raw) ? false : null;
      else if (f.type === 'D' && /^\d{8}$/.test(raw)) rec[f.name] = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
      else rec[f.name] = cleanValue(raw);
    }
    records.push(rec);
  }
  return { fields, records };
}

/** Encoding named in a `.cpg` file ("UTF-8", "1252", "ISO-8859-1" …) as a TextDecoder label. */
function cpgEncoding(cpg: string | undefined): string {
  const c = (cpg ?? '').trim().toLowerCase();
  if (!c) return 'windows-1252';
  if (/^(utf-?8|65001)$/.test(c)) return 'utf-8';
  if (/^\d+$/.test(c)) return `windows-${c}`;
  return c;
}

/**
 * Reads zipped Esri shapefiles (one layer per `.shp` with its `.dbf`,
 * `.prj` and `.cpg`) into WGS84 RFC 7946 features. The CRS comes from the
 * `.prj` (zone-prefixed UTM eastings → EPSG:4647), else from `--crs`, else
 * from the coordinate magnitude (reported).
 *
 * @example readShapefileZip(bytes, { file: 'GLB.zip' }, report)[0].features.length // 334
 */
export function readShapefileZip(bytes: Uint8Array, opts: VectorReadOptions, report: ReportBuilder): VectorLayer[] {
  const { file } = opts;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipEntries(bytes, file);
  } catch (e) {
    // A broken archive or one over the limits (zip bomb): reported, nothing read.
    report.skip({ file, message: problemOf(e) });
    return [];
  }
  const byLower = new Map(Object.keys(entries).map((k) => [k.toLowerCase(), k]));
  const shps = Object.keys(entries).filter((k) => /\.shp$/i.test(k) && !k.startsWith('__MACOSX'));
  if (shps.length === 0) {
    report.skip({ file, message: { code: 'convert.shp.noShp', params: { entries: Object.keys(entries).slice(0, 8).join(', ') } } });
    return [];
  }
  const layers: VectorLayer[] = [];
  for (const shpName of shps) {
    const stem = shpName.slice(0, -4);
    const sibling = (ext: string) => {
      const k = byLower.get(`${stem}.${ext}`.toLowerCase());
      return k ? entries[k] : undefined;
    };
    const name = stem.split('/').pop()!;
    const where = `${file}!${shpName}`;
    const layer: VectorLayer = { name, format: 'shapefile', features: [] };
    layers.push(layer);
    let records: ShpRecord[];
    try {
      records = parseShp(entries[shpName]);
    } catch (e) {
      report.skip({ file: where, message: problemOf(e) });
      continue;
    }
    const dbfBytes = sibling('dbf');
    const cpg = sibling('cpg');
    let attrs: (Record<string, unknown> | null)[] = [];
    if (dbfBytes) {
      try {
        attrs = parseDbf(dbfBytes, cpgEncoding(cpg ? decodeText(cpg) : undefined)).records;
      } catch (e) {
        report.warn({ file: `${file}!${stem}.dbf`, message: { code: 'convert.shp.attributesNotRead', params: { problem: problemOf(e) } } });
      }
      if (attrs.length !== records.length && attrs.length > 0) report.warn({ file: where, message: { code: 'convert.shp.rowMismatch', params: { rows: attrs.length, shapes: records.length } } });
    } else report.warn({ file: where, message: { code: 'convert.shp.noDbf' } });

    const prj = sibling('prj');
    let srs: string | undefined;
    let from: VectorLayer['crsFrom'] = 'file';
    if (prj) {
      const parsed = parseWktCrs(decodeText(prj));
      if (parsed) srs = parsed.code;
      else report.warn({ file: `${file}!${stem}.prj`, message: opts.crs ? { code: 'convert.shp.prjUnknownUsing', params: { crs: opts.crs } } : { code: 'convert.shp.prjUnknown' } });
    }
    if (!srs && opts.crs) {
      srs = opts.crs;
      from = 'option';
    }
    if (!srs) {
      const samples: Position[] = [];
      for (const r of records) if (r.geometry?.type === 'Point') samples.push(r.geometry.coordinates);
      else if (r.geometry && 'coordinates' in r.geometry) samples.push((r.geometry.coordinates.flat(3) as number[]).slice(0, 2));
      const guess = guessProjectedCrs(samples.slice(0, 200));
      srs = guess?.code ?? 'EPSG:4326';
      from = 'default';
      report.warn({ file: where, message: guess ? { code: 'convert.shp.noPrjGuess', params: { why: guess.why, crs: guess.code } } : { code: 'convert.shp.noPrjWgs84' } });
    }
    const r = new CrsResolver(opts.crs).resolve(srs);
    if (isCrsProblem(r)) {
      report.skip({ file: where, message: r });
      continue;
    }
    layer.crs = r.crs.code;
    layer.crsFrom = from;
    const geographic = r.crs.code === 'EPSG:4326' || r.crs.code === 'EPSG:4258';
    for (const rec of records) {
      const props = attrs[rec.index];
      const featureId = `${name}#${rec.index + 1}`;
      const base = { file: where, featureId, featureClass: name };
      if (props === null) {
        report.skip({ ...base, message: { code: 'convert.shp.deleted' } });
        continue;
      }
      if (!rec.geometry) {
        report.skip({ ...base, message: rec.error ?? { code: 'convert.noGeometry' } });
        continue;
      }
      const fin = finishGeometry(rec.geometry, { toWgs84: r.toWgs84, snapTolerance: geographic ? 2e-7 : 0.02 });
      for (const w of fin.warnings) report.warn({ ...base, message: w });
      if (!fin.geometry) {
        report.skip({ ...base, message: fin.error ?? { code: 'convert.geom.invalid' } });
        continue;
      }
      const f: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', id: featureId, geometry: fin.geometry, properties: { ...(props ?? {}) } };
      layer.features.push(f);
      report.count(name);
    }
  }
  return layers;
}
