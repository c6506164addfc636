import { EnuFrame } from './ellipsoid';
import { KIND_CODE } from './prepareBuilding';
import type { TileBuilding } from './TileBuilding';
import type { BuildingProperties } from '../model/Building';
import { writeGlb, type PropertyColumn } from './writeGlb';
import type { TileBuildingStore } from './TileBuildingStore';
import type { TilePlacement } from './TileBuilding';

/** Options of {@link buildTileset}. */
export interface BuildTilesetOptions {
  /** Most buildings in one leaf tile (default 200). A building is never split. */
  maxBuildingsPerTile?: number;
  /** Receives each tile's glb; `uri` is relative to tileset.json (e.g. `tiles/0_1.glb`). */
  writeTile: (uri: string, bytes: Uint8Array) => Promise<void> | void;
}

/** RGBA per surface kind: warm roofs, light walls (multiplied by the viewer's style colour). */
export const SURFACE_COLORS: Record<number, [number, number, number, number]> = {
  [KIND_CODE.roof]: [178, 84, 62, 255],
  [KIND_CODE.wall]: [236, 231, 222, 255],
  [KIND_CODE.ground]: [150, 150, 150, 255],
  [KIND_CODE.closure]: [205, 205, 200, 255],
  [KIND_CODE.other]: [210, 205, 196, 255],
};

interface Node {
  /** Indices into the store of the buildings of a leaf. */
  buildings: number[];
  children: Node[];
  key: string;
}

type PlacementAt = (i: number) => TilePlacement;

/** The least `key` of the buildings `ids`. */
function least(ids: number[], at: PlacementAt, key: keyof TilePlacement): number {
  let v = Infinity;
  for (const i of ids) v = Math.min(v, at(i)[key]);
  return v;
}

/** The greatest `key` of the buildings `ids`. */
function greatest(ids: number[], at: PlacementAt, key: keyof TilePlacement): number {
  let v = -Infinity;
  for (const i of ids) v = Math.max(v, at(i)[key]);
  return v;
}

/** Region [w, s, e, n, minH, maxH] in radians/metres around some buildings. */
function regionOf(ids: number[], at: PlacementAt): number[] {
  const w = least(ids, at, 'west'), s = least(ids, at, 'south'), e = greatest(ids, at, 'east'), n = greatest(ids, at, 'north');
  const lo = least(ids, at, 'minH'), hi = greatest(ids, at, 'maxH');
  // A small margin (≈ 1 cm) so float rounding never puts a vertex outside.
  const m = 1e-9;
  const r = Math.PI / 180;
  return [(w * r) - m, (s * r) - m, (e * r) + m, (n * r) + m, lo - 0.01, hi + 0.01];
}

function sizeM(region: number[]): number {
  const lat = (region[1] + region[3]) / 2;
  const dx = (region[2] - region[0]) * 6378137 * Math.cos(lat);
  const dy = (region[3] - region[1]) * 6378137;
  return Math.hypot(dx, dy, region[5] - region[4]);
}

/** Quadtree on building anchors; never splits a building. */
function split(ids: number[], at: PlacementAt, max: number, key: string, depth: number): Node {
  if (ids.length <= max || depth >= 16) return { buildings: ids, children: [], key };
  const w = least(ids, at, 'lon'), e = greatest(ids, at, 'lon'), s = least(ids, at, 'lat'), n = greatest(ids, at, 'lat');
  if (e - w < 1e-9 && n - s < 1e-9) return { buildings: ids, children: [], key };
  const mx = (w + e) / 2, my = (s + n) / 2;
  const quads: number[][] = [[], [], [], []];
  for (const i of ids) {
    const b = at(i);
    quads[(b.lon > mx ? 1 : 0) + (b.lat > my ? 2 : 0)].push(i);
  }
  const children = quads.flatMap((q, k) => (q.length ? [split(q, at, max, `${key}${k}`, depth + 1)] : []));
  return { buildings: [], children, key };
}

/**
 * Writes a 3D Tiles 1.1 tileset: a quadtree of leaf tiles (≤ N buildings
 * each, by building anchor) with glb content; parents carry no content and a
 * geometric error that grows with their size (refine ADD), so a city-size
 * tileset streams. Each leaf has its own ENU transform at its centre with
 * positions relative to it (no float32 jitter), and a region bounding volume.
 * Buildings come from a {@link TileBuildingStore}: placements first for the
 * tree, then each leaf's meshes, one leaf at a time.
 * Returns the tileset.json object; tiles go to `writeTile`.
 *
 * @example const tileset = await buildTileset(collector.store, { writeTile: (uri, bytes) => fs.writeFile(path.join(out, uri), bytes) });
 */
export async function buildTileset(store: TileBuildingStore, options: BuildTilesetOptions): Promise<Record<string, unknown>> {
  const max = options.maxBuildingsPerTile ?? 200;
  // Placements are read once into objects here: a few numbers per building, while meshes stay in the store.
  const placements = Array.from({ length: store.count }, (_, i) => store.placement(i));
  const at = (i: number) => placements[i];
  const tree = split(Array.from({ length: store.count }, (_, i) => i), at, max, '', 0);
  const root = await writeNode(tree, store, at, options);
  // The root itself has no content: give it an error so Cesium refines into the leaves.
  const rootError = Math.max(Number(root.geometricError) || 0, 100);
  root.geometricError = rootError;
  return {
    asset: { version: '1.1', generator: 'Planlotse citymodel converter' },
    geometricError: rootError * 2,
    root: tree.children.length === 0 ? { boundingVolume: root.boundingVolume, geometricError: rootError, refine: 'ADD', children: [{ ...root, geometricError: 0 }] } : root,
  };
}

