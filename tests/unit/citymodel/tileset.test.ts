import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REAL, hasReal, leafTiles, propertyRows, readGlb, runConvert } from './citymodelTestUtils';
import { ecefToGeodetic } from '../../../src/core/tiles/ellipsoid';
import type { ConversionReport } from '../../../src/core/model/ConversionReport';
import type { BuildingCollection } from '../../../src/core/model/Building';
import type { Catalog } from '../../../src/core/model/Catalog';

const validator = createRequire(import.meta.url)('gltf-validator') as { validateBytes(b: Uint8Array): Promise<{ issues: { numErrors: number; numWarnings: number; messages: { severity: number; code: string; message: string }[] } }> };

const INPUTS = ['nrw-lod2/LoD2_32_327_5733_1_NW.gml', 'nrw-lod2/LoD2_32_327_5732_1_NW.gml', 'hh-lod2-cut/test/test_data.xml', 'berlin-citygml2-3/Berlin_Moabit_1Bldg_v2.gml'];

/** Signed area of a lon/lat ring (positive = counter-clockwise). */
function signedArea(r: number[][]): number {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return a / 2;
}

describe.skipIf(!hasReal)('3D Tiles output of several CityGML tiles in one run', () => {
  let out: string;
  let report: ConversionReport;
  let tileset: any;
  beforeAll(async () => {
    ({ out, report } = await runConvert('citygml', INPUTS.map((f) => path.join(REAL, f)), { 'tile-size': '60' }));
    tileset = JSON.parse(await readFile(path.join(out, 'tileset.json'), 'utf8'));
  });

  it('one tileset for all inputs; report counts, CRS and time', () => {
    expect(report.counts).toEqual({ 'bldg:Building': 222 + 16 + 2 + 1, 'bldg:BuildingPart': 33 });
    expect(report.inputs).toEqual(INPUTS.map((f) => path.basename(f)));
    expect(report.crs?.code).toBe('EPSG:25832');
    expect(report.durationMs).toBeGreaterThan(0);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('tileset.json: 3D Tiles 1.1 essentials, bounding regions nest, leaves ≤ tile size, geometric errors decrease', () => {
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.geometricError).toBeGreaterThan(0);
    expect(tileset.root.geometricError).toBeLessThanOrEqual(tileset.geometricError);
    const check = (t: any) => {
      const r = t.boundingVolume.region;
      expect(r).toHaveLength(6);
      expect(r[0]).toBeLessThan(r[2]);
      expect(r[1]).toBeLessThan(r[3]);
      for (const c of t.children ?? []) {
        const cr = c.boundingVolume.region;
        expect(cr[0]).toBeGreaterThanOrEqual(r[0]);
        expect(cr[1]).toBeGreaterThanOrEqual(r[1]);
        expect(cr[2]).toBeLessThanOrEqual(r[2]);
        expect(cr[3]).toBeLessThanOrEqual(r[3]);
        expect(cr[4]).toBeGreaterThanOrEqual(r[4]);
        expect(cr[5]).toBeLessThanOrEqual(r[5]);
        expect(c.geometricError).toBeLessThanOrEqual(t.geometricError);
        check(c);
      }
    };
    check(tileset.root);
    const leaves = leafTiles(tileset.root);
    expect(leaves.length).toBeGreaterThan(4);
    for (const l of leaves) {
      expect(l.geometricError).toBe(0);
      expect(l.transform).toHaveLength(16);
      expect(l.content.uri).toMatch(/^tiles\/.+\.glb$/);
    }
  });

  it('every glb passes the Khronos glTF validator with zero errors and zero warnings', async () => {
    const files = await readdir(path.join(out, 'tiles'));
    expect(files.length).toBe(leafTiles(tileset.root).length);
    for (const f of files) {
      const res = await validator.validateBytes(new Uint8Array(await readFile(path.join(out, 'tiles', f))));
      expect({ f, errors: res.issues.numErrors, warnings: res.issues.numWarnings, messages: res.issues.messages.filter((m) => m.severity <= 1) }).toEqual({ f, errors: 0, warnings: 0, messages: [] });
    }
  });

  it('each building stands on the ellipsoid (min height ≈ 0), inside its tile region, with one feature id and its properties', async () => {
    const seen = new Set<string>();
    for (const leaf of leafTiles(tileset.root)) {
      const g = await readGlb(path.join(out, leaf.content.uri));
      const prim = g.json.meshes[0].primitives[0];
      const fidInfo = prim.extensions.EXT_mesh_features.featureIds[0];
      const pos = g.accessor(prim.attributes.POSITION) as Float32Array;
      const fid = g.accessor(prim.attributes._FEATURE_ID_0) as Float32Array;
      const rows = propertyRows(g);
      expect(rows.length).toBe(fidInfo.featureCount);
      const m = leaf.transform;
      const minH = new Array(rows.length).fill(Infinity), maxH = new Array(rows.length).fill(-Infinity);
      const r = leaf.boundingVolume.region;
      for (let i = 0; i < fid.length; i++) {
        // glTF y-up → tile z-up: (x, -z, y); then the tile transform (column-major) to ECEF.
        const x = pos[i * 3], y = -pos[i * 3 + 2], z = pos[i * 3 + 1];
        const X = m[0] * x + m[4] * y + m[8] * z + m[12];
        const Y = m[1] * x + m[5] * y + m[9] * z + m[13];
        const Z = m[2] * x + m[6] * y + m[10] * z + m[14];
        const [lon, lat, h] = ecefToGeodetic(X, Y, Z);
        const f = fid[i];
        minH[f] = Math.min(minH[f], h);
        maxH[f] = Math.max(maxH[f], h);
        expect((lon * Math.PI) / 180).toBeGreaterThanOrEqual(r[0]);
        expect((lon * Math.PI) / 180).toBeLessThanOrEqual(r[2]);
        expect((lat * Math.PI) / 180).toBeGreaterThanOrEqual(r[1]);
        expect((lat * Math.PI) / 180).toBeLessThanOrEqual(r[3]);
      }
      rows.forEach((row, f) => {
        expect(Math.abs(minH[f])).toBeLessThan(0.01);
        expect(maxH[f]).toBeCloseTo(row.heightM as number, 1);
        expect(row.id).toBeTruthy();
        expect(row.source).toMatch(/\.(gml|xml)$/);
        seen.add(row.id as string);
      });
    }
    expect(seen.size).toBe(241);
  });

  it('property names as the viewer reads them, with values from the source', async () => {
    const rows = [];
    for (const leaf of leafTiles(tileset.root)) rows.push(...propertyRows(await readGlb(path.join(out, leaf.content.uri))));
    const names = Object.keys(rows[0]);
    for (const n of ['id', 'function', 'functionLabel', 'roofType', 'roofTypeLabel', 'heightM', 'measuredHeightM', 'storeysAboveGround', 'address', 'source']) expect(names).toContain(n);
    const berlin = rows.find((r) => r.source === 'Berlin_Moabit_1Bldg_v2.gml')!;
    expect(berlin.id).toBe('BLDG_0003000b001e15b2');
    expect(berlin.address).toMatch(/Berlin/);
    const hh = rows.filter((r) => r.source === 'test_data.xml');
    expect(hh.map((r) => r.roofType).sort()).toEqual(['3100', '5000']);
    expect(hh.every((r) => (r.measuredHeightM as number) > 3.7 && (r.measuredHeightM as number) < 9)).toBe(true);
  });

  it('buildings.geojson: one footprint per building, RFC 7946 winding, heights and roofs', async () => {
    const fc = JSON.parse(await readFile(path.join(out, 'buildings.geojson'), 'utf8')) as BuildingCollection;
    expect(fc.features).toHaveLength(241);
    for (const f of fc.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(polys.length).toBeGreaterThan(0);
      for (const p of polys) {
        expect(signedArea(p[0])).toBeGreaterThan(0);
        for (const hole of p.slice(1)) expect(signedArea(hole)).toBeLessThan(0);
        expect(p[0][0]).toEqual(p[0][p[0].length - 1]);
      }
      expect(f.properties.heightM).toBeGreaterThan(0);
      expect(Number.isFinite(f.properties.groundHeightM)).toBe(true);
    }
    // NRW ground heights are DHHN2016 metres around 16–25 m; Neuwerk (Hamburg) around 2 m.
    const nrw = fc.features.filter((f) => f.properties.source.startsWith('LoD2_32_327'));
    expect(nrw.every((f) => f.properties.groundHeightM > 15 && f.properties.groundHeightM < 30)).toBe(true);
    expect(nrw.filter((f) => f.properties.roofs?.length).length).toBe(nrw.length);
  });

  it('catalog.json: a 3dtiles buildings layer and a hidden buildingFootprints layer', async () => {
    const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as Catalog;
    const tiles = catalog.layers.find((l) => l.type === '3dtiles')!;
    expect(tiles).toMatchObject({ url: 'tileset.json', group: { de: 'Stadtmodell', en: 'City model' }, title: { de: 'Gebäude (LoD2)', en: 'Buildings (LoD2)' }, role: 'buildings' });
    expect(catalog.layers.find((l) => l.role === 'buildingFootprints')).toMatchObject({ url: 'buildings.geojson', defaultVisible: false, type: 'geojson-polygons' });
    expect(catalog.home.lon).toBeGreaterThan(0);
  });
});
