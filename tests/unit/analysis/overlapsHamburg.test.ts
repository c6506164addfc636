import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { computeOverlaps, frameAroundFeatures, prepareLayer, type LayerItem } from '../../../src/core/analysis';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readVectorFile } from '../../../src/core/vector/readVectorFile';
import { planarGeometryArea as planarArea } from '../../../src/core/geometry/signedRingArea';
import { golden, readGolden, REGEN } from '../../support/golden';

const dir = path.resolve(process.cwd(), '../shared/data/real/hh-masterportal-wfs');
const exists = existsSync(path.join(dir, 'testFeaturesBplanMultiPolygon.xml'));
if (!exists) console.warn(`overlapsHamburg: skipped, ${dir} not found (real data lives in ../shared/data/real)`);

function read(file: string): GeoJSON.Feature[] {
  const layers = readVectorFile(new Uint8Array(readFileSync(path.join(dir, file))), { file }, new ReportBuilder());
  return layers.flatMap((l) => l.features) as GeoJSON.Feature[];
}

/**
 * The reference: turf.intersect on every box-overlapping pair, in the same
 * local metres, as "aIndex-bIndex" → m². Computed only with REGEN=1 (13 s)
 * and kept as a golden file, so the everyday run compares with turf's
 * numbers without running turf.
 */
function turfReference(name: string, a: { items: LayerItem[] }, b: { items: LayerItem[] }): Map<string, number> {
  const file = `tests/fixtures/golden/overlapsHamburg.${name}.json`;
  if (!REGEN) return new Map(Object.entries(JSON.parse(readGolden(file)) as Record<string, number>));
  const toTurf = (it: LayerItem) =>
    turf.multiPolygon(it.polygons.map((p) => p.map((ring) => { const o: number[][] = []; for (let i = 0; i < ring.length; i += 2) o.push([ring[i], ring[i + 1]]); o.push(o[0]); return o; })));
  const ref = new Map<string, number>();
  for (const x of a.items)
    for (const y of b.items) {
      if (x.maxX < y.minX || y.maxX < x.minX || x.maxY < y.minY || y.maxY < x.minY) continue;
      const t = turf.intersect(turf.featureCollection([toTurf(x), toTurf(y)]));
      const area = t ? planarArea(t.geometry) : 0;
      if (area > 1e-4) ref.set(`${x.index}-${y.index}`, area);
    }
  // One pair per line, areas to 1e-8 m² (far below the 0.05 m² tolerance): readable diffs.
  const lines = [...ref].map(([k, v]) => `  ${JSON.stringify(k)}: ${Number(v.toFixed(8))}`);
  golden(file, `{\n${lines.join(',\n')}\n}\n`);
  return ref;
}

/** Our overlaps vs turf.intersect on every box-overlapping pair (the golden made by turf), in the same local metres. */
function compareWithTurf(name: string, A: GeoJSON.Feature[], B: GeoJSON.Feature[], groupA: string, groupB: string) {
  const frame = frameAroundFeatures([...A, ...B]);
  const a = prepareLayer(A, frame, groupA);
  const b = prepareLayer(B, frame, groupB);
  expect(a.skipped).toEqual([]);
  expect(b.skipped).toEqual([]);
  const r = computeOverlaps(a, b);
  const ref = turfReference(name, a, b);
  expect(r.pairs.length).toBe(ref.size);
  let total = 0, refTotal = 0;
  for (const p of r.pairs) {
    const want = ref.get(`${p.aIndex}-${p.bIndex}`)!;
    // Both clippers round (clipper to a grid of 0.01–1 mm depending on the pair size): 1e-6
    // relative; slivers along boundaries drawn on top of each other (plan edge = district edge)
    // are rounding noise of up to a few hundredths of a m² in either clipper.
    expect(Math.abs(p.areaM2 - want)).toBeLessThan(0.05 + 1e-6 * want);
    expect(p.shareOfA).toBeLessThanOrEqual(1 + 1e-6);
    expect(p.shareOfB).toBeLessThanOrEqual(1 + 1e-6);
    total += p.areaM2;
    refTotal += want;
  }
  if (refTotal > 0) expect(Math.abs(total - refTotal) / refTotal).toBeLessThan(1e-6);
  return r;
}

describe.skipIf(!exists)('computeOverlaps on real Hamburg WFS data (read with the vector reader) against turf.intersect (a golden; REGEN=1 recomputes it with turf)', { timeout: REGEN ? 600_000 : 60_000 }, () => {
  const bplan = exists ? read('testFeaturesBplanMultiPolygon.xml') : [];
  const ausgleich = exists ? read('testFeaturesNaturschutzPolygon.xml') : [];
  const bezirke = exists ? read('districtFeatures.xml') : [];

  it('B-Plan areas × Ausgleichsflächen: the samples do not overlap, and both agree', () => {
    expect(bplan.length).toBe(209);
    expect(ausgleich.length).toBe(23);
    const r = compareWithTurf('bplan-ausgleich', bplan, ausgleich, 'planrecht', 'kompensationsmassnahme');
    expect(r.pairs).toHaveLength(0);
  });

  it('B-Plan areas × Bezirke (multipolygons with holes): same pairs and areas', () => {
    expect(bezirke.length).toBe(7);
    const r = compareWithTurf('bplan-bezirke', bplan, bezirke, 'planrecht', 'bezirk_name');
    expect(r.pairs.length).toBeGreaterThanOrEqual(209);
    expect(r.groups.length).toBeGreaterThan(100);
  });

  it('Ausgleichsflächen × Bezirke: same areas as turf, shares per compensation area add up to ≤ 1', () => {
    const r = compareWithTurf('ausgleich-bezirke', ausgleich, bezirke, 'kompensationsmassnahme', 'bezirk_name');
    const frame = frameAroundFeatures(ausgleich);
    const total = prepareLayer(ausgleich, frame).items.reduce((s, i) => s + i.areaM2, 0);
    // The districts do not overlap: shares of each compensation area add up to at most 1.
    const perA = new Map<number, number>();
    for (const p of r.pairs) perA.set(p.aIndex, (perA.get(p.aIndex) ?? 0) + p.shareOfA);
    for (const v of perA.values()) expect(v).toBeLessThanOrEqual(1 + 1e-6);
    const outside = [...perA.values()].filter((v) => v < 0.999).length;
    console.log(`Ausgleichsflächen × Bezirke: ${r.pairs.length} pairs, ${((100 * r.totalAreaM2) / total).toFixed(2)} % of the compensation area inside the districts, ${outside} of ${perA.size} areas partly outside`);
    expect(r.totalAreaM2 / total).toBeGreaterThan(0.95);
  });
});

