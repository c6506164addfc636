import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../src/core/model/Catalog';
import { mostSpecificFeature } from '../../../../src/state/tools/mostSpecificFeature';

// The demo catalog's roles (npm run demo-data): the plan area encloses the Baugebiete, the base map everything.
const catalog = JSON.parse(readFileSync('data/demo/catalog.json', 'utf8')) as Catalog;
const roleOf = (id: string) => catalog.layers.find((l) => l.id === id)?.role;

describe('mostSpecificFeature', () => {
  it('looks through a plan area and the base map to the Baugebiet under the finger', () => {
    expect([roleOf('bplan-plan-areas'), roleOf('basemap'), roleOf('bplan-baugebiete')]).toEqual(['plan', 'base', 'zoning']);
    const under = [{ layerId: 'bplan-plan-areas', featureId: 'plan' }, { layerId: 'basemap', featureId: 'block' }, { layerId: 'bplan-baugebiete', featureId: 'WA1' }];
    expect(mostSpecificFeature(under, roleOf)).toEqual({ layerId: 'bplan-baugebiete', featureId: 'WA1' });
  });

  it('keeps the front feature when it is specific, and the plan when nothing else is there', () => {
    const building = { layerId: 'buildings', featureId: 'B1' }, zone = { layerId: 'bplan-baugebiete', featureId: 'WA1' };
    expect(mostSpecificFeature([building, zone], roleOf)).toBe(building);
    const plan = { layerId: 'bplan-plan-areas', featureId: 'plan' };
    expect(mostSpecificFeature([plan], roleOf)).toBe(plan);
    expect(mostSpecificFeature([], roleOf)).toBeUndefined();
  });
});
