import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSunHours, frameAroundFeatures, prepareBuildings, type Grid } from '../../../src/core/analysis';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import type { BuildingFeature } from '../../../src/core/model/Building';
import { CityModelCollector } from '../../../src/core/tiles/CityModelCollector';
import { compareWithRayCast } from './referenceSunHours';

const real = path.resolve(process.cwd(), '../shared/data/real');
const nrw = path.join(real, 'nrw-lod2/LoD2_32_327_5733_1_NW.gml');
const hh = [path.join(real, 'hh-lod2-cut/test/test_data.xml'), path.join(real, 'hh-lod2-cut/test/data1/test_data.xml')];
const exists = existsSync(nrw) && hh.every(existsSync);
if (!exists) console.warn(`sunHoursReal: skipped, real CityGML not found under ${real}`);

/** buildings.geojson features exactly as the city-model converter writes them (its core API). */
async function convertBuildings(files: string[]): Promise<BuildingFeature[]> {
  const report = new ReportBuilder();
  const out: BuildingFeature[] = [];
  const collector = new CityModelCollector(report, { onFootprint: (f) => out.push(f) });
  for (const f of files) {
    const stream = createReadStream(f, { encoding: 'utf8', highWaterMark: 1 << 20 });
    await readCityGml(stream as AsyncIterable<string>, { file: path.basename(f), report, onBuilding: (b) => collector.add(b) });
  }
  return out;
}

describe.skipIf(!exists)('sun hours on real LoD2 buildings (converted from CityGML) against the ray-cast reference', () => {
  it('NRW (LoD2_32_327_5733): ≥ 99.9 % of ground cells identical, the rest within one step', async () => {
    const features = await convertBuildings([nrw]);
    const frame = frameAroundFeatures(features);
    const { solids, skipped } = prepareBuildings(features, frame);
    expect(solids.filter((s) => s.lod2).length).toBeGreaterThan(100);
    expect(skipped.length).toBeLessThan(features.length * 0.01);
    // The densest 240 m × 240 m window: around the median building centre.
    const xs = solids.map((s) => (s.minX + s.maxX) / 2).sort((a, b) => a - b);
    const ys = solids.map((s) => (s.minY + s.maxY) / 2).sort((a, b) => a - b);
    const cx = Math.round(xs[xs.length >> 1]), cy = Math.round(ys[ys.length >> 1]);
    const grid: Grid = { x0: cx - 120, y0: cy - 120, cellM: 1, nx: 240, ny: 240 };
    for (const date of ['2026-03-21', '2026-12-21']) {
      const r = computeSunHours(solids, { date, grid, frame, stepMin: 20 });
      const inWindow = r.building.reduce((s, v) => s + v, 0);
      expect(inWindow).toBeGreaterThan(2000);
      const c = compareWithRayCast(solids, r, frame);
      console.log(`NRW ${date}: ${c.cells} ground cells, ${(100 * c.share).toFixed(3)} % identical, max diff ${c.maxStepDiff} step(s)`);
      expect(c.share).toBeGreaterThanOrEqual(0.999);
      expect(c.maxStepDiff).toBeLessThanOrEqual(1);
    }
  });

  it('Hamburg (hh-lod2-cut, 2016 and 2023 tiles): identical to the reference', async () => {
    for (const f of hh) {
      const features = await convertBuildings([f]);
      expect(features.length).toBe(2);
      const frame = frameAroundFeatures(features);
      const { solids } = prepareBuildings(features, frame);
      expect(solids.some((s) => s.lod2)).toBe(true);
      for (const s of solids) {
        const grid: Grid = { x0: Math.floor(s.minX) - 40, y0: Math.floor(s.minY) - 40, cellM: 0.5, nx: Math.ceil((s.maxX - s.minX + 80) / 0.5), ny: Math.ceil((s.maxY - s.minY + 80) / 0.5) };
        const r = computeSunHours(solids, { date: '2026-03-21', grid, frame, stepMin: 10 });
        const c = compareWithRayCast(solids, r, frame);
        expect(c.share).toBeGreaterThanOrEqual(0.999);
        expect(c.maxStepDiff).toBeLessThanOrEqual(1);
      }
    }
  });
});