async function writeNode(node: Node, store: TileBuildingStore, at: PlacementAt, options: BuildTilesetOptions): Promise<Record<string, unknown>> {
  if (node.children.length === 0) {
    const region = regionOf(node.buildings, at);
    const lon = ((region[0] + region[2]) / 2) * (180 / Math.PI);
    const lat = ((region[1] + region[3]) / 2) * (180 / Math.PI);
    const frame = new EnuFrame(lon, lat, 0);
    const uri = `tiles/t${node.key || 'r'}.glb`;
    await options.writeTile(uri, tileGlb(node.buildings.map((i) => store.load(i)), frame));
    return { boundingVolume: { region }, geometricError: 0, refine: 'ADD', transform: frame.matrix, content: { uri } };
  }
  const children = [];
  for (const c of node.children) children.push(await writeNode(c, store, at, options));
  const region = regionOf(collect(node), at);
  const childMax = Math.max(...children.map((c) => Number(c.geometricError)));
  // Parents refine at about 4× their size in distance (SSE 16 px, 60° fov).
  const geometricError = Math.max(childMax * 2, sizeM(region) / 4, 50);
  return { boundingVolume: { region }, geometricError, refine: 'ADD', children };
}

function collect(n: Node, out: number[] = []): number[] {
  for (const i of n.buildings) out.push(i);
  for (const c of n.children) collect(c, out);
  return out;
}

/**
 * The glb of one leaf: every building's vertices moved from its own ENU
 * frame into the tile's (exact, through ECEF), converted to glTF y-up.
 */
export function tileGlb(bs: TileBuilding[], tile: EnuFrame): Uint8Array {
  let nv = 0, ni = 0;
  for (const b of bs) {
    nv += b.positions.length / 3;
    ni += b.indices.length;
  }
  const positions = new Float32Array(nv * 3);
  const normals = new Float32Array(nv * 3);
  const colors = new Uint8Array(nv * 4);
  const featureIds = new Float32Array(nv);
  const indices = nv > 65535 ? new Uint32Array(ni) : new Uint16Array(ni);
  let v = 0, ii = 0;
  for (let f = 0; f < bs.length; f++) {
    const b = bs[f];
    const m = tile.fromFrame(new EnuFrame(b.lon, b.lat, 0));
    const n = b.positions.length / 3;
    const bp = b.positions, bn = b.normals, bk = b.kinds;
    for (let i = 0; i < n; i++) {
      const x = bp[i * 3], y = bp[i * 3 + 1], z = bp[i * 3 + 2];
      const ex = m[0] * x + m[1] * y + m[2] * z + m[9];
      const ny = m[3] * x + m[4] * y + m[5] * z + m[10];
      const uz = m[6] * x + m[7] * y + m[8] * z + m[11];
      // glTF is y-up: (east, up, -north); 3D Tiles rotates it back to z-up.
      const o = (v + i) * 3;
      positions[o] = ex;
      positions[o + 1] = uz;
      positions[o + 2] = -ny;
      const a = bn[i * 3], c = bn[i * 3 + 1], d = bn[i * 3 + 2];
      const te = m[0] * a + m[1] * c + m[2] * d, tn = m[3] * a + m[4] * c + m[5] * d, tu = m[6] * a + m[7] * c + m[8] * d;
      const len = Math.sqrt(te * te + tn * tn + tu * tu) || 1;
      normals[o] = te / len;
      normals[o + 1] = tu / len;
      normals[o + 2] = -tn / len;
      const rgba = SURFACE_COLORS[bk[i]] ?? SURFACE_COLORS[KIND_CODE.other];
      const q = (v + i) * 4;
      colors[q] = rgba[0];
      colors[q + 1] = rgba[1];
      colors[q + 2] = rgba[2];
      colors[q + 3] = rgba[3];
      featureIds[v + i] = f;
    }
    for (let k = 0; k < b.indices.length; k++) indices[ii++] = b.indices[k] + v;
    v += n;
  }
  return writeGlb({ positions, normals, colors, featureIds, indices, featureCount: bs.length, properties: propertyColumns(bs) });
}

/** The property table: names as the viewer reads them with `feature.getProperty(name)`. */
function propertyColumns(bs: TileBuilding[]): Record<string, PropertyColumn> {
  const p = bs.map((b) => JSON.parse(b.propertiesJson) as BuildingProperties);
  const str = (f: (x: (typeof p)[number]) => string | undefined): PropertyColumn => ({ kind: 'string', values: p.map(f) });
  const num = (f: (x: (typeof p)[number]) => number | undefined): PropertyColumn => ({ kind: 'float32', values: p.map(f) });
  return {
    id: str((x) => x.id),
    function: str((x) => x.function),
    functionLabel: str((x) => x.functionLabel),
    roofType: str((x) => x.roofType),
    roofTypeLabel: str((x) => x.roofTypeLabel),
    heightM: num((x) => x.heightM),
    measuredHeightM: num((x) => x.measuredHeightM),
    groundHeightM: num((x) => x.groundHeightM),
    eaveHeightM: num((x) => x.eaveHeightM),
    ridgeHeightM: num((x) => x.ridgeHeightM),
    storeysAboveGround: { kind: 'int32', values: p.map((x) => x.storeysAboveGround) },
    address: str((x) => x.address),
    source: str((x) => x.source),
    attributes: str((x) => (x.attributes ? JSON.stringify(x.attributes) : undefined)),
  };
}
