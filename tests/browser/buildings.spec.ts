import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { canvasStats, gridDiff, launchBrowser, nextFrames, openApp, recordPage, serveDataset, settle, snap, toScreen, waitFor, type CanvasStats, type PageRecord } from './harness';

// The fixture city model (tests/browser/fixtures/fixture/buildings): six box
// buildings 6–55 m high in 3D Tiles 1.1 with EXT_mesh_features and
// EXT_structural_metadata. Building 5 (55 m) carries a malicious address.
const catalog = JSON.parse(readFileSync('tests/browser/fixtures/fixture/catalog.json', 'utf8'));
const view = catalog.viewpoints.find((v: { id: string }) => v.id === 'oblique');
const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';
const [olon, olat] = proj4(utm, 'WGS84', [565000, 5933000]);
// ENU offsets of the fixture's local frame → lon/lat (small-area approximation, plenty for aiming clicks).
const enu = (e: number, n: number): [number, number] => [olon + e / (111320 * Math.cos((olat * Math.PI) / 180)), olat + n / 110574];
const TOWER = { e: 500, n: 340, h: 55 };
const CAM = `cam=${view.lon},${view.lat},${view.height},${view.headingDeg},${view.pitchDeg}`;

let browser: Browser;
let page: Page;
let rec: PageRecord;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  rec = recordPage(page);
  await serveDataset(page, 'fixture');
});
afterAll(async () => {
  await browser?.close();
});

