import { positionBounds } from './positionBounds';

/** One column of an EXT_structural_metadata property table. */
export type PropertyColumn =
  | { kind: 'string'; values: (string | undefined)[] }
  | { kind: 'float32'; values: (number | undefined)[] }
  | { kind: 'int32'; values: (number | undefined)[] };

/** Mesh and per-feature table of one glb. Positions are y-up (glTF), metres. */
export interface GlbMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** RGBA per vertex. */
  colors: Uint8Array;
  /** Feature index per vertex (0 … featureCount-1). */
  featureIds: Float32Array;
  indices: Uint16Array | Uint32Array;
  featureCount: number;
  /** Property table columns by property name (same length: featureCount). */
  properties: Record<string, PropertyColumn>;
}

/** noData markers for optional values (the class declares them, so readers get "no value"). */
export const NO_DATA_NUMBER = -9999;
export const NO_DATA_STRING = '';

const enc = new TextEncoder();

/**
 * Writes a binary glTF 2.0 (glb) with one triangle primitive, per-vertex
 * normals and colours, one feature id per building (`EXT_mesh_features`,
 * attribute `_FEATURE_ID_0`) and a property table (`EXT_structural_metadata`).
 * Buffer views are 8-byte aligned (as the metadata extension requires),
 * chunks padded to 4 bytes, POSITION min/max exact.
 *
 * @example const bytes = writeGlb({ positions, normals, colors, featureIds, indices, featureCount: 2, properties: { id: { kind: 'string', values: ['a', 'b'] } } });
 */
export function writeGlb(mesh: GlbMesh): Uint8Array {
  const parts: Uint8Array[] = [];
  let byteLength = 0;
  const bufferViews: Record<string, unknown>[] = [];
  const addView = (data: ArrayBufferView, target?: number, byteStride?: number): number => {
    const pad = (8 - (byteLength % 8)) % 8;
    if (pad) {
      parts.push(new Uint8Array(pad));
      byteLength += pad;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const view: Record<string, number> = { buffer: 0, byteOffset: byteLength, byteLength: bytes.byteLength };
    if (target) view.target = target;
    if (byteStride) view.byteStride = byteStride;
    bufferViews.push(view);
    parts.push(bytes);
    byteLength += bytes.byteLength;
    return bufferViews.length - 1;
  };
  const vertexCount = mesh.positions.length / 3;
  const { min, max } = positionBounds(mesh.positions);
  const maxIndex = maxOf(mesh.indices);
  const ARRAY_BUFFER = 34962, ELEMENT_ARRAY_BUFFER = 34963;
  const accessors = [
    { bufferView: addView(mesh.positions, ARRAY_BUFFER), componentType: 5126, count: vertexCount, type: 'VEC3', min, max },
    { bufferView: addView(mesh.normals, ARRAY_BUFFER), componentType: 5126, count: vertexCount, type: 'VEC3' },
    { bufferView: addView(mesh.colors, ARRAY_BUFFER), componentType: 5121, normalized: true, count: vertexCount, type: 'VEC4' },
    { bufferView: addView(mesh.featureIds, ARRAY_BUFFER), componentType: 5126, count: vertexCount, type: 'SCALAR' },
    {
      bufferView: addView(mesh.indices, ELEMENT_ARRAY_BUFFER),
      componentType: mesh.indices instanceof Uint16Array ? 5123 : 5125,
      count: mesh.indices.length,
      type: 'SCALAR',
      min: [0],
      max: [maxIndex],
    },
  ];

  const classProperties: Record<string, unknown> = {};
  const tableProperties: Record<string, unknown> = {};
  for (const [name, col] of Object.entries(mesh.properties)) {
    if (col.kind === 'string') {
      const { values, offsets, optional } = stringColumn(col.values);
      classProperties[name] = optional ? { type: 'STRING', noData: NO_DATA_STRING } : { type: 'STRING' };
      tableProperties[name] = { values: addView(values), stringOffsets: addView(offsets), stringOffsetType: 'UINT32' };
    } else {
      const { values, optional } = numberColumn(col.kind, col.values);
      const componentType = col.kind === 'float32' ? 'FLOAT32' : 'INT32';
      classProperties[name] = optional ? { type: 'SCALAR', componentType, noData: NO_DATA_NUMBER } : { type: 'SCALAR', componentType };
      tableProperties[name] = { values: addView(values) };
    }
  }

  const gltf = {
    asset: { version: '2.0', generator: 'Planlotse citymodel converter' },
    extensionsUsed: ['EXT_mesh_features', 'EXT_structural_metadata'],
    extensions: {
      EXT_structural_metadata: {
        schema: { id: 'planlotse_buildings', classes: { building: { name: 'Building', properties: classProperties } } },
        propertyTables: [{ name: 'buildings', class: 'building', count: mesh.featureCount, properties: tableProperties }],
      },
    },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [
      {
        primitives: [
          {
            attributes: { POSITION: 0, NORMAL: 1, COLOR_0: 2, _FEATURE_ID_0: 3 },
            indices: 4,
            material: 0,
            mode: 4,
            extensions: { EXT_mesh_features: { featureIds: [{ featureCount: mesh.featureCount, attribute: 0, propertyTable: 0 }] } },
          },
        ],
      },
    ],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1 }, doubleSided: true }],
    accessors,
    bufferViews,
    buffers: [{ byteLength: align4(byteLength) }],
  };
  const json = enc.encode(JSON.stringify(gltf));
  const jsonLen = align4(json.byteLength);
  const binLen = align4(byteLength);
  const out = new Uint8Array(12 + 8 + jsonLen + 8 + binLen);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); // 'glTF'
  dv.setUint32(4, 2, true);
  dv.setUint32(8, out.byteLength, true);
  dv.setUint32(12, jsonLen, true);
  dv.setUint32(16, 0x4e4f534a, true); // 'JSON'
  out.set(json, 20);
  out.fill(0x20, 20 + json.byteLength, 20 + jsonLen); // JSON chunk padded with spaces
  const binStart = 20 + jsonLen;
  dv.setUint32(binStart, binLen, true);
  dv.setUint32(binStart + 4, 0x004e4942, true); // 'BIN\0'
  let o = binStart + 8;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

