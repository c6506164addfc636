import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { generateDistrict } from '../../../scripts/demo/generateDistrict';
import { writeBaseMap } from '../../../scripts/demo/writeBaseMap';
import { readVectorFile } from '../../../src/core/vector/readVectorFile';
import { vectorCatalogLayer } from '../../../src/core/vector/vectorCatalogLayer';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { analysisInputs } from '../../../src/core/analysis/analysisInputs';

describe('demo base map (offline streets with names, blocks, water)', () => {
  const d = generateDistrict();
  const text = writeBaseMap(d)['basemap.geojson'];
  const fc = JSON.parse(text) as FeatureCollection<Polygon>;
  const kinds = (k: string) => fc.features.filter((f) => f.properties!.kind === k);

  it('has land around the district, every block, every street segment and the canal; each street name is labelled once', () => {
    expect(kinds('land')).toHaveLength(1);
    expect(kinds('block').length + kinds('park').length).toBe(d.blocks.length);
    expect(kinds('street')).toHaveLength(d.streets.length);
    expect(kinds('water').map((f) => f.properties!.label)).toEqual(['Mühlenkanal']);
    const names = [...new Set(d.streets.map((s) => s.name))].sort();
    expect(kinds('street').map((f) => f.properties!.label).filter(Boolean).sort()).toEqual(names);
    // The land reaches 150 m beyond the 600 m × 500 m district: 900 m × 800 m = 720,000 m² (hand-computed).
    const [ring] = kinds('land')[0].geometry.coordinates;
    const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
    expect((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys))).toBeCloseTo(720_000, 3);
  });

  it('converts as a base layer: role and style `base`, opaque, never an analysis input', () => {
    const report = new ReportBuilder();
    const [layer] = readVectorFile(new TextEncoder().encode(text), { file: 'basemap.geojson' }, report);
    const entry = vectorCatalogLayer(layer, { id: 'basemap', sourceFile: 'basemap.geojson', role: 'base' });
    expect(entry).toMatchObject({ role: 'base', style: { kind: 'base' }, opacity: 1, type: 'geojson-polygons', group: { de: 'Basiskarten' } });
    const inputs = analysisInputs([entry]);
    expect([inputs.polygonLayers, inputs.sunZones, inputs.zoning]).toEqual([[], [], []]);
  });
});
