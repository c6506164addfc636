import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal, runConvert } from './citymodelTestUtils';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { CityModelCollector } from '../../../src/core/tiles/CityModelCollector';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { makeTransform } from '../../../src/core/crs';
import type { BuildingCollection } from '../../../src/core/model/Building';

// Reference values from ../shared/data/real/SOURCES.md: counts, native bbox (x, y, z) and
// the WGS84 box there (computed from the four transformed corners of the native bbox).
const CASES = [
  { file: 'nrw-lod2/LoD2_32_327_5733_1_NW.gml', buildings: 222, parts: 33, crs: 'EPSG:25832', v: 'DHHN2016', native: [327418.206, 327998.537, 5733038.862, 5733992.584, 16.138, 37.676], wgs: [6.50089, 6.50976, 51.72168, 51.73043] },
  { file: 'nrw-lod2/LoD2_32_327_5732_1_NW.gml', buildings: 16, parts: 0, crs: 'EPSG:25832', v: 'DHHN2016', native: [326994.088, 327978.457, 5732059.036, 5732553.784, 16.608, 32.047], wgs: [6.49547, 6.50995, 51.71275, 51.7175] },
  { file: 'nrw-lod2/LoD2_32_325_5732_1_NW.gml', buildings: 45, parts: 14, crs: 'EPSG:25832', v: 'DHHN2016', native: [324991.552, 325567.535, 5732232.887, 5732934.549, 16.462, 38.892], wgs: [6.46632, 6.475, 51.71369, 51.72018] },
  { file: 'nrw-lod2/LoD2_32_330_5730_1_NW.gml', buildings: 4, parts: 2, crs: 'EPSG:25832', v: 'DHHN2016', native: [330889.815, 330948.916, 5730079.581, 5730102.85, 21.736, 70.93], wgs: [6.553, 6.55387, 51.69616, 51.69639] },
  { file: 'hh-lod2-cut/test/test_data.xml', buildings: 2, parts: 0, crs: 'EPSG:25832', v: 'DHHN92', native: [466464.832, 466893.299, 5974104.535, 5974288.704, 1.888, 11.034], wgs: [8.48943, 8.49597, 53.91427, 53.91596] },
  { file: 'hh-lod2-cut/test/data1/test_data.xml', buildings: 2, parts: 0, crs: 'EPSG:25832', v: 'DHHN2016', native: [587395.064, 587497.79, 5922746.722, 5922961.178, 7.019, 18.031], wgs: [10.31591, 10.31751, 53.44647, 53.44841] },
  { file: 'berlin-citygml2-3/Berlin_Moabit_1Bldg_v2.gml', buildings: 1, parts: 0, crs: 'EPSG:25833', v: 'DHHN92', native: [388662.28, 388694.341, 5818795.001, 5818814.489, 33.05, 37.136], wgs: [13.3595, 13.35998, 52.50789, 52.50808] },
  { file: 'berlin-citygml2-3/Berlin_Moabit_1Bldg_v3.gml', buildings: 1, parts: 0, crs: 'EPSG:25833', v: 'DHHN92', native: [388662.28, 388694.341, 5818795.001, 5818814.489, 33.05, 37.136], wgs: [13.3595, 13.35998, 52.50789, 52.50808] },
];

const M_PER_DEG_LAT = 111_200;

