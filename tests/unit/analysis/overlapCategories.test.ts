import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaByGroup, groupShares, overlapGroupProperty, runOverlaps } from '../../../src/core/analysis';

const sq = (x0: number, y0: number, d: number, props: Record<string, unknown>): GeoJSON.Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] },
});

describe('overlapGroupProperty', () => {
  it('picks the first category key most features carry', () => {
    expect(overlapGroupProperty([sq(0, 0, 1, { landUse: 'WA', gliederung1: 'WA 1' }), sq(0, 0, 1, { landUse: 'MI' })])).toBe('gliederung1');
    expect(overlapGroupProperty([sq(0, 0, 1, { landUse: 'WA' }), sq(0, 0, 1, { landUse: 'MI' }), sq(0, 0, 1, { gliederung1: 'x' })])).toBe('landUse');
    expect(overlapGroupProperty([sq(0, 0, 1, { name: 'a' })])).toBeUndefined();
    expect(overlapGroupProperty([])).toBeUndefined();
  });
});

describe('groupShares', () => {
  it('divides each pair area by the category areas', () => {
    const g = groupShares([{ aGroup: 'WA', bGroup: '', areaM2: 25, pairs: 1 }], areaByGroup([{ group: 'WA', areaM2: 60 }, { group: 'WA', areaM2: 40 }]), new Map([['', 50]]));
    expect(g[0].shareOfA).toBeCloseTo(0.25, 12);
    expect(g[0].shareOfB).toBeCloseTo(0.5, 12);
    expect(groupShares([{ aGroup: 'X', bGroup: 'Y', areaM2: 1, pairs: 1 }], new Map(), new Map())[0].shareOfA).toBe(0);
  });

  it('runOverlaps reports group shares that match the pairs (two squares, a quarter overlapping)', () => {
    // 0.001° squares near Hamburg; B is shifted by half a side in x and y.
    const a = { type: 'FeatureCollection' as const, features: [sq(10, 53.5, 0.001, { landUse: 'WA' })] };
    const b = { type: 'FeatureCollection' as const, features: [sq(10.0005, 53.5005, 0.001, { art: 'HQ100' })] };
    const r = runOverlaps({ a, b, groupA: 'landUse', groupB: 'art' });
    expect(r.groupShares).toHaveLength(1);
    expect(r.groupShares![0].shareOfA).toBeCloseTo(r.pairs[0].shareOfA, 9);
    expect(r.groupShares![0].shareOfA).toBeCloseTo(0.25, 2);
    expect(r.groupShares![0].shareOfB).toBeCloseTo(0.25, 2);
  });

  const demo = 'data/demo/baugebiete.geojson';
  it.runIf(existsSync(demo))('demo: Baugebiete × flood zone, group shares equal the summed pair shares of one-feature categories', () => {
    const a = JSON.parse(readFileSync(demo, 'utf8'));
    const b = JSON.parse(readFileSync('data/demo/flood.geojson', 'utf8'));
    const ga = overlapGroupProperty(a.features), gb = overlapGroupProperty(b.features);
    expect(ga).toBe('gliederung1');
    const r = runOverlaps({ a, b, groupA: ga, groupB: gb });
    expect(r.groups.length).toBeGreaterThan(0);
    const sumB = r.groupShares!.reduce((s, g) => s + g.shareOfB, 0);
    expect(sumB).toBeCloseTo(r.pairs.reduce((s, p) => s + p.shareOfB, 0), 9);
  });
});
