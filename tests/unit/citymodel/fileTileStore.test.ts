// The CLI's mesh spool gives back exactly what went in: real buildings, a mesh
// with 32-bit indices and a record larger than the spool's write buffer.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FileTileStore } from '../../../scripts/convert/FileTileStore';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { CityModelCollector } from '../../../src/core/tiles/CityModelCollector';
import { MemoryTileStore } from '../../../src/core/tiles/TileBuildingStore';
import type { TileBuilding } from '../../../src/core/tiles/TileBuilding';
import { REAL, hasReal } from './citymodelTestUtils';

function bigBuilding(vertices: number): TileBuilding {
  const positions = new Float32Array(vertices * 3).map((_, i) => (i % 97) * 0.25);
  const indices = new Uint32Array(vertices).map((_, i) => vertices - 1 - i);
  return {
    lon: 9.99, lat: 53.55, west: 9.98, south: 53.54, east: 10, north: 53.56, minH: 0, maxH: 40,
    positions, normals: new Int8Array(vertices * 3).fill(-127), kinds: new Uint8Array(vertices).fill(1), indices,
    nativeBbox: [1, 2, 3, 4, 5, 6],
    propertiesJson: JSON.stringify({ id: 'big', address: 'Große Straße 1, 20095 Hamburg' }),
  };
}

describe('FileTileStore', () => {
  it.runIf(hasReal)('round-trips the prepared buildings of a real tile and a 100 000-vertex mesh', async () => {
    const memory = new MemoryTileStore();
    const report = new ReportBuilder();
    const c = new CityModelCollector(report, { store: memory });
    const text = await readFile(path.join(REAL, 'nrw-lod2/LoD2_32_327_5733_1_NW.gml'), 'utf8');
    await readCityGml([text], { file: 'nrw.gml', report, onBuilding: (b) => c.add(b) });
    memory.add(bigBuilding(100_000));
    const spool = new FileTileStore();
    try {
      for (let i = 0; i < memory.count; i++) spool.add(memory.load(i));
      expect(spool.count).toBe(memory.count);
      expect(memory.count).toBeGreaterThan(100);
      // Read back in a scrambled order, as the tiles ask for them.
      for (let k = 0; k < memory.count; k++) {
        const i = (k * 37) % memory.count;
        const a = memory.load(i), b = spool.load(i);
        expect(b.positions).toEqual(a.positions);
        expect(b.normals).toEqual(a.normals);
        expect(b.kinds).toEqual(a.kinds);
        expect(b.indices).toEqual(a.indices);
        expect(b.indices.constructor).toBe(a.indices.constructor);
        expect(b.propertiesJson).toBe(a.propertiesJson);
        expect(b.nativeBbox).toEqual([...a.nativeBbox]);
        expect(spool.placement(i)).toEqual({ lon: a.lon, lat: a.lat, west: a.west, south: a.south, east: a.east, north: a.north, minH: a.minH, maxH: a.maxH });
      }
    } finally {
      spool.dispose();
    }
  });
});
