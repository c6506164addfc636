import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysisTestUtils';
import { runSunPointsSync } from '../../../src/core/analysis';
import { readTableInputs } from '../../../src/core/table/writeTable';
import type { BuildingCollection } from '../../../src/core/model/Building';

const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-sunpoints-'));
// The demo district (npm run demo-data; npm test makes it before the unit tests).
const bFile = 'data/demo/buildings.geojson';
const buildings = JSON.parse(readFileSync(bFile, 'utf8')) as BuildingCollection;


/** Midpoint of a building's first footprint edge. */
function wallMid(i: number): [number, number] {
  const g = buildings.features[i].geometry;
  const r = (g.type === 'Polygon' ? g.coordinates : g.coordinates[0])[0];
  return [(r[0][0] + r[1][0]) / 2, (r[0][1] + r[1][1]) / 2];
}

describe('npm run analyze -- sunpoints', () => {
  const features: GeoJSON.Feature[] = [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [10.0457, 53.5525] }, properties: { id: 'ground, centre' } },
    { type: 'Feature', id: 'fid', geometry: { type: 'Point', coordinates: [10.0445, 53.5490] }, properties: { heightM: 1.5 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: wallMid(10) }, properties: { id: 'wall-10', heightM: 4, buildingId: buildings.features[10].properties.id } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [10.0445, 53.549] }, properties: { id: 'facade-south', heightM: 2, facadeAzimuthDeg: 180 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [10.0445, 53.549] }, properties: { id: 'facade-north', heightM: 2, facadeAzimuthDeg: '0' } },
  ];
  const pFile = path.join(dir, 'points.geojson');
  writeFileSync(pFile, JSON.stringify({ type: 'FeatureCollection', features }));

  it('writes id,lon,lat,heightM,facadeAzimuthDeg,sunHours,meetsThreshold equal to the core call on the demo district', async () => {
    const out = path.join(dir, 'points.csv');
    const r = await analyze('sunpoints', '--buildings', bFile, '--points', pFile, '--date', '2026-03-21', '--step', '10', '--threshold', '1.5', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sunpoints: 5 points, \d with ≥ 1.5 h of sun on 2026-03-21/);
    const raw = readFileSync(out, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const { inputs, table: text } = readTableInputs(raw);
    // 21 March with 1.5 h is the DIN EN 17037 check: the file names it.
    expect(inputs).toMatchObject({ analysis: 'sunPoints', date: '2026-03-21', stepMin: '10', thresholdHours: '1.5', standard: 'DIN EN 17037 (03-21, ≥ 1.5 h)' });
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,lon,lat,heightM,facadeAzimuthDeg,sunHours,meetsThreshold');
    const core = runSunPointsSync({
      buildings,
      date: '2026-03-21',
      stepMin: 10,
      thresholdHours: 1.5,
      points: [
        { id: 'ground, centre', lonLat: [10.0457, 53.5525] },
        { id: 'fid', lonLat: [10.0445, 53.549], heightM: 1.5 },
        { id: 'wall-10', lonLat: wallMid(10), heightM: 4, onBuildingId: buildings.features[10].properties.id },
        { id: 'facade-south', lonLat: [10.0445, 53.549], heightM: 2, facadeAzimuthDeg: 180 },
        { id: 'facade-north', lonLat: [10.0445, 53.549], heightM: 2, facadeAzimuthDeg: 0 },
      ],
    });
    expect(lines).toHaveLength(6);
    core.points.forEach((p, i) => {
      const cells = lines[i + 1].match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      const [id, lon, lat, h, az, sun, meets] = cells;
      expect(id).toBe(p.id);
      expect(Number(lon)).toBeCloseTo(p.lonLat[0], 7);
      expect(Number(lat)).toBeCloseTo(p.lonLat[1], 7);
      expect(Number(h)).toBeCloseTo(p.heightM, 2);
      expect(az === '' ? null : Number(az)).toEqual(p.facadeAzimuthDeg === null ? null : expect.closeTo(p.facadeAzimuthDeg, 2));
      expect(Number(sun)).toBeCloseTo(p.sunHours, 4);
      expect(meets).toBe(String(p.meetsThreshold));
    });
    // The building click became a façade point on the wall; explicit façade normals at an open spot: south gets the whole equinox day, north none.
    expect(core.points[2].kind).toBe('facade');
    expect(core.points[3].sunHours).toBeGreaterThan(10);
    expect(core.points[4].sunHours).toBe(0);
  });

  it('writes GeoJSON points with the results; a non-Point feature and a missing --points are reported', async () => {
    const out = path.join(dir, 'points.geojson.out.geojson');
    expect((await analyze('sunpoints', '--buildings', bFile, '--points', pFile, '--date', '2026-06-21', '--out', out)).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection;
    expect(fc.features.map((f) => f.properties!.id)).toEqual(['ground, centre', 'fid', 'wall-10', 'facade-south', 'facade-north']);
    expect(fc.features.every((f) => f.geometry.type === 'Point' && typeof f.properties!.sunHours === 'number' && f.properties!.thresholdHours === 1.5)).toBe(true);
    const bad = path.join(dir, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [buildings.features[0]] }));
    const r = await analyze('sunpoints', '--buildings', bFile, '--points', bad, '--date', '2026-06-21', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.geojson: feature 0 is a Polygon, not a Point/);
    const u = await analyze('sunpoints', '--buildings', bFile, '--date', '2026-06-21', '--out', out);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--points is required/);
  });
});