// The loops below are separate small functions: a converter writes a few dozen tiles, and V8
// compiled writeGlb in one piece for 90 ms (more than it ran) to speed up these loops.

function maxOf(a: Uint16Array | Uint32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

/** A string column as UTF-8 bytes plus UINT32 offsets (count + 1). */
function stringColumn(values: (string | undefined)[]): { values: Uint8Array; offsets: Uint32Array; optional: boolean } {
  const encoded = values.map((v) => enc.encode(v ?? NO_DATA_STRING));
  const offsets = new Uint32Array(encoded.length + 1);
  let total = 0;
  for (let i = 0; i < encoded.length; i++) {
    offsets[i] = total;
    total += encoded[i].byteLength;
  }
  offsets[encoded.length] = total;
  const bytes = new Uint8Array(Math.max(total, 1));
  let o = 0;
  for (const e of encoded) {
    bytes.set(e, o);
    o += e.byteLength;
  }
  const optional = values.some((v) => v === undefined || v === NO_DATA_STRING);
  return { values: bytes, offsets, optional };
}

/** A numeric column; missing or non-finite values become NO_DATA_NUMBER. */
function numberColumn(kind: 'float32' | 'int32', values: (number | undefined)[]): { values: Float32Array | Int32Array; optional: boolean } {
  const arr = kind === 'float32' ? new Float32Array(values.length) : new Int32Array(values.length);
  let optional = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || !Number.isFinite(v)) {
      optional = true;
      arr[i] = NO_DATA_NUMBER;
    } else arr[i] = v;
  }
  return { values: arr, optional };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
