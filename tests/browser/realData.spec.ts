import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pointOnFeature, bbox as turfBbox } from '@turf/turf';
import { appUrl, canvasStats, gridDiff, launchBrowser, openApp, recordPage, serveDataset, settle, snap, toScreen, type PageRecord } from './harness';
import { readWfsGml } from '../../src/core/vector/readWfsGml';
import { readGeoJson } from '../../src/core/vector/readGeoJson';
import { ReportBuilder } from '../../src/core/model/ConversionReport';
import type { Catalog } from '../../src/core/model/Catalog';

// Real Hamburg layers from ../shared/data/real (never copied into the repo):
// adopted B-Plan areas and nature compensation areas (WFS GML, EPSG:25832)
// and playgrounds (GeoJSON). They are converted at test time with the
// converter's core readers into a temporary dataset that the app loads from
// its own origin, like any converted dataset.
const REAL = path.resolve(process.cwd(), '../shared/data/real');
const hasReal = existsSync(REAL);
if (!hasReal) console.warn(`realData.spec: ${REAL} is absent — skipping the real-data viewer test (it needs the shared Hamburg samples).`);

let dir: string;
let browser: Browser;
let page: Page;
let rec: PageRecord;
let bplan: GeoJSON.FeatureCollection;

function convert(file: string): GeoJSON.FeatureCollection {
  const text = readFileSync(path.join(REAL, file), 'utf8');
  const report = new ReportBuilder();
  const layer = file.endsWith('.json') ? readGeoJson(text, { file: path.basename(file) }, report) : readWfsGml(text, { file: path.basename(file) }, report);
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(`${file}: ${errors.length} features could not be read, first: ${errors[0].reason}`);
  return { type: 'FeatureCollection', features: layer.features as GeoJSON.Feature[] };
}

describe.skipIf(!hasReal)('real Hamburg layers in the viewer', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'planlotse-real-'));
    bplan = convert('hh-masterportal-wfs/testFeaturesBplanMultiPolygon.xml');
    const nature = convert('hh-masterportal-wfs/testFeaturesNaturschutzPolygon.xml');
    const play = convert('hh-cosi-geojson/playgroundFeatures.json');
    writeFileSync(path.join(dir, 'bplan.geojson'), JSON.stringify(bplan));
    writeFileSync(path.join(dir, 'nature.geojson'), JSON.stringify(nature));
    writeFileSync(path.join(dir, 'playgrounds.geojson'), JSON.stringify(play));
    const [w, s, e, n] = turfBbox(bplan);
    const catalog: Catalog = {
      id: 'real',
      title: { de: 'Hamburg (echte Testdaten)', en: 'Hamburg (real test data)' },
      crs: 'EPSG:25832',
      origin: [565000, 5933000],
      home: { id: 'home', title: { de: 'Hamburg', en: 'Hamburg' }, lon: (w + e) / 2, lat: (s + n) / 2, height: 42000, headingDeg: 0, pitchDeg: -90 },
      viewpoints: [],
      layers: [
        { id: 'bplan', title: { de: 'Festgestellte Bebauungspläne', en: 'Adopted zoning plans' }, group: { de: 'Planung', en: 'Planning' }, type: 'geojson-polygons', url: 'bplan.geojson', defaultVisible: true, style: { kind: 'fill', color: '#c0504d' }, attribution: '© FHH, BSW, dl-de/by-2.0', role: 'plan' },
        { id: 'nature', title: { de: 'Ausgleichsflächen', en: 'Compensation areas' }, group: { de: 'Umwelt', en: 'Environment' }, type: 'geojson-polygons', url: 'nature.geojson', defaultVisible: true, style: { kind: 'fill', color: '#2e8b57' }, attribution: '© FHH, BUKEA, dl-de/by-2.0', role: 'green' },
        { id: 'playgrounds', title: { de: 'Spielplätze', en: 'Playgrounds' }, group: { de: 'Soziales', en: 'Social' }, type: 'geojson-points', url: 'playgrounds.geojson', defaultVisible: true, style: { kind: 'point', color: '#e67e22', symbol: 'playground' }, attribution: '© FHH, dl-de/by-2.0', role: 'playgrounds' },
      ],
    };
    writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    rec = recordPage(page);
    await serveDataset(page, 'real', dir);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows 209 B-Plan areas, 23 compensation areas and 100 playgrounds', async () => {
    await openApp(page, '?dataset=real&t=2026-06-21T10:00:00Z');
    const status = await page.evaluate(() => window.__planlotse!.getState().layerStatus);
    expect(status.bplan).toMatchObject({ state: 'ready', featureCount: 209 });
    expect(status.nature).toMatchObject({ state: 'ready', featureCount: 23 });
    expect(status.playgrounds).toMatchObject({ state: 'ready', featureCount: 100 });
    const all = await canvasStats(page);
    await snap(page, 'real-hamburg-overview');
    await page.getByRole('checkbox', { name: 'Festgestellte Bebauungspläne anzeigen' }).uncheck();
    await settle(page);
    expect(gridDiff(all, await canvasStats(page))).toBeGreaterThan(0.5);
    await page.getByRole('checkbox', { name: 'Festgestellte Bebauungspläne anzeigen' }).check();
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    const origin = new URL(appUrl()).origin;
    expect(rec.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });

  it('picking a real B-Plan area lists its attributes with readable labels', async () => {
    // The largest plan area, viewed from above; click a point guaranteed inside it.
    const f = [...bplan.features].sort((a, b) => JSON.stringify(b.geometry).length - JSON.stringify(a.geometry).length)[0];
    const [lon, lat] = pointOnFeature(f as GeoJSON.Feature<GeoJSON.MultiPolygon>).geometry.coordinates;
    await openApp(page, `?dataset=real&cam=${lon},${lat},2500,0,-90&layers=bplan`);
    const p = await toScreen(page, lon, lat);
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await settle(page);
    await snap(page, 'real-bplan-picked');
    const text = (await panel.textContent()) ?? '';
    const planrecht = String(f.properties!.planrecht);
    expect(planrecht.length).toBeGreaterThan(2);
    expect(text).toContain('Planrecht');
    expect(text).toContain(planrecht.trim());
    expect(text).toContain('Festgestellte Bebauungspläne');
  });
});
