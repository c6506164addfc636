import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { convert as convertXplanung } from '../../../scripts/convert/xplanung';
import { convert as convertVector } from '../../../scripts/convert/vector';
import type { Catalog } from '../../../src/core/model/Catalog';
import { REAL, hasReal } from './realData';

const opts = (kind: string, inputs: string[], out: string, extra: Record<string, string> = {}, crs?: string) => ({ kind, inputs, out, extra, strict: false, crs, name: undefined as string | undefined });
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

describe.skipIf(!hasReal)('npm run convert -- xplanung / vector', () => {
  it('xplanung writes theme files, texte.json, report.json and PlanZV catalog layers', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'plan-')), 'data');
    const report = await convertXplanung(opts('xplanung', [path.join(REAL, 'xplanung-hh/HafenCity7.gml'), path.join(REAL, 'xplanung-hh/LA22.zip')], out));
    const files = readdirSync(out).sort();
    for (const f of ['plan-areas.geojson', 'baugebiete.geojson', 'ueberbaubare-flaechen.geojson', 'baugrenzen.geojson', 'gruen.geojson', 'verkehr.geojson', 'wasser.geojson', 'wald.geojson', 'hoehen.geojson', 'anpflanzung.geojson', 'texte.json', 'report.json', 'catalog.json']) expect(files).toContain(f);
    expect(report.counts.BP_BaugebietsTeilFlaeche).toBe(3 + 35);
    expect(report.crs).toMatchObject({ code: 'EPSG:25832', from: 'file' });
    const written = readJson(path.join(out, 'report.json'));
    expect(written.counts).toEqual(report.counts);
    expect(written.issues.length).toBe(report.issues.length);
    const baugebiete = readJson(path.join(out, 'baugebiete.geojson'));
    // 38 BaugebietsTeilFlächen and HafenCity7's BesondererNutzungszweckFläche.
    expect(baugebiete.features).toHaveLength(39);
    expect(baugebiete.features.filter((f: any) => f.properties.featureClass === 'BP_BaugebietsTeilFlaeche')).toHaveLength(38);
    expect(new Set(baugebiete.features.map((f: any) => f.properties.planName))).toEqual(new Set(['HafenCity7', 'Bebauungsplan LA 22']));
    const baugrenzen = readJson(path.join(out, 'baugrenzen.geojson'));
    expect(baugrenzen.features.every((f: any) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')).toBe(true);
    const catalog: Catalog = readJson(path.join(out, 'catalog.json'));
    const bg = catalog.layers.find((l) => l.url === 'baugebiete.geojson')!;
    expect(bg).toMatchObject({ type: 'geojson-polygons', style: { kind: 'planzv' }, group: { de: 'Planung', en: 'Planning' }, attribution: '© FHH, BSW / Bezirksamt, dl-de/by-2.0', role: 'zoning' });
    expect(bg.legend!.map((e) => e.label.de)).toEqual(expect.arrayContaining(['Mischgebiet', 'Allgemeines Wohngebiet']));
    expect(catalog.layers.find((l) => l.url === 'baugrenzen.geojson')!.type).toBe('geojson-lines');
    expect(catalog.layers.some((l) => l.url.startsWith('praesentation'))).toBe(false);
    expect(catalog.home.lat).toBeGreaterThan(53);

    // A second run with nothing convertible leaves the good output untouched.
    const before = readFileSync(path.join(out, 'baugebiete.geojson'), 'utf8');
    const garbage = path.join(path.dirname(out), 'garbage.gml');
    writeFileSync(garbage, '<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/2"><gml:featureMember xmlns:gml="http://www.opengis.net/gml/3.2"><xplan:BP_Plan gml:id="p"><xplan:position>');
    const bad = await convertXplanung(opts('xplanung', [garbage], out));
    expect(Object.keys(bad.counts)).toEqual([]);
    expect(bad.issues.some((i) => i.severity === 'error' && i.featureId === 'p')).toBe(true);
    expect(readFileSync(path.join(out, 'baugebiete.geojson'), 'utf8')).toBe(before);
    expect(existsSync(path.join(out, 'report-xplanung-failed.json'))).toBe(true);
  });

  it('vector writes one GeoJSON per input with a catalog layer (role guessed or --role, --title)', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'vec-')), 'data');
    await convertVector(opts('vector', [path.join(REAL, 'hh-cosi-geojson/playgroundFeatures.json'), path.join(REAL, 'hh-trees-deegree/strassenbaumkataster.gml')], out));
    await convertVector(opts('vector', [path.join(REAL, 'hh-cosi-geojson/features_stadtteile.json')], out, { role: 'parcels', title: 'Flurstücke (Test)', id: 'parcels' }));
    const catalog: Catalog = readJson(path.join(out, 'catalog.json'));
    expect(catalog.layers.map((l) => [l.id, l.role, l.type])).toEqual([
      ['playgroundfeatures', 'playgrounds', 'geojson-points'],
      ['strassenbaumkataster', 'trees', 'geojson-points'],
      ['parcels', 'parcels', 'geojson-polygons'],
    ]);
    expect(catalog.layers[2].title).toEqual({ de: 'Flurstücke (Test)', en: 'Flurstücke (Test)' });
    expect(readJson(path.join(out, 'parcels.geojson')).features).toHaveLength(2);
    const report = readJson(path.join(out, 'report.json'));
    expect(report.issues[0].reason).toMatch(/assuming EPSG:25832/);
  });

  it('several kinds into one dataset: report.json is the last conversion, report-<kind>.json keeps each kind', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'planlotse-reports-')), 'dataset');
    const plan = await convertXplanung(opts('xplanung', [path.join(REAL, 'xplanung-hh/HafenCity7.gml')], out));
    const vec = await convertVector(opts('vector', [path.join(REAL, 'hh-cosi-geojson/playgroundFeatures.json')], out));
    expect(readJson(path.join(out, 'report.json')).kind).toBe('vector');
    expect(readJson(path.join(out, 'report-vector.json')).counts).toEqual(vec.counts);
    const kept = readJson(path.join(out, 'report-xplanung.json'));
    expect(kept.kind).toBe('xplanung');
    expect(kept.counts).toEqual(plan.counts);
    expect(kept.counts.BP_BaugebietsTeilFlaeche).toBe(3);
  });

  it('CLI exit codes: 0 when something converted, 1 when nothing, 1 with --strict and an error', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cli-')), 'data');
    const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/convert.ts', ...args], { encoding: 'utf8' });
    const ok = run('vector', path.join(REAL, 'hh-masterportal-wfs/testFeaturesNaturschutzPolygon.xml'), '--out', out);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/converted 23 features/);
    const garbage = path.join(path.dirname(out), 'nothing.json');
    writeFileSync(garbage, '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {}}]}');
    const none = run('vector', garbage, '--out', out);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/skipped nothing\.json #0 \(nothing\) at \$\.features\[0\]: missing geometry/);
    const strict = run('xplanung', path.join(REAL, 'xplanung-hh/Rotherbaum27.gml'), garbage, '--out', out, '--strict');
    expect(strict.status).toBe(1);
  });
});
