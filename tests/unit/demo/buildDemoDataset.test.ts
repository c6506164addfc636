import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDemoDataset, type DemoBuildResult } from '../../../scripts/demo/buildDemoDataset';
import { DEMO_ATTRIBUTION } from '../../../scripts/demo/demoCatalog';
import type { Catalog } from '../../../src/core/model/Catalog';
import { utm32ToWgs84 } from '../../../src/core/crs';
import { parseKioskConfig } from '../../../src/core/kiosk/parseKioskConfig';
import { parseScenarioFile } from '../../../src/core/scenario/parseScenarioFile';
import { verifyPin } from '../../../src/core/kiosk/verifyPin';
import { fromZoned } from '../../../src/core/time/zonedTime';
import * as SunCalc from 'suncalc';

let root: string;
let result: DemoBuildResult;
const out = () => path.join(root, 'demo');
const json = async (name: string) => JSON.parse(await readFile(path.join(out(), name), 'utf8'));

describe('npm run demo-data pipeline (generator + project converters)', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'planlotse-demo-'));
    result = await buildDemoDataset({ srcDir: path.join(root, 'demo-src'), outDir: out() });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('converts everything cleanly and quickly', () => {
    for (const [step, r] of Object.entries(result.reports)) expect(r.issues.filter((i) => i.severity === 'error'), step).toEqual([]);
    expect(result.reports.citygml.counts['bldg:Building']).toBe(result.district.buildings.length);
    expect(result.reports.xplanung.counts.BP_BaugebietsTeilFlaeche).toBe(11);
    expect(result.durationMs).toBeLessThan(30_000);
  });

  it('writes a catalog marked as generated, with viewpoints, layers and online base maps', async () => {
    const catalog: Catalog = await json('catalog.json');
    expect(catalog).toEqual(result.catalog);
    expect(catalog.id).toBe('demo');
    expect(catalog.title).toEqual({ de: 'Planlotse-Demoquartier (generiert)', en: 'Planlotse demo district (generated)' });
    expect(catalog.generated).toBe(true);
    expect(catalog.notice).toEqual({ de: 'Generierte Demodaten – kein amtlicher Plan', en: 'Generated demo data – not an official plan' });
    expect(catalog.crs).toBe('EPSG:25832');
    expect(catalog.origin.every(Number.isInteger)).toBe(true);
    expect(catalog.viewpoints.map((v) => v.id)).toEqual(['park', 'schule', 'hochhaus', 'blockrand', 'villen']);
    for (const v of [catalog.home, ...catalog.viewpoints]) {
      expect(v.title.de && v.title.en).toBeTruthy();
      expect(v.pitchDeg).toBeLessThan(0);
      // Every camera stands within 1 km of the district centre, above the roofs.
      const [lon, lat] = utm32ToWgs84(catalog.origin);
      expect(Math.hypot((v.lon - lon) * 66_000, (v.lat - lat) * 111_000)).toBeLessThan(1000);
      expect(v.height).toBeGreaterThan(60);
    }
    const ids = catalog.layers.map((l) => l.id);
    for (const id of ['buildings', 'building-footprints', 'bplan-baugebiete', 'bplan-baugrenzen', 'bplan-ueberbaubare-flaechen', 'bplan-gruen', 'bplan-gemeinbedarf', 'bplan-verkehr', 'bplan-wasser', 'parcels', 'trees', 'playgrounds', 'flood', 'osm', 'hh-dop']) {
      expect(ids).toContain(id);
    }
    for (const l of catalog.layers) {
      expect(l.title.de && l.title.en && l.group.de && l.group.en, l.id).toBeTruthy();
      if (l.online) continue;
      expect(l.attribution, l.id).toBe(DEMO_ATTRIBUTION);
      expect(existsSync(path.join(out(), l.url)), `${l.id} → ${l.url}`).toBe(true);
    }
    const osm = catalog.layers.find((l) => l.id === 'osm')!;
    expect(osm).toMatchObject({ type: 'xyz', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', online: true, defaultVisible: false, attribution: '© OpenStreetMap contributors, ODbL' });
    const dop = catalog.layers.find((l) => l.id === 'hh-dop')!;
    expect(dop).toMatchObject({ type: 'wms', url: 'https://geodienste.hamburg.de/HH_WMS_DOP', wmsLayers: 'HH_WMS_DOP', online: true, defaultVisible: false, attribution: '© FHH, LGV, dl-de/by-2.0' });
  });

  it('produces as many features as the generator made, with the generated attributes', async () => {
    const d = result.district;
    const buildings = await json('buildings.geojson');
    expect(buildings.features.length).toBe(d.buildings.length);
    const byId = new Map(d.buildings.map((b) => [b.id, b]));
    for (const f of buildings.features) {
      const b = byId.get(f.properties.id)!;
      expect(f.properties.heightM).toBeCloseTo(b.ridgeHeightM, 2);
      expect(f.properties.storeysAboveGround).toBe(b.storeys);
      expect(f.properties.groundHeightM).toBeCloseTo(b.groundHeightM, 2);
      if (b.houseNumber) expect(f.properties.address).toContain(`${b.street} ${b.houseNumber}`);
    }
    expect((await json('tileset.json')).asset.version).toBe('1.1');
    expect((await json('baugebiete.geojson')).features.length).toBe(11);
    expect((await json('parcels.geojson')).features.length).toBe(d.lots.length);
    expect((await json('trees.geojson')).features.length).toBe(d.trees.length);
    expect((await json('playgrounds.geojson')).features.length).toBe(d.playgrounds.length);
    expect((await json('flood.geojson')).features.length).toBe(1);
    // The tower's zone carries its absolute (NHN) height limit through the converter.
    const zones = (await json('baugebiete.geojson')).features.map((f: { properties: { maxStoreys?: number; maxHeightNhnM?: number } }) => f.properties);
    expect(zones.some((p: { maxStoreys?: number; maxHeightNhnM?: number }) => p.maxStoreys === 16 && p.maxHeightNhnM === 60)).toBe(true);
  });

  it('writes a kiosk.json that passes parseKioskConfig, tells the plan\'s story and opens with the demo PIN 2468', async () => {
    const catalog: Catalog = await json('catalog.json');
    const text = await readFile(path.join(out(), 'kiosk.json'), 'utf8');
    const scenario = parseScenarioFile(await readFile(path.join(out(), 'kiosk-scenario.json'), 'utf8'), 'kiosk-scenario.json');
    if (!scenario.ok) throw new Error(scenario.errors.join('; '));
    const r = parseKioskConfig(text, { layerIds: catalog.layers.map((l) => l.id), variantIds: scenario.scenario.variants.map((v) => v.id) });
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const k = r.config;
    // Bestand plus the two drafts of the kiosk scenario (courtyard of block C2), told by the third story.
    expect(k.variants.map((v) => v.id)).toEqual(['existing', 'entwurf-a', 'entwurf-b']);
    expect(scenario.scenario.variants.map((v) => [v.name, v.buildings.map((b) => b.storeys)])).toEqual([['Entwurf A', [3]], ['Entwurf B', [6, 6]]]);
    expect(k.stories.map((s) => s.id)).toEqual(['plan', 'schatten', 'hof']);
    expect(k.stories[2].steps.map((s) => s.variant)).toEqual(['existing', 'entwurf-a', 'entwurf-b']);
    expect(k.startView).toEqual({ lon: catalog.home.lon, lat: catalog.home.lat, height: catalog.home.height, headingDeg: catalog.home.headingDeg, pitchDeg: catalog.home.pitchDeg });
    // The plan story visits the catalog's named places; every step shows the buildings.
    const plan = k.stories[0].steps;
    expect(plan.map((s) => catalog.viewpoints.find((v) => v.lon === s.view.lon && v.lat === s.view.lat)?.id ?? 'home')).toEqual(['home', 'park', 'schule', 'hochhaus', 'villen']);
    for (const s of [...plan, ...k.stories[1].steps]) expect(s.layers).toContain('buildings');
    // The shadow story covers the equinox and both solstices.
    expect(k.stories[1].steps.map((s) => s.dateTime.slice(5, 10))).toEqual(['03-21', '06-21', '06-21', '06-21', '12-21']);
    // The shadow captions' numbers (sun height, shadow ÷ height = 1 / tan(altitude)) against suncalc at the district centre.
    const { lon: cLon, lat: cLat } = k.cameraBounds.centre;
    for (const s of k.stories[1].steps) {
      const utc = fromZoned(s.dateTime.slice(0, 10), Number(s.dateTime.slice(11, 13)) * 60 + Number(s.dateTime.slice(14, 16)), 'Europe/Berlin');
      const sun = SunCalc.getPosition(new Date(utc), cLat, cLon);
      const [, altDeg, ratio] = /(\d+)° .*about ([\d.]+) times/.exec(s.caption.en)!;
      expect(Math.abs(sun.altitude - Number(altDeg)), s.caption.en).toBeLessThan(0.6);
      expect(Math.abs(1 / Math.tan((sun.altitude * Math.PI) / 180) - Number(ratio)), s.caption.en).toBeLessThan(0.06);
      expect(s.caption.de).toContain(`${altDeg}°`);
      expect(s.caption.de).toContain(`${ratio.replace('.', ',')}-mal`);
      const dir = s.caption.en.includes('in the south') ? 180 : s.caption.en.includes('in the east') ? 90 : s.caption.en.includes('from the west') ? 270 : NaN;
      if (!Number.isNaN(dir)) expect(Math.abs(sun.azimuth - dir), s.caption.en).toBeLessThan(15);
    }
    expect(k.staffPin.iterations).toBeGreaterThanOrEqual(100_000);
    expect(text).not.toContain('2468');
    expect(await verifyPin('2468', k.staffPin)).toBe(true);
    expect(await verifyPin('1234', k.staffPin)).toBe(false);
    expect(k.syncEndpoint).toBeUndefined(); // nothing leaves the origin unless configured
  });

  it('is idempotent: a second run replaces the output with identical data files', async () => {
    const files = async () => (await readdir(out(), { recursive: true })).map(String).sort();
    const before = await files();
    const data = new Map<string, Buffer>();
    for (const f of before.filter((f) => !f.startsWith('report-') && /\.(json|geojson|glb)$/.test(f))) data.set(f, await readFile(path.join(out(), f)));
    await buildDemoDataset({ srcDir: path.join(root, 'demo-src'), outDir: out() });
    expect(await files()).toEqual(before);
    for (const [f, bytes] of data) expect((await readFile(path.join(out(), f))).equals(bytes), f).toBe(true);
    // No temporary folders left next to the output.
    expect((await readdir(root)).sort()).toEqual(['demo', 'demo-src']);
  });
});
