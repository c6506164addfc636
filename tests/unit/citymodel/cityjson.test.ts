import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal, runConvert } from './citymodelTestUtils';
import { readCityJson } from '../../../src/core/cityjson/readCityJson';
import { CityModelCollector } from '../../../src/core/tiles/CityModelCollector';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import type { BuildingCollection } from '../../../src/core/model/Building';

// SOURCES.md: counts and WGS84 boxes (RD New: ±2 m because of the towgs84 datum shift).
const CASES = [
  { file: 'cityjson-nl/rotterdam_subset.json', buildings: 16, parts: 0, wgs: [4.44917, 4.45722, 51.90529, 51.90925], rd: [90454.189, 91002.419, 435614.88, 436048.217] },
  { file: 'cityjson-nl/multi_lod.json', buildings: 10, parts: 0, wgs: [5.36262, 5.36949, 51.71622, 51.72094], rd: [153301.4, 153776.283, 414163.473, 414688.436] },
  { file: 'cityjson-nl/DH_01_subs.city.json', buildings: 4, parts: 8, wgs: [4.27217, 4.27347, 52.103, 52.10636], rd: [78612.169, 78695.679, 457782.107, 458154.974] },
];

async function read(file: string, opts: { crs?: string; lod?: string } = {}) {
  const report = new ReportBuilder();
  const c = new CityModelCollector(report, { crs: opts.crs });
  const res = readCityJson(await readFile(path.join(REAL, file), 'utf8'), { file: path.basename(file), report, crs: opts.crs, lod: opts.lod, onBuilding: (b) => c.add(b) });
  return { report, c, res };
}

describe.skipIf(!hasReal)('readCityJson on the Dutch CityJSON samples', () => {
  for (const k of CASES) {
    it(`${k.file}: ${k.buildings} buildings + ${k.parts} parts with --crs EPSG:28992, bbox within 2 m`, async () => {
      const { report, c, res } = await read(k.file, { crs: 'EPSG:28992' });
      expect(res.buildings).toBe(k.buildings);
      expect(res.parts).toBe(k.parts);
      expect(c.count).toBe(k.buildings);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const nb = c.nativeBbox.get('EPSG:28992')!;
      expect(nb[0]).toBeGreaterThanOrEqual(k.rd[0] - 1e-3);
      expect(nb[3]).toBeLessThanOrEqual(k.rd[1] + 1e-3);
      expect(nb[1]).toBeGreaterThanOrEqual(k.rd[2] - 1e-3);
      expect(nb[4]).toBeLessThanOrEqual(k.rd[3] + 1e-3);
      const bb = c.bbox!;
      const mLon = 111_200 * Math.cos((bb[1] * Math.PI) / 180);
      // Per-vertex bbox inside the SOURCES.md box (corners of the RD bbox) give or take 2 m.
      expect(bb[0]).toBeGreaterThan(k.wgs[0] - 2 / mLon);
      expect(bb[2]).toBeLessThan(k.wgs[1] + 2 / mLon);
      expect(bb[1]).toBeGreaterThan(k.wgs[2] - 2 / 111_200);
      expect(bb[3]).toBeLessThan(k.wgs[3] + 2 / 111_200);
    });
  }

  it('no referenceSystem and no --crs: a clear error naming the file, nothing converted', async () => {
    const { report, c } = await read('cityjson-nl/rotterdam_subset.json');
    expect(c.count).toBe(0);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ file: 'rotterdam_subset.json', severity: 'error' });
    expect(report.issues[0].reason).toMatch(/rotterdam_subset\.json declares no CRS.*--crs/);
    const cli = await runConvert('cityjson', [path.join(REAL, 'cityjson-nl/rotterdam_subset.json')]);
    expect(cli.report.counts).toEqual({});
  });

  it('LoD choice: highest by default (2.2 with roofs), --lod 1.2 gives LoD1.2 prisms', async () => {
    const hi = await read('cityjson-nl/multi_lod.json', { crs: 'EPSG:28992' });
    const lo = await read('cityjson-nl/multi_lod.json', { crs: 'EPSG:28992', lod: '1.2' });
    expect(hi.c.footprints.every((f) => f.properties.lod === 2.2)).toBe(true);
    expect(lo.c.footprints.every((f) => f.properties.lod === 1.2)).toBe(true);
    // LoD1.2 is flat-topped: eave = ridge; LoD2.2 has pitched roofs on some buildings.
    expect(lo.c.footprints.every((f) => Math.abs((f.properties.ridgeHeightM ?? 0) - (f.properties.eaveHeightM ?? 0)) < 0.01)).toBe(true);
    expect(hi.c.footprints.some((f) => (f.properties.ridgeHeightM ?? 0) - (f.properties.eaveHeightM ?? 0) > 1)).toBe(true);
    expect(hi.c.footprints[0].properties.attributes?.identificatie).toMatch(/^NL\.IMBAG\.Pand\./);
  });

  it('converts to a tileset with roof and wall semantics and RD ground heights (NAP)', async () => {
    const { out, report } = await runConvert('cityjson', [path.join(REAL, 'cityjson-nl/DH_01_subs.city.json')], {}, 'EPSG:28992');
    expect(report.counts).toEqual({ Building: 4, BuildingPart: 8 });
    const fc = JSON.parse(await readFile(path.join(out, 'buildings.geojson'), 'utf8')) as BuildingCollection;
    expect(fc.features).toHaveLength(4);
    for (const f of fc.features) {
      expect(f.properties.groundHeightM).toBeGreaterThan(3);
      expect(f.properties.roofs?.length).toBeGreaterThan(0);
      expect(f.properties.roofType).toBeDefined();
    }
  });
});
