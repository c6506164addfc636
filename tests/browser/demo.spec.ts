import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appUrl, canvasStats, launchBrowser, openApp, recordPage, settle, snap, toScreen, type PageRecord } from './harness';
import type { Catalog } from '../../src/core/model/Catalog';

// The default configuration: no query string, so the app opens the
// generated demo district (data/demo, built into dist/data/demo).
const DEMO = path.resolve('dist/data/demo');

let browser: Browser;
let page: Page;
let rec: PageRecord;
let catalog: Catalog;

beforeAll(async () => {
  if (!existsSync(path.join(DEMO, 'catalog.json'))) {
    throw new Error('dist/data/demo/catalog.json is missing: run `npm run demo-data` and `npx vite build` (npm test does both) before this spec.');
  }
  catalog = JSON.parse(readFileSync(path.join(DEMO, 'catalog.json'), 'utf8'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  rec = recordPage(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('default configuration (demo district)', () => {
  it('renders globe and city offline: no console errors, no request outside the app', async () => {
    await openApp(page, '');
    const state = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      return { dataset: s.dataset, status: s.layerStatus, layers: s.layers };
    });
    expect(state.dataset).toBe('demo');
    const tiles = catalog.layers.filter((l) => l.type === '3dtiles' && state.layers[l.id]?.visible);
    expect(tiles.length).toBeGreaterThan(0);
    for (const l of catalog.layers) if (state.layers[l.id]?.visible) expect(state.status[l.id]?.state, `layer ${l.id}`).toBe('ready');
    const s = await canvasStats(page);
    await snap(page, 'demo-home-1280');
    expect(s.lumaStd).toBeGreaterThan(5);
    expect(s.distinctColours).toBeGreaterThan(100);
    if (catalog.notice) expect(await page.getByTestId('dataset-notice').textContent()).toBe(catalog.notice.de);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    const origin = new URL(appUrl()).origin;
    expect(rec.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(rec.requests.some((u) => u.endsWith('.glb') || u.includes('.glb?'))).toBe(true);
    expect(await page.locator('.side-panel').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Layout at the large end of the supported range: header and panel fit without overflow.
    // (No screenshot: one SwiftShader frame at 1920×1080 takes longer than a screenshot may wait.)
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const sel of ['.app-header', '.side-panel']) expect(await page.locator(sel).evaluate((el) => el.scrollWidth <= el.clientWidth), sel).toBe(true);
    expect(await page.locator('#scene').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(1500);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('picks a demo building from the scene', async () => {
    // Look straight down onto the tallest building of the footprints file and click its roof.
    const fp = catalog.layers.find((l) => l.role === 'buildingFootprints') ?? catalog.layers.find((l) => l.type === 'geojson-polygons' && /build|geb/i.test(l.id));
    expect(fp, 'the demo catalog lists the building footprints').toBeDefined();
    const fc = JSON.parse(readFileSync(path.join(DEMO, fp!.url), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { id: string; heightM: number }>;
    const tallest = [...fc.features].sort((a, b) => b.properties.heightM - a.properties.heightM)[0];
    const ring = tallest.geometry.type === 'Polygon' ? tallest.geometry.coordinates[0] : tallest.geometry.coordinates[0][0];
    const lon = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
    const lat = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
    const tiles = catalog.layers.find((l) => l.type === '3dtiles')!;
    await openApp(page, `?layers=${tiles.id}&cam=${lon},${lat},${tallest.properties.heightM + 250},0,-90`);
    const p = await toScreen(page, lon, lat, tallest.properties.heightM);
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await settle(page);
    await snap(page, 'demo-building-picked');
    const sel = await page.evaluate(() => window.__planlotse!.getState().selection);
    expect(sel?.layerId).toBe(tiles.id);
    expect(sel?.featureId).toBe(String(tallest.properties.id));
    expect(await panel.textContent()).toContain(String(tallest.properties.id));
  });
});
