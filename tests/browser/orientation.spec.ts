import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, openSection, recordPage, settle, snap, waitFor, type PageRecord } from './harness';

// Orientation without the internet on the demo district (issue 12 point 5): the base map drawn, the scale bar
// checked against the measuring tool, the compass and the zoom buttons driven by clicks. One page for all.
let browser: Browser;
let page: Page;
let rec: PageRecord;

const camera = (p: Page) => p.evaluate(() => window.__planlotse!.camera());

describe('orientation offline: base map, scale bar, compass, zoom', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    rec = recordPage(page);
    await openApp(page, '?lang=de&t=2026-06-21T10:00:00Z');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the demo base map (streets with names, blocks, water) under the plan, with scale bar and compass', async () => {
    const base = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      const l = s.catalog!.layers.find((x) => x.role === 'base')!;
      return { id: l.id, visible: s.layers[l.id].visible, status: s.layerStatus[l.id] };
    });
    expect(base).toMatchObject({ id: 'basemap', visible: true, status: { state: 'ready', featureCount: 33 } });
    await expect.poll(() => page.getByTestId('scale-bar').getAttribute('data-metres')).toMatch(/^\d+$/);
    expect(await page.getByRole('button', { name: /Norden oben/ }).isVisible()).toBe(true);
    await snap(page, 'orientation-home');
    expect(rec.consoleErrors).toEqual([]);
  });

  it('the scale bar matches a distance measured on the ground across its row within 5 %', async () => {
    const bar = await page.locator('.map-scale-bar').boundingBox();
    const metres = Number(await page.getByTestId('scale-bar').getAttribute('data-metres'));
    const canvas = (await page.locator('#scene canvas').boundingBox())!;
    expect(bar!.width).toBeGreaterThan(40);
    await openSection(page, /Abschnitt Messen/);
    await page.getByRole('button', { name: 'Strecke' }).click();
    await page.getByTestId('measure-on-ground').setChecked(true);
    // Two clicks one bar-width apart on the bar's row, in the middle of the view (the row has one scale).
    const y = bar!.y + bar!.height / 2;
    const x0 = canvas.x + canvas.width / 2 - bar!.width / 2;
    await page.mouse.click(x0, y);
    await page.mouse.click(x0 + bar!.width, y);
    await waitFor(page, () => window.__planlotse!.getState().measurePoints.length === 2);
    const text = (await page.locator('[data-measure="measure.result.distance"]').textContent())!;
    const measured = Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
    console.log(`scale bar ${metres} m over ${bar!.width.toFixed(1)} px; measured ${measured} m (${((measured / metres - 1) * 100).toFixed(2)} %)`);
    expect(Math.abs(measured / metres - 1)).toBeLessThan(0.05);
    await page.getByRole('button', { name: 'Beenden' }).click();
  });

  it('the compass shows the heading and turns the view to north on click; zoom in halves the distance', async () => {
    await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      s.flyTo({ ...s.catalog!.home, headingDeg: 60 }, true);
    });
    await settle(page);
    const compass = page.locator('.map-compass');
    await expect.poll(async () => Number(await compass.getAttribute('data-heading'))).toBeCloseTo(60, 0);
    await compass.click();
    await waitFor(page, () => {
      const h = window.__planlotse!.camera().headingDeg;
      return Math.min(Math.abs(h), Math.abs(h - 360)) < 0.5;
    }, undefined, { timeout: 60_000 });
    await settle(page);
    expect(Number(await compass.getAttribute('data-heading')) % 360).toBeLessThan(0.5);

    const before = await camera(page);
    await page.getByRole('button', { name: 'Hineinzoomen' }).click();
    await waitFor(page, (h) => window.__planlotse!.camera().height < h * 0.6, before.height, { timeout: 60_000 });
    await settle(page);
    const after = await camera(page);
    // Same pitch, half the range to the ground point in the middle: half the height (flat ground, ±5 %).
    expect(after.height / before.height).toBeGreaterThan(0.45);
    expect(after.height / before.height).toBeLessThan(0.55);
    expect(after.pitchDeg).toBeCloseTo(before.pitchDeg, 0);
    // Touch-sized buttons: at least 40 px on a desktop (48 px with a coarse pointer).
    const zoom = await page.getByRole('button', { name: 'Hineinzoomen' }).boundingBox();
    expect(Math.min(zoom!.width, zoom!.height)).toBeGreaterThanOrEqual(40);
  });
});
