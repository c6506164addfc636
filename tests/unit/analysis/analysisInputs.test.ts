import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisInputs } from '../../../src/core/analysis/analysisInputs';
import type { Catalog, CatalogLayer } from '../../../src/core/model/Catalog';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { building } from '../scenario/fixtures';
import { connectAnalysisWorker } from './analysisTestUtils';

const layer = (id: string, role: CatalogLayer['role'], type: CatalogLayer['type'] = 'geojson-polygons'): CatalogLayer => ({
  id, role, type, url: `${id}.geojson`, title: { de: id, en: id }, group: { de: 'g', en: 'g' }, defaultVisible: false, attribution: '',
});

describe('analysisInputs: one role rule set for panel, comparison and worker', () => {
  it('buildings: footprints first, then a buildings GeoJSON layer, never 3D Tiles', () => {
    expect(analysisInputs([layer('t', 'buildings', '3dtiles'), layer('g', 'buildings'), layer('f', 'buildingFootprints')]).buildings?.id).toBe('f');
    expect(analysisInputs([layer('t', 'buildings', '3dtiles'), layer('g', 'buildings')]).buildings?.id).toBe('g');
    expect(analysisInputs([layer('t', 'buildings', '3dtiles')]).buildings).toBeUndefined();
  });

  it('Baugebiete: zoning layers, else plan polygon layers; Baugrenzen, parcels and sun zones by role', () => {
    const xplan = analysisInputs([layer('outline', 'plan'), layer('bg', 'zoning'), layer('lines', 'buildingLines', 'geojson-lines'), layer('ueb', 'buildableArea'), layer('p1', 'parcels'), layer('p2', 'parcels'), layer('play', 'playgrounds'), layer('green', 'green'), layer('trees', 'trees', 'geojson-points')]);
    expect(xplan.zoning.map((l) => l.id)).toEqual(['bg']);
    expect(xplan.buildingLines.map((l) => l.id)).toEqual(['lines', 'ueb']);
    expect(xplan.parcels?.id).toBe('p1');
    expect(xplan.sunZones.map((l) => l.id)).toEqual(['p1', 'p2', 'play', 'green']);
    expect(analysisInputs([layer('plan', 'plan'), layer('pts', 'plan', 'geojson-points')]).zoning.map((l) => l.id)).toEqual(['plan']);
  });

  it('the comparison in the worker reads a plan-only dataset (browser fixture) and counts proposed buildings without footprints', async () => {
    const catalog = JSON.parse(readFileSync('tests/browser/fixtures/fixture/catalog.json', 'utf8')) as Catalog;
    const w = connectAnalysisWorker(async (u) => JSON.parse(readFileSync(`tests/browser/fixtures/fixture/${new URL(u).pathname.split('/').pop()}`, 'utf8')));
    const { datasetId } = await w.rpc.request('dataset.open', { catalogUrl: 'http://x/data/fixture/catalog.json', layers: catalog.layers });
    // 600 m² of 6 storeys inside bp-wa-1 (limit 4 storeys) against Existing.
    const inWa: [number, number] = [9.9832, 53.5428];
    const after = { buildings: [building('n1', { footprint: rectangleFootprint(inWa, 30, 20), storeys: 6 })], demolishedIds: [] };
    const r = await w.rpc.request('compare', { dataset: { datasetId, variant: null }, params: { before: null, after } });
    expect(r.summary).toMatchObject({ hasFootprints: false, hasPlan: true, addedBuildingIds: ['n1'] });
    expect(r.summary.newConflicts).toContainEqual({ areaId: 'bp-wa-1', rule: 'storeys' });
    expect(r.layers).toEqual(['plan']);
    w.close();
  });
});
