import { describe, expect, it } from 'vitest';
import { guessLayerRole } from '../../../src/core/vector/guessLayerRole';
import type { VectorLayer } from '../../../src/core/model/VectorLayer';

const square = { type: 'Polygon' as const, coordinates: [[[10, 53.5], [10.001, 53.5], [10.001, 53.501], [10, 53.5]]] };
const layer = (name: string, properties: Record<string, unknown>, geometry: VectorLayer['features'][number]['geometry'] = square): VectorLayer => ({
  name,
  format: 'geojson',
  features: [{ type: 'Feature', properties, geometry }],
});

describe('guessLayerRole on dropped content', () => {
  it('polygons with normalised Festsetzungen (landUse + GRZ/GFZ/storeys) are Baugebiete, whatever the file is called', () => {
    expect(guessLayerRole(layer('export_3', { landUse: 'WA', grz: 0.4, gfz: 1.2 }))).toBe('zoning');
    expect(guessLayerRole(layer('Grünflächen', { landUse: 'MI', maxStoreys: 4 }))).toBe('zoning');
    // Without limits they stay what the name says; points are never Baugebiete; nothing recognised is 'other'.
    expect(guessLayerRole(layer('Grünflächen', { landUse: 'MI' }))).toBe('green');
    expect(guessLayerRole(layer('punkte', { landUse: 'WA', grz: 0.4 }, { type: 'Point', coordinates: [10, 53.5] }))).toBe('other');
    expect(guessLayerRole(layer('export_4', { a: 1 }))).toBe('other');
  });
});
