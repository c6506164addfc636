import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal } from './citymodelTestUtils';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { CityModelCollector } from '../../../src/core/tiles/CityModelCollector';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';

/** A CityGML 2.0 document around some building members (generated in the test). */
function cityModel(members: string, srs = 'EPSG:25832'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
<gml:boundedBy><gml:Envelope srsName="${srs}" srsDimension="3"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>
${members}
</core:CityModel>`;
}

/** An LoD1 box as a gml:Solid; `ring` formats one ring's corner list. */
function box(id: string, x: number, y: number, w: number, h: number, ring: (pts: number[][]) => string): string {
  const z0 = 10, z1 = 10 + h;
  const c = [[x, y], [x + w, y], [x + w, y + w], [x, y + w]];
  const faces: number[][][] = [
    [...c].reverse().map(([a, b]) => [a, b, z0]),
    c.map(([a, b]) => [a, b, z1]),
    ...c.map((p, i) => {
      const q = c[(i + 1) % 4];
      return [[p[0], p[1], z0], [q[0], q[1], z0], [q[0], q[1], z1], [p[0], p[1], z1]];
    }),
  ];
  const polys = faces.map((f) => `<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>${ring([...f, f[0]])}</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>`).join('');
  return `<core:cityObjectMember><bldg:Building gml:id="${id}"><bldg:storeysAboveGround>3</bldg:storeysAboveGround><bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>${polys}</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid></bldg:Building></core:cityObjectMember>`;
}

async function read(chunks: Iterable<string>) {
  const report = new ReportBuilder();
  const c = new CityModelCollector(report);
  const res = await readCityGml(chunks, { file: 'test.gml', report, onBuilding: (b) => c.add(b) });
  return { report, c, res };
}

describe('GML coordinate encodings and LoD1 solids', () => {
  it('reads gml:pos, gml:coordinates and posList; classifies LoD1 faces by normal', async () => {
    const pos = (pts: number[][]) => pts.map((p) => `<gml:pos>${p.join(' ')}</gml:pos>`).join('');
    const coords = (pts: number[][]) => `<gml:coordinates>${pts.map((p) => p.join(',')).join(' ')}</gml:coordinates>`;
    const posList = (pts: number[][]) => `<gml:posList srsDimension="3">${pts.flat().join(' ')}</gml:posList>`;
    const x0 = 566000, y0 = 5933000;
    const doc = cityModel(box('A', x0, y0, 10, 9, pos) + box('B', x0 + 50, y0, 12, 15, coords) + box('C', x0 + 100, y0, 8, 6, posList));
    const { report, c, res } = await read([doc]);
    expect(res.version).toBe('2.0');
    expect(report.issues).toEqual([]);
    const byId = Object.fromEntries(c.footprints.map((f) => [f.properties.id, f.properties]));
    expect(byId.A.heightM).toBeCloseTo(9, 6);
    expect(byId.B.heightM).toBeCloseTo(15, 6);
    expect(byId.C.heightM).toBeCloseTo(6, 6);
    expect(byId.A.groundHeightM).toBe(10);
    expect(byId.A.storeysAboveGround).toBe(3);
    // LoD1: flat top classified as roof → eave = ridge = height; no LoD2 roofs list.
    expect(byId.B.eaveHeightM).toBeCloseTo(15, 6);
    expect(byId.B.roofs).toBeUndefined();
    expect(byId.B.lod).toBe(1);
    // Footprint from the bottom face: one closed square ring.
    const ring = c.footprints.find((f) => f.properties.id === 'B')!.geometry.coordinates[0] as number[][];
    expect(ring).toHaveLength(5);
  });
});

describe.skipIf(!hasReal)('streaming is chunk-boundary safe', () => {
  it('the NRW tile split into 997-character chunks gives the same buildings as one string', async () => {
    const text = await readFile(path.join(REAL, 'nrw-lod2/LoD2_32_325_5732_1_NW.gml'), 'utf8');
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 997) chunks.push(text.slice(i, i + 997));
    const whole = await read([text]);
    const split = await read(chunks);
    expect(split.res.buildings).toBe(45);
    expect(split.c.footprints.map((f) => f.properties)).toEqual(whole.c.footprints.map((f) => f.properties));
    const meshes = (c: typeof split.c) => Array.from({ length: c.count }, (_, i) => Array.from(c.store.load(i).positions));
    expect(meshes(split.c)).toEqual(meshes(whole.c));
  });
});

describe.skipIf(!hasReal)('convertCityModel (in memory, for a browser worker)', () => {
  it('converts CityGML chunks and CityJSON text into one tileset without a file system', async () => {
    const { convertCityModel } = await import('../../../src/core/convert/convertCityModel');
    const gml = await readFile(path.join(REAL, 'nrw-lod2/LoD2_32_330_5730_1_NW.gml'), 'utf8');
    const cj = await readFile(path.join(REAL, 'cityjson-nl/DH_01_subs.city.json'), 'utf8');
    const onlyGml = await convertCityModel([{ kind: 'citygml', file: 'a.gml', chunks: [gml.slice(0, 30000), gml.slice(30000)] }]);
    expect(onlyGml.report.counts).toEqual({ 'bldg:Building': 4, 'bldg:BuildingPart': 2 });
    expect(onlyGml.footprints.features).toHaveLength(4);
    expect(onlyGml.tiles.size).toBeGreaterThan(0);
    expect((onlyGml.tileset as { asset: { version: string } }).asset.version).toBe('1.1');
    // The crs option applies to every input, so the RD New file is converted on its own.
    const nl = await convertCityModel([{ kind: 'cityjson', file: 'dh.json', text: cj }], { crs: 'EPSG:28992' });
    expect(nl.report.counts).toEqual({ Building: 4, BuildingPart: 8 });
    const none = await convertCityModel([{ kind: 'cityjson', file: 'dh.json', text: cj }]);
    expect(none.tileset).toBeUndefined();
    expect(none.report.issues[0].reason).toMatch(/declares no CRS/);
  });
});

describe.skipIf(!hasReal)('parseNumbers', () => {
  it('equals Number() on every coordinate of a real tile, and on edge cases', async () => {
    const { parseNumbers } = await import('../../../src/core/gml/parseNumbers');
    const text = await readFile(path.join(REAL, 'nrw-lod2/LoD2_32_327_5733_1_NW.gml'), 'utf8');
    let count = 0;
    for (const m of text.matchAll(/<gml:posList[^>]*>([^<]*)</g)) {
      const expected = m[1].trim().split(/\s+/).map(Number);
      expect(parseNumbers(m[1])).toEqual(expected);
      count += expected.length;
    }
    expect(count).toBeGreaterThan(50_000);
    expect(parseNumbers(' -1.5e3\n+2 .5 7. 1234567890.1234567 33089x.2 ')).toEqual([-1500, 2, 0.5, 7, 1234567890.1234567, NaN]);
  });
});