describe('3D city model: picking, styles, sun and shadows', () => {
  let base: CanvasStats;

  it('picks a building; its attributes are listed as text, the malicious one runs nothing', async () => {
    await openApp(page, `?dataset=fixture&t=2026-06-21T12:00:00Z&layers=buildings,plan&${CAM}`);
    expect(await page.evaluate(() => window.__planlotse!.getState().layerStatus.buildings?.state)).toBe('ready');
    base = await canvasStats(page);
    await snap(page, 'buildings-start');
    const p = await toScreen(page, ...enu(TOWER.e, TOWER.n), TOWER.h / 2);
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await settle(page);
    await snap(page, 'buildings-picked-tower');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('DEHH_FIXTURE_5');
    expect(text).toContain('Gebäudehöhe');
    expect(text).toContain('55');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await panel.locator('img').count()).toBe(0);
    expect(rec.dialogs).toEqual([]);
    // The picked building is highlighted (once the frame with the highlight is drawn).
    await settle(page);
    expect(gridDiff(base, await canvasStats(page))).toBeGreaterThan(0.2);
    await page.getByRole('button', { name: 'Objektinformationen schließen' }).click();
    await settle(page);
    expect(gridDiff(base, await canvasStats(page))).toBeLessThan(0.2);
  });

  it('styles buildings by height, function and roof type, with a legend, and resets', async () => {
    await page.getByRole('button', { name: 'Abschnitt Gebäudestil ein- oder ausklappen' }).click();
    const shots: Record<string, CanvasStats> = {};
    for (const [label, legend] of [
      ['Höhe', '≥ 40 m'],
      ['Nutzung', 'Öffentliche Zwecke'],
      ['Dachform', 'Satteldach'],
    ]) {
      await page.getByRole('radio', { name: label }).check();
      await settle(page);
      shots[label] = await canvasStats(page);
      await snap(page, `buildings-style-${label}`);
      expect(await page.locator('[data-section="buildings"] .legend').textContent()).toContain(legend);
      expect(gridDiff(base, shots[label])).toBeGreaterThan(0.3);
    }
    expect(gridDiff(shots['Höhe'], shots['Nutzung'])).toBeGreaterThan(0.1);
    await expect.poll(() => page.url()).toContain('style=roofType'); // the address bar is written 400 ms after a change
    await page.getByRole('button', { name: 'Standardansicht' }).click();
    await settle(page);
    expect(gridDiff(base, await canvasStats(page))).toBeLessThan(0.2);
  });

  it('shadows switch on and off; the time of day moves the sun and the shadows', async () => {
    await page.getByRole('button', { name: 'Abschnitt Sonne & Schatten ein- oder ausklappen' }).click();
    const slider = page.getByRole('slider', { name: 'Uhrzeit' });
    await slider.fill('960'); // 16:00 local: long shadows to the north-east
    await settle(page);
    const noShadow = await canvasStats(page);
    await page.getByRole('checkbox', { name: 'Schattenwurf' }).check();
    await settle(page);
    const shadow = await canvasStats(page);
    await snap(page, 'shadows-on-1600');
    console.log(`shadows on at 16:00: grid diff ${gridDiff(noShadow, shadow).toFixed(3)}`);
    // Only the cast shadows change the picture (walls no longer striped with shadow acne, issue 12.8): 0.15
    // measured; with the acne it was over 0.3.
    expect(gridDiff(noShadow, shadow)).toBeGreaterThan(0.08);
    // Shadows darken the scene.
    expect(shadow.mean[0] + shadow.mean[1] + shadow.mean[2]).toBeLessThan(noShadow.mean[0] + noShadow.mean[1] + noShadow.mean[2]);

    await slider.fill('420'); // 07:00 local: sun in the east, shadows to the west
    await settle(page);
    const morning = await canvasStats(page);
    await snap(page, 'sun-0700-shadows');
    await slider.fill('1110'); // 18:30 local: sun in the west
    await settle(page);
    const evening = await canvasStats(page);
    await snap(page, 'sun-1830-shadows');
    expect(await page.getByTestId('time-value').textContent()).toBe('18:30 Uhr');
    expect(new Date(await page.evaluate(() => window.__planlotse!.getState().timeMs)).toISOString()).toBe('2026-06-21T16:30:00.000Z');
    console.log(`morning vs evening: grid diff ${gridDiff(morning, evening).toFixed(3)}`);
    expect(gridDiff(morning, evening)).toBeGreaterThan(0.5);

    await page.getByRole('combobox', { name: 'Schattenqualität' }).selectOption('high');
    await settle(page);
    await snap(page, 'shadows-high-1830');
    await expect.poll(() => page.url()).toContain('sq=high'); // the address bar is written 400 ms after a change
    await page.getByRole('checkbox', { name: 'Schattenwurf' }).uncheck();
    await settle(page);
    const off = gridDiff(evening, await canvasStats(page));
    console.log(`evening, shadows off: grid diff ${off.toFixed(3)}`);
    expect(off).toBeGreaterThan(0.3);
    // Play a day: the time advances on its own until paused.
    const t0 = await page.evaluate(() => window.__planlotse!.getState().timeMs);
    await page.getByRole('button', { name: 'Tag abspielen' }).click();
    await waitFor(page, (t) => window.__planlotse!.getState().timeMs >= t + 30 * 60_000 || window.__planlotse!.getState().timeMs < t, t0);
    await page.getByRole('button', { name: 'Anhalten' }).click();
    const t1 = await page.evaluate(() => window.__planlotse!.getState().timeMs);
    await nextFrames(page, 20); // a playing day advances every frame
    expect(await page.evaluate(() => window.__planlotse!.getState().timeMs)).toBe(t1);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
  });

  it('measures the height of the 55 m tower from two picked points', async () => {
    await page.getByRole('button', { name: 'Abschnitt Messen ein- oder ausklappen' }).click();
    await page.getByRole('button', { name: 'Höhe', exact: true }).click();
    // Open ground east of the tower (no building in the line of sight), then the middle of its roof.
    const ground = await toScreen(page, ...enu(TOWER.e + 45, TOWER.n + 5), 0);
    const roof = await toScreen(page, ...enu(TOWER.e, TOWER.n), TOWER.h);
    await page.mouse.click(ground.x, ground.y);
    await page.mouse.click(roof.x, roof.y);
    await settle(page);
    await snap(page, 'measure-height-tower');
    const pts = await page.evaluate(() => window.__planlotse!.getState().measurePoints);
    expect(pts).toHaveLength(2);
    const shown = await page.locator('[data-measure="measure.result.height"]').textContent();
    const dh = Number(shown!.replace(/[^\d,.-]/g, '').replace(',', '.'));
    console.log(`measured tower height ${dh} m (picked ${pts[0][2].toFixed(2)} m and ${pts[1][2].toFixed(2)} m)`);
    expect(Math.abs(dh - TOWER.h)).toBeLessThan(1);
  });
});
