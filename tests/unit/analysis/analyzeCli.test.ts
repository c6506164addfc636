import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysisTestUtils';
import { runCompliance, runOverlaps, runShadows, runSunHoursSync } from '../../../src/core/analysis';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import { generateTiling } from '../../../scripts/bench/support/generateLayers';
import { wgs84ToUtm32 } from '../../../src/core/crs';
import { readTableInputs } from '../../../src/core/table/writeTable';

/** A CSV the CLI wrote: its `# key: value` inputs and the table after them. */
const readCsv = (file: string) => readTableInputs(readFileSync(file, 'utf8'));

const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-analyze-'));
const centre: [number, number] = [9.99, 53.55];
const buildings = generateDistrict({ centre, sizeM: 200, count: 160, seed: 21 });
const bFile = path.join(dir, 'buildings.geojson');
writeFileSync(bFile, JSON.stringify(buildings));


describe('npm run analyze', () => {
  it('sunhours writes x,y,lon,lat,sunHours per cell, identical to the core call', async () => {
    const out = path.join(dir, 'sun.csv');
    const bbox: [number, number, number, number] = [9.9888, 53.5493, 9.9912, 53.5507];
    const r = await analyze('sunhours', '--buildings', bFile, '--date', '2026-03-20', '--bbox', bbox.join(','), '--cell', '2', '--step', '10', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sunhours: \d+×\d+ cells of 2 m/);
    const { inputs, table } = readCsv(out);
    // The inputs the file was computed from, parsed back.
    expect(inputs).toEqual({ analysis: 'sunHours', dataset: 'buildings.geojson', date: '2026-03-20', stepMin: '10', cellM: '2', generator: 'Planlotse' });
    const lines = table.trim().split('\n');
    expect(lines[0]).toBe('x,y,lon,lat,sunHours,building');
    const core = runSunHoursSync({ buildings, date: '2026-03-20', bbox, cellM: 2, stepMin: 10 });
    expect(lines.length - 1).toBe(core.sunHours.length);
    let buildingCells = 0;
    for (let k = 0; k < core.sunHours.length; k++) {
      const [x, y, lon, lat, h, b] = lines[k + 1].split(',');
      // x, y are EPSG:25832 cell centres on the 2 m lattice; lon/lat map back onto them.
      expect(Number(x) % 2).toBe(1);
      const [e, n] = wgs84ToUtm32([Number(lon), Number(lat)]);
      expect(Math.abs(e - Number(x)) + Math.abs(n - Number(y))).toBeLessThan(0.02);
      if (b === '1') {
        buildingCells++;
        expect(h).toBe('');
        expect(Number.isNaN(core.sunHours[k])).toBe(true);
      } else expect(Number(h)).toBeCloseTo(core.sunHours[k], 4);
    }
    expect(buildingCells).toBeGreaterThan(100);
  });

  it('sunhours --zones --threshold writes per-polygon statistics (with the passing share) equal to the core call', async () => {
    const zones = generateTiling({ centre, sizeM: 120, nx: 2, ny: 1, seed: 6, groups: ['playground', 'green'], idPrefix: 'zone' });
    const zFile = path.join(dir, 'zones.geojson');
    writeFileSync(zFile, JSON.stringify(zones));
    const out = path.join(dir, 'sunz.csv');
    const bbox: [number, number, number, number] = [9.9888, 53.5493, 9.9912, 53.5507];
    const r = await analyze('sunhours', '--buildings', bFile, '--date', '2026-06-21', '--bbox', bbox.join(','), '--cell', '2', '--step', '15', '--zones', zFile, '--zone-group', 'group', '--threshold', '6', '--out', out);
    expect(r.code).toBe(0);
    const { inputs, table } = readCsv(path.join(dir, 'sunz.zones.csv'));
    expect(inputs).toMatchObject({ analysis: 'sunHours', dataset: 'buildings.geojson zones.geojson', date: '2026-06-21', stepMin: '15', cellM: '2', thresholdHours: '6' });
    const rows = table.trim().split('\n');
    expect(rows[0]).toBe('id,group,groundAreaM2,meanSunHours,shareAtLeast2h,shareAtLeast4h,complete,thresholdHours,shareAtLeastThreshold');
    const core = runSunHoursSync({ buildings, date: '2026-06-21', bbox, cellM: 2, stepMin: 15, zones, zoneGroupBy: 'group', thresholdHours: 6 });
    expect(rows).toHaveLength(3);
    core.zones!.forEach((z, i) => {
      const [id, group, area, mean, s2, s4, , th, st] = rows[i + 1].split(',');
      expect(Number(th)).toBe(6);
      expect(Number(st)).toBeCloseTo(z.shareAtLeastThreshold!, 4);
      expect([id, group]).toEqual([z.id, z.group]);
      expect(Number(area)).toBe(z.groundAreaM2);
      expect(Number(mean)).toBeCloseTo(z.meanSunHours!, 4);
      expect(Number(s2)).toBeCloseTo(z.shareAtLeast2h!, 4);
      expect(Number(s4)).toBeCloseTo(z.shareAtLeast4h!, 4);
      expect(z.groundCells).toBeGreaterThan(500);
    });
  });

  it('shadows writes GeoJSON with the same union area as the core call; bad time and file are reported', async () => {
    const out = path.join(dir, 'shadows.geojson');
    const time = '2026-03-20T15:00:00+01:00';
    const r = await analyze('shadows', '--buildings', bFile, '--time', time, '--out', out);
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection;
    const union = fc.features.find((f) => f.properties?.kind === 'union')!;
    expect(fc.features.filter((f) => f.properties?.kind === 'building')).toHaveLength(160);
    expect(union.properties!.areaM2).toBeCloseTo(runShadows({ buildings, timeMs: Date.parse(time) }).unionAreaM2, 2);
    const bad = await analyze('shadows', '--buildings', bFile, '--time', '2026-03-20T15:00', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ISO 8601 with a zone/);
    const missing = await analyze('shadows', '--buildings', path.join(dir, 'nope.geojson'), '--time', time, '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.geojson: cannot read/);
  });

  it('overlaps and compliance write CSV equal to the core results', async () => {
    const a = generateTiling({ centre, sizeM: 200, nx: 10, ny: 10, seed: 2, idPrefix: 'p' });
    const b = generateTiling({ centre, sizeM: 180, nx: 3, ny: 2, seed: 4, edgeDetail: 10, groups: ['WA', 'GE'], idPrefix: 'z' });
    const aFile = path.join(dir, 'a.geojson'), bFile2 = path.join(dir, 'b.geojson');
    writeFileSync(aFile, JSON.stringify(a));
    writeFileSync(bFile2, JSON.stringify(b));
    const out = path.join(dir, 'ov.csv');
    expect((await analyze('overlaps', '--a', aFile, '--b', bFile2, '--group-b', 'group', '--out', out)).code).toBe(0);
    const rows = readCsv(out).table.trim().split('\n').slice(1);
    const core = runOverlaps({ a, b, groupB: 'group' });
    expect(rows).toHaveLength(core.pairs.length);
    const sum = rows.reduce((s, l) => s + Number(l.split(',')[4]), 0);
    expect(sum).toBeCloseTo(core.totalAreaM2, 1);
    const groups = readCsv(path.join(dir, 'ov.groups.csv')).table.trim().split('\n');
    expect(groups[0]).toBe('aGroup,bGroup,areaM2,pairs');
    expect(groups).toHaveLength(3);

    const plan = { type: 'FeatureCollection', features: b.features.map((f, i) => ({ ...f, properties: { ...f.properties, featureClass: 'BP_BaugebietsTeilFlaeche', landUse: f.properties!.group, grz: 0.3 + 0.05 * i, gfz: 1, maxStoreys: 4 } })) } as GeoJSON.FeatureCollection;
    const pFile = path.join(dir, 'plan.geojson');
    writeFileSync(pFile, JSON.stringify(plan));
    const cOut = path.join(dir, 'compliance.json');
    expect((await analyze('compliance', '--buildings', bFile, '--plan', pFile, '--out', cOut)).code).toBe(0);
    expect(JSON.parse(readFileSync(cOut, 'utf8'))).toEqual(JSON.parse(JSON.stringify(runCompliance({ buildings, plan }))));
  });
});