describe.skipIf(!hasReal)('readCityGml on the real CityGML files', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.buildings} buildings / ${c.parts} parts, CRS ${c.crs} + ${c.v}, bbox as in SOURCES.md`, async () => {
      const report = new ReportBuilder();
      const collector = new CityModelCollector(report);
      const res = await readCityGml(createReadStream(path.join(REAL, c.file), 'utf8') as AsyncIterable<string>, { file: path.basename(c.file), report, onBuilding: (b) => collector.add(b) });
      expect(res.broken).toBe(false);
      expect(res.buildings).toBe(c.buildings);
      expect(res.parts).toBe(c.parts);
      expect(collector.count).toBe(c.buildings);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(collector.crsUsed).toMatchObject({ code: c.crs, verticalDatum: c.v, from: 'file' });
      // Native bbox of the converted geometry equals SOURCES.md (mm).
      const nb = collector.nativeBbox.get(c.crs)!;
      expect(nb[0]).toBeCloseTo(c.native[0], 2);
      expect(nb[3]).toBeCloseTo(c.native[1], 2);
      expect(nb[1]).toBeCloseTo(c.native[2], 2);
      expect(nb[4]).toBeCloseTo(c.native[3], 2);
      expect(nb[2]).toBeCloseTo(c.native[4], 2);
      expect(nb[5]).toBeCloseTo(c.native[5], 2);
      // WGS84: SOURCES.md transformed the native bbox corners; do the same with our bbox (≤ 1 m) …
      const t = makeTransform(c.crs, 'EPSG:4326');
      const corners = [t([nb[0], nb[1]]), t([nb[0], nb[4]]), t([nb[3], nb[1]]), t([nb[3], nb[4]])];
      const box = [Math.min(...corners.map((p) => p[0])), Math.max(...corners.map((p) => p[0])), Math.min(...corners.map((p) => p[1])), Math.max(...corners.map((p) => p[1]))];
      const mPerDegLon = M_PER_DEG_LAT * Math.cos((box[2] * Math.PI) / 180);
      // SOURCES.md rounds to 1e-5° (≈ 0.7–1.1 m), hence the 1 m + rounding tolerance.
      expect(Math.abs(box[0] - c.wgs[0]) * mPerDegLon).toBeLessThan(1.5);
      expect(Math.abs(box[1] - c.wgs[1]) * mPerDegLon).toBeLessThan(1.5);
      expect(Math.abs(box[2] - c.wgs[2]) * M_PER_DEG_LAT).toBeLessThan(1.5);
      expect(Math.abs(box[3] - c.wgs[3]) * M_PER_DEG_LAT).toBeLessThan(1.5);
      // … and the exact per-vertex WGS84 bbox of the buildings lies inside that corner box.
      const bb = collector.bbox!;
      expect(bb[0]).toBeGreaterThanOrEqual(box[0] - 1e-8);
      expect(bb[2]).toBeLessThanOrEqual(box[1] + 1e-8);
      expect(bb[1]).toBeGreaterThanOrEqual(box[2] - 1e-8);
      expect(bb[3]).toBeLessThanOrEqual(box[3] + 1e-8);
    });
  }

  it('extracts attributes: measuredHeight, roofType, function, xAL addresses, generic attributes', async () => {
    const read = async (file: string) => {
      const report = new ReportBuilder();
      const c = new CityModelCollector(report);
      await readCityGml([await readFile(path.join(REAL, file), 'utf8')], { file, report, onBuilding: (b) => c.add(b) });
      return c.footprints.map((f) => f.properties);
    };
    const tall = (await read('nrw-lod2/LoD2_32_330_5730_1_NW.gml')).find((p) => p.measuredHeightM === 49.189);
    expect(tall).toBeDefined();
    expect(tall!.heightM).toBeGreaterThan(45);
    const nrw = await read('nrw-lod2/LoD2_32_327_5733_1_NW.gml');
    expect(new Set(nrw.map((p) => p.roofType))).toEqual(new Set(['1000', '2100', '3100', '3200', '5000', '9999']));
    expect(nrw.filter((p) => p.address).length).toBeGreaterThan(150);
    expect(nrw.find((p) => p.function === '31001_1010')?.functionLabel).toBe('Wohnhaus');
    expect(nrw.find((p) => p.roofType === '3100')?.roofTypeLabel).toBe('Satteldach');
    expect(nrw[0].attributes?.Gemeindeschluessel).toMatch(/^05170/);
    const hh = await read('hh-lod2-cut/test/data1/test_data.xml');
    expect(hh.map((p) => p.address)).toEqual(expect.arrayContaining([expect.stringContaining('Escheburger Weg')]));
    expect(hh.every((p) => p.address?.endsWith('21039 Hamburg'))).toBe(true);
    expect(hh.map((p) => p.roofType).sort()).toEqual(['1000', '3100']);
    const berlin2 = (await read('berlin-citygml2-3/Berlin_Moabit_1Bldg_v2.gml'))[0];
    const berlin3 = (await read('berlin-citygml2-3/Berlin_Moabit_1Bldg_v3.gml'))[0];
    expect(berlin2.address).toBeTruthy();
    expect(berlin3.address).toBe(berlin2.address);
    expect(berlin3.heightM).toBeCloseTo(berlin2.heightM, 2);
    expect(berlin3.groundHeightM).toBeCloseTo(berlin2.groundHeightM, 2);
  });

  it('LoD2 roofs and heights: ground is the lowest ground point, heights above it, eave ≤ ridge', async () => {
    const { out, report } = await runConvert('citygml', [path.join(REAL, 'hh-lod2-cut/test/test_data.xml')]);
    expect(report.counts['bldg:Building']).toBe(2);
    const fc = JSON.parse(await readFile(path.join(out, 'buildings.geojson'), 'utf8')) as BuildingCollection;
    for (const f of fc.features) {
      const p = f.properties;
      expect(p.groundHeightM).toBeGreaterThan(1.8);
      expect(p.groundHeightM).toBeLessThan(3);
      expect(p.roofs?.length).toBeGreaterThan(0);
      expect(p.eaveHeightM!).toBeLessThanOrEqual(p.ridgeHeightM!);
      expect(p.ridgeHeightM).toBeCloseTo(p.heightM, 3);
      for (const r of p.roofs!) for (const [lon, lat, h] of r) {
        expect(lon).toBeGreaterThan(8.48);
        expect(lat).toBeGreaterThan(53.9);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(p.heightM + 0.006); // roofs are rounded to cm
      }
      // measuredHeight of AdV data is ridge minus ground (within a few decimetres).
      expect(Math.abs(p.heightM - p.measuredHeightM!)).toBeLessThan(0.6);
    }
  });
});
