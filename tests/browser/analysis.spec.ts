import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runShadows, runSunHoursSync } from '../../src/core/analysis';
import { generateDistrict } from '../../scripts/bench/support/generateDistrict';
import { analysisFinished, launchBrowser, openApp, openSection, recordPage, serveDataset, settle, snap, workersIdle, type PageRecord } from './harness';

// A generated dataset served from a temp folder: the fixture catalog with a
// building-footprint layer (buildings.geojson) that the analyses read.
const centre: [number, number] = [9.9851, 53.5436];
const buildings = generateDistrict({ centre, sizeM: 200, count: 100, seed: 8 });
const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-analysis-'));
const base = JSON.parse(readFileSync('tests/browser/fixtures/fixture/catalog.json', 'utf8'));
writeFileSync(path.join(dir, 'buildings.geojson'), JSON.stringify(buildings));
writeFileSync(
  path.join(dir, 'catalog.json'),
  JSON.stringify({
    ...base,
    id: 'analysis',
    home: { ...base.home, lon: centre[0], lat: centre[1], height: 600 },
    viewpoints: [],
    layers: [{ id: 'footprints', title: { de: 'Gebäudegrundrisse', en: 'Building footprints' }, group: { de: 'Stadtmodell', en: 'City model' }, type: 'geojson-polygons', url: 'buildings.geojson', defaultVisible: true, role: 'buildingFootprints' }],
  }),
);
const TIME = '2026-03-20T14:00:00Z';

let browser: Browser;
let rec: PageRecord;
let shared: Page | undefined;

/** The app on the generated dataset with the Analyses section open: loaded once, shared by the tests. */
async function open(): Promise<Page> {
  if (shared) return shared;
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  rec = recordPage(page);
  await serveDataset(page, 'analysis', dir);
  await openApp(page, `?dataset=analysis&lang=de&t=${TIME}`);
  await openSection(page, /Analysen/);
  shared = page;
  return page;
}

const status = (page: Page) => page.evaluate(() => window.__planlotse!.getState().analysisStatus);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Analyses panel', () => {
  it('computes shadows at the scene time in the worker, with the same area as the core', async () => {
    const page = await open();
    await page.getByRole('radio', { name: 'Schatten jetzt' }).click();
    await page.locator('[data-analysis="run"]').click();
    await analysisFinished(page, 120_000);
    expect(await page.evaluate(() => window.__planlotse!.getState().analysisError ?? null)).toBeNull();
    expect(await status(page)).toBe('done');
    const area = await page.evaluate(() => (window.__planlotse!.getState().analysisResult as { unionAreaM2: number }).unionAreaM2);
    expect(area).toBeCloseTo(runShadows({ buildings, timeMs: Date.parse(TIME) }).unionAreaM2, 3);
    await expect(page.locator('[data-analysis-value="unionAreaM2"]').textContent()).resolves.toMatch(/m²$/);
    await settle(page);
    await snap(page, 'analysis-shadows');
    expect(rec.pageErrors).toEqual([]);
  });

  it('computes sun hours with progress, can cancel, and matches the core numbers', async () => {
    const page = await open();
    await page.getByRole('radio', { name: 'Sonnenstunden am Tag' }).click();
    await page.getByLabel('Rasterweite (m)').selectOption('5');
    await page.getByLabel('Zeitschritt (min)').selectOption('30');
    await page.locator('[data-analysis="run"]').click();
    await analysisFinished(page, 120_000);
    expect(await status(page)).toBe('done');
    const r = await page.evaluate(() => {
      const x = window.__planlotse!.getState().analysisResult as { meanSunHours: number; groundCells: number; grid: { nx: number; ny: number } };
      return { mean: x.meanSunHours, cells: x.groundCells, nx: x.grid.nx, ny: x.grid.ny };
    });
    // The controller's bbox: the footprints' extent plus a margin (at most 1.2 km).
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const f of buildings.features)
      for (const [x, y] of (f.geometry as GeoJSON.Polygon).coordinates[0]) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    const bbox: [number, number, number, number] = [(w + e) / 2 - ((e - w) / 2 + 0.0005), (s + n) / 2 - ((n - s) / 2 + 0.0005), (w + e) / 2 + ((e - w) / 2 + 0.0005), (s + n) / 2 + ((n - s) / 2 + 0.0005)];
    const core = runSunHoursSync({ buildings, date: '2026-03-20', bbox, cellM: 5, stepMin: 30 });
    let sum = 0, cells = 0;
    for (let k = 0; k < core.sunHours.length; k++)
      if (!core.building[k]) {
        sum += core.sunHours[k];
        cells++;
      }
    expect(r.nx * r.ny).toBe(core.grid.nx * core.grid.ny);
    expect(r.cells).toBe(cells);
    expect(r.mean).toBeCloseTo(sum / cells, 4);
    await settle(page);
    await snap(page, 'analysis-sunhours');

    // Cancel right after asking (a click could come too late on a fast machine): the controller
    // aborts the worker request and the previous result stays.
    await page.getByLabel('Rasterweite (m)').selectOption('1');
    await page.getByLabel('Zeitschritt (min)').selectOption('5');
    await page.evaluate(() => {
      const st = window.__planlotse!.getState();
      st.requestAnalysis();
      st.cancelAnalysis();
    });
    expect(await status(page)).toBe('cancelled');
    await workersIdle(page); // the aborted job has ended in the worker: no late result can arrive
    expect(await status(page)).toBe('cancelled');
    expect(await page.evaluate(() => (window.__planlotse!.getState().analysisResult as { meanSunHours: number }).meanSunHours)).toBeCloseTo(r.mean, 9);
    await expect(page.locator('[data-analysis="run"]').isVisible()).resolves.toBe(true);
    expect(rec.pageErrors).toEqual([]);
  });
});
