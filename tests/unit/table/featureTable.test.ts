import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureIdOf, featureTable } from '../../../src/core/table/featureTable';

const fc = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
const pt = (x: number, y: number): GeoJSON.Point => ({ type: 'Point', coordinates: [x, y] });

describe('featureTable', () => {
  it('reads the real Hamburg playgrounds: one row per feature, ids as the scene names them, text columns', () => {
    const data = JSON.parse(readFileSync('tests/fixtures/real/hh-playgrounds.first25.json', 'utf8')) as GeoJSON.FeatureCollection;
    const t = featureTable(data);
    expect(t.rows).toHaveLength(25);
    expect(t.rows[0].id).toBe('DE.HH.UP_SPIELPLAETZE_HH_101');
    // The GeoJSON ids come first, as a column people can search.
    expect(t.columns.map((c) => c.key)).toEqual(['id', 'name', 'beschreibung', 'link', 'bild', 'anbindung']);
    expect(t.columns.every((c) => c.kind === 'text')).toBe(true);
    expect(t.rows[0].cells.slice(0, 2)).toEqual(['DE.HH.UP_SPIELPLAETZE_HH_101', 'Spielpark Rissener Kuhle']);
    const [x, y] = (data.features[0].geometry as GeoJSON.Point).coordinates;
    expect(t.rows[0].bbox).toEqual([x, y, x, y]);
  });

  it('types columns by their values, flattens nested objects one level, leaves out coordinate lists and empty columns', () => {
    const t = featureTable(
      fc([
        { type: 'Feature', id: 7, geometry: pt(1, 2), properties: { h: 12.5, ok: true, mixed: 3, xp: { grz: 0.4, code: 'WA' }, roofs: [[[1, 2, 3]]], tags: ['a', 'b'], none: null } },
        { type: 'Feature', geometry: null as unknown as GeoJSON.Geometry, properties: { h: null, ok: false, mixed: 'drei', xp: { grz: 0.6 } } },
        { type: 'Feature', geometry: pt(3, 4), properties: { id: 'p3', h: 4 } },
      ]),
    );
    expect(t.columns).toEqual([
      { key: 'h', kind: 'number' },
      { key: 'ok', kind: 'boolean' },
      { key: 'mixed', kind: 'text' },
      { key: 'xp.grz', kind: 'number' },
      { key: 'xp.code', kind: 'text' },
      { key: 'tags', kind: 'text' },
      { key: 'id', kind: 'text' },
    ]);
    expect(t.rows.map((r) => r.id)).toEqual(['7', '#1', 'p3']);
    // A mixed column holds text, so it sorts and filters as text.
    expect(t.rows[0].cells).toEqual([12.5, true, '3', 0.4, 'WA', 'a, b', undefined]);
    expect(t.rows[1].cells).toEqual([undefined, false, 'drei', 0.6, undefined, undefined, undefined]);
    expect(t.rows[1].bbox).toBeUndefined();
    expect(t.rows[0].properties.roofs).toEqual([[[1, 2, 3]]]);
  });

  it('boxes polygons with holes and multi-geometries', () => {
    const t = featureTable(
      fc([
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 1], [0, 0]]], [[[5, -1], [6, -1], [6, 3], [5, -1]]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [pt(1, 1), { type: 'LineString', coordinates: [[-2, 0], [0, 5]] }] } },
      ]),
    );
    expect(t.rows[0].bbox).toEqual([0, -1, 6, 3]);
    expect(t.rows[1].bbox).toEqual([-2, 0, 1, 5]);
  });

  it('names features as the viewer does: id, else properties.id, else #index', () => {
    expect(featureIdOf({ id: 0, properties: { id: 'x' } }, 3)).toBe('0');
    expect(featureIdOf({ properties: { id: 'x' } }, 3)).toBe('x');
    expect(featureIdOf({ properties: null }, 3)).toBe('#3');
  });
});
