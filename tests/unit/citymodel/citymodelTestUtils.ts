import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convert as convertCityGml } from '../../../scripts/convert/citygml';
import { convert as convertCityJson } from '../../../scripts/convert/cityjson';
import type { ConversionReport } from '../../../src/core/model/ConversionReport';

export const REAL = path.resolve(process.cwd(), '../shared/data/real');
export const hasReal = existsSync(path.join(REAL, 'nrw-lod2'));
if (!hasReal) console.warn(`citymodel tests skipped: real data not found at ${REAL}`);

/** A fresh temp folder under os.tmpdir(). */
export function tempDir(prefix = 'planlotse-citymodel-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Runs the CLI converter of `kind` into a fresh temp folder. */
export async function runConvert(kind: 'citygml' | 'cityjson', inputs: string[], extra: Record<string, string> = {}, crs?: string, out?: string): Promise<{ out: string; report: ConversionReport }> {
  const dir = out ?? path.join(await tempDir(), 'out');
  const options = { kind, inputs, out: dir, crs, strict: false, extra };
  const report = kind === 'citygml' ? await convertCityGml(options) : await convertCityJson(options);
  return { out: dir, report };
}

/** Decoded glb: JSON, binary chunk, accessor reader. */
export interface DecodedGlb {
  json: Record<string, any>;
  bin: Uint8Array;
  accessor(i: number): Float32Array | Uint16Array | Uint32Array | Uint8Array | Int32Array;
  bufferView(i: number): Uint8Array;
}

/** Minimal glb reader for assertions (the validator checks the rest). */
export async function readGlb(file: string): Promise<DecodedGlb> {
  const buf = new Uint8Array(await readFile(file));
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const jsonLen = dv.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(buf.subarray(20, 20 + jsonLen)));
  const binLen = dv.getUint32(20 + jsonLen, true);
  const bin = buf.slice(28 + jsonLen, 28 + jsonLen + binLen);
  const bufferView = (i: number) => {
    const v = json.bufferViews[i];
    return bin.subarray(v.byteOffset ?? 0, (v.byteOffset ?? 0) + v.byteLength);
  };
  const accessor = (i: number) => {
    const a = json.accessors[i];
    const bytes = bufferView(a.bufferView);
    const comps = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 }[a.type as 'SCALAR'];
    const n = a.count * comps;
    const ab = bytes.slice().buffer;
    switch (a.componentType) {
      case 5126: return new Float32Array(ab, 0, n);
      case 5123: return new Uint16Array(ab, 0, n);
      case 5125: return new Uint32Array(ab, 0, n);
      case 5121: return new Uint8Array(ab, 0, n);
      default: throw new Error(`componentType ${a.componentType}`);
    }
  };
  return { json, bin, accessor, bufferView };
}

/** Reads the property table of a glb as rows. */
export function propertyRows(g: DecodedGlb): Record<string, string | number | undefined>[] {
  const meta = g.json.extensions.EXT_structural_metadata;
  const table = meta.propertyTables[0];
  const cls = meta.schema.classes[table.class].properties;
  const rows: Record<string, string | number | undefined>[] = Array.from({ length: table.count }, () => ({}));
  for (const [name, p] of Object.entries<any>(table.properties)) {
    const def = cls[name];
    const values = g.bufferView(p.values);
    if (def.type === 'STRING') {
      const offs = new Uint32Array(g.bufferView(p.stringOffsets).slice().buffer);
      for (let i = 0; i < table.count; i++) {
        const s = new TextDecoder().decode(values.subarray(offs[i], offs[i + 1]));
        rows[i][name] = def.noData !== undefined && s === def.noData ? undefined : s;
      }
    } else {
      const arr = def.componentType === 'FLOAT32' ? new Float32Array(values.slice().buffer, 0, table.count) : new Int32Array(values.slice().buffer, 0, table.count);
      for (let i = 0; i < table.count; i++) rows[i][name] = def.noData !== undefined && arr[i] === def.noData ? undefined : arr[i];
    }
  }
  return rows;
}

/** All tiles (with content) of a tileset.json tree, with their transforms. */
export function leafTiles(tile: any, out: any[] = []): any[] {
  if (tile.content) out.push(tile);
  for (const c of tile.children ?? []) leafTiles(c, out);
  return out;
}
