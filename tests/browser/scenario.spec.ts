import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import proj4 from 'proj4';
import { canvasStats, downloadText, gridDiff, launchBrowser, openApp, openSection, recordPage, serveDataset, settle, snap, toScreen, waitFor, type PageRecord } from './harness';

// Fixture dataset (tests/browser/fixtures/fixture): frame origin 565000/5933000
// (EPSG:25832); Baugebiet bp-wa-1 covers e 0–300, n 0–200 m (GRZ 0.4, GFZ 1.2,
// max. 4 storeys); building DEHH_FIXTURE_1 (6 m) stands at e 320, n 270.
const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';
const ll = (e: number, n: number) => proj4(utm, 'WGS84', [565000 + e, 5933000 + n]) as [number, number];
const [clon, clat] = ll(230, 170);
const QUERY = `dataset=fixture&layers=buildings&t=2026-03-21T12:00:00Z&cam=${clon},${clat},420,0,-90`;

let browser: Browser;
let rec: PageRecord;

type Ring = [number, number][];
const rect = (e0: number, n0: number, w: number, d: number): Ring => [ll(e0, n0), ll(e0 + w, n0), ll(e0 + w, n0 + d), ll(e0, n0 + d)];

async function open(ctx: BrowserContext, query = QUERY): Promise<Page> {
  const page = await ctx.newPage();
  rec = recordPage(page);
  await serveDataset(page, 'fixture');
  await openApp(page, `?${query}`);
  await page.evaluate(() => window.__planlotseScenario!.loaded);
  await openSection(page, /Szenarien/);
  await page.getByTestId('scenario-panel').waitFor();
  return page;
}

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__planlotse!.getState();
    const sc = s.scenarios.find((x) => x.id === s.activeScenarioId);
    const v = sc?.variants.find((x) => x.id === s.activeVariantId);
    return { scenarios: s.scenarios.length, variant: v ?? null, activeVariantId: s.activeVariantId, sketch: s.sketchPoints.length, message: s.scenarioMessage?.code ?? null };
  });

/** Area (m², EPSG:25832) of a WGS84 ring. */
function areaM2(ring: Ring): number {
  const p = ring.map((q) => proj4('WGS84', utm, q));
  let a = 0;
  for (let i = 0; i < p.length - 1; i++) a += p[i][0] * p[i + 1][1] - p[i + 1][0] * p[i][1];
  return Math.abs(a / 2);
}

async function sketch(page: Page, ring: Ring, input: 'mouse' | 'touch'): Promise<void> {
  await page.getByTestId('scenario-tool-sketch').click();
  for (const c of [...ring, ring[0]]) {
    const p = await toScreen(page, c[0], c[1], 0);
    const before = await page.evaluate(() => window.__planlotse!.getState().sketchPoints.length);
    if (input === 'mouse') await page.mouse.click(p.x, p.y);
    else await page.touchscreen.tap(p.x, p.y);
    // Each click lands on its own: wait until the sketch took it (a corner added, or the ring closed).
    await waitFor(page, (n) => window.__planlotse!.getState().sketchPoints.length !== n, before);
  }
}

/** Mean luminance of the 3D canvas in a 9 × 9 px square around a window position. */
async function lumaAt(page: Page, p: { x: number; y: number }): Promise<number> {
  return page.evaluate(([x, y]) => {
    const src = document.querySelector('#scene canvas') as HTMLCanvasElement;
    const r = src.getBoundingClientRect();
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const cx = Math.round(((x - r.left) * src.width) / r.width);
    const cy = Math.round(((y - r.top) * src.height) / r.height);
    const d = g.getImageData(cx - 4, cy - 4, 9, 9).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    return sum / (d.length / 4);
  }, [p.x, p.y] as const);
}

async function waitForModel(page: Page, id: string): Promise<void> {
  await waitFor(page, (bid) => window.__planlotseScenario!.modelIds().includes(bid), id, { timeout: 120_000 });
  await settle(page);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('scenarios in the browser', () => {
  it('draws a building with touch taps; its model casts a Cesium shadow', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: true });
    const page = await open(ctx, `${QUERY}&sh=1`);
    // Ground 8 m north of the building's north edge: in its noon shadow (21 March, sun 36° high, 12 m building).
    const [slon, slat] = ll(72, 144);
    const lit = await lumaAt(page, await toScreen(page, slon, slat, 0));
    await sketch(page, rect(60, 120, 24, 16), 'touch');
    const s = await state(page);
    expect(s.message).toBeNull();
    expect(s.variant!.buildings).toHaveLength(1);
    expect(areaM2(s.variant!.buildings[0].footprint)).toBeGreaterThan(24 * 16 * 0.95);
    expect(areaM2(s.variant!.buildings[0].footprint)).toBeLessThan(24 * 16 * 1.05);
    await waitForModel(page, s.variant!.buildings[0].id);
    await snap(page, 'scenario-touch');
    const shaded = await lumaAt(page, await toScreen(page, slon, slat, 0));
    expect(shaded).toBeLessThan(lit * 0.85);
    await ctx.close();
  });

  let ctx: BrowserContext;
  let page: Page;
  let id = '';

  it('draws a building with the mouse, sets its height, undoes and redoes', async () => {
    ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await open(ctx);
    await sketch(page, rect(150, 80, 30, 20), 'mouse');
    let s = await state(page);
    expect(s.message).toBeNull();
    expect(s.scenarios).toBe(1);
    expect(s.variant!.buildings).toHaveLength(1);
    const b = s.variant!.buildings[0];
    id = b.id;
    expect(areaM2(b.footprint)).toBeGreaterThan(600 * 0.95);
    expect(areaM2(b.footprint)).toBeLessThan(600 * 1.05);
    await waitForModel(page, id);

    await page.getByTestId('scenario-tool-sketch').click(); // tool off
    await page.getByTestId('scenario-storeys').fill('6');
    await page.getByTestId('scenario-storeys').press('Enter');
    s = await state(page);
    expect(s.variant!.buildings[0].storeys).toBe(6);
    await page.getByTestId('scenario-total-height').fill('21');
    await page.getByTestId('scenario-total-height').press('Enter');
    s = await state(page);
    expect(s.variant!.buildings[0].storeyHeightM).toBeCloseTo(3.5, 9);
    await waitForModel(page, id);
    await snap(page, 'scenario-mouse-6-storeys');
    // The model stands on its footprint (30 m east–west, 20 m north–south, 21 m high):
    // picked at the roof centre and near the east and north edges, not just outside them.
    const at = async (e: number, n: number, h: number) => {
      const [lon, lat] = ll(e, n);
      const q = await toScreen(page, lon, lat, h);
      return page.evaluate(([x, y]) => window.__planlotseScenario!.proposedIdAt(x, y) ?? null, [q.x, q.y] as const);
    };
    expect(await at(165, 90, 21)).toBe(id);
    expect(await at(178, 90, 21)).toBe(id);
    expect(await at(165, 98, 21)).toBe(id);
    expect(await at(165, 106, 21)).toBeNull();
    expect(await at(185, 90, 21)).toBeNull();

    await page.getByTestId('scenario-undo').click();
    expect((await state(page)).variant!.buildings[0].storeyHeightM).toBe(3);
    await page.getByTestId('scenario-undo').click();
    expect((await state(page)).variant!.buildings[0].storeys).toBe(4);
    // Keyboard redo (focus outside any field).
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+Shift+Z');
    await page.keyboard.press('Control+Shift+Z');
    s = await state(page);
    expect(s.variant!.buildings[0].storeys).toBe(6);
    expect(s.variant!.buildings[0].storeyHeightM).toBeCloseTo(3.5, 9);
    await page.keyboard.press('Control+Z');
    expect((await state(page)).variant!.buildings[0].storeyHeightM).toBe(3);
    await page.keyboard.press('Control+Shift+Z');
  });

  it('finds the building again after a reload', async () => {
    await page.evaluate(() => window.__planlotseScenario!.flush());
    // The shareable URL carries the scenario and variant.
    await waitFor(page, () => /[?&]scn=.+&var=/.test(location.search), null, { timeout: 10_000 });
    await page.reload();
    await waitFor(page, () => !!window.__planlotse);
    await page.evaluate(() => window.__planlotse!.ready);
    await page.evaluate(() => window.__planlotseScenario!.loaded);
    const s = await state(page);
    expect(s.variant!.buildings.map((b) => b.id)).toEqual([id]);
    expect(s.variant!.buildings[0].storeys).toBe(6);
    await waitForModel(page, id);
    await openSection(page, /Szenarien/);
  });

  it('moves a corner by dragging its handle', async () => {
    await page.getByTestId('scenario-buildings').getByRole('button').first().click();
    await settle(page);
    const before = (await state(page)).variant!.buildings[0].footprint;
    // Corner 2 is the north-east corner (e 180, n 100); drag it 10 m east.
    const from = await toScreen(page, before[2][0], before[2][1], 0.4);
    const [lon, lat] = ll(190, 100);
    const to = await toScreen(page, lon, lat, 0);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    const after = (await state(page)).variant!.buildings[0].footprint;
    // Trapezoid 30/40 m × 20 m = 700 m² (corner placed to within a pixel, ~0.3 m).
    expect(areaM2(after)).toBeGreaterThan(700 - 15);
    expect(areaM2(after)).toBeLessThan(700 + 15);
    expect(after[0]).toEqual(before[0]);
    await page.getByTestId('scenario-undo').click();
    expect((await state(page)).variant!.buildings[0].footprint).toEqual(before);
  });

  it('exports the scenario file, and a bad file is refused with a clear error without touching the work', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scenario-export').click()]);
    expect(download.suggestedFilename()).toBe('Szenario-1.planlotse.json');
    const text = await downloadText(download);
    const exported = JSON.parse(text);
    const s0 = await page.evaluate(() => window.__planlotse!.getState().scenarios);
    expect(exported).toEqual(s0[0]);
    expect(exported.schemaVersion).toBe(2);

    // Self-intersecting footprint in an otherwise valid file.
    const bad = structuredClone(exported);
    const fp = bad.variants[0].buildings[0].footprint;
    [fp[1], fp[2]] = [fp[2], fp[1]];
    await page.getByTestId('scenario-import').setInputFiles({ name: 'kaputt.planlotse.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const msg = page.getByTestId('scenario-message');
    await msg.waitFor();
    expect(await msg.textContent()).toContain('kaputt.planlotse.json: variant 0 "Variante A", building 0 "Gebäude 1"');
    expect(await msg.textContent()).toContain('footprint is self-intersecting');
    expect(await msg.getAttribute('role')).toBe('alert');
    // A newer schema version.
    await page.getByTestId('scenario-import').setInputFiles({ name: 'zukunft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, schemaVersion: 9 })) });
    await expect.poll(() => msg.textContent()).toContain('zukunft.json: schemaVersion 9 is newer than this Planlotse supports (2)');
    expect(await page.evaluate(() => window.__planlotse!.getState().scenarios)).toEqual(s0);
    // The good file imports as a second scenario, leaving the first as it was.
    await page.getByTestId('scenario-import').setInputFiles({ name: 'gut.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.evaluate(() => window.__planlotse!.getState().scenarios.length)).toBe(2);
    expect(await page.evaluate(() => window.__planlotse!.getState().scenarios[0])).toEqual(s0[0]);
    await page.getByTestId('scenario-select').selectOption(s0[0].id);
    expect((await state(page)).variant!.buildings[0].id).toBe(id);
  });

  it('demolishes an existing building: hidden in the scene and listed in the variant', async () => {
    expect(await page.evaluate(() => window.__planlotseScenario!.featureShown('DEHH_FIXTURE_1'))).toBe(true);
    await page.getByTestId('scenario-tool-demolish').click();
    const [lon, lat] = ll(320, 270);
    const p = await toScreen(page, lon, lat, 6);
    await page.mouse.click(p.x, p.y);
    const s = await state(page);
    expect(s.variant!.demolishedIds).toEqual(['DEHH_FIXTURE_1']);
    await settle(page);
    expect(await page.evaluate(() => window.__planlotseScenario!.featureShown('DEHH_FIXTURE_1'))).toBe(false);
    await expect.poll(() => page.getByTestId('scenario-demolished').textContent()).toContain('DEHH_FIXTURE_1');
    await snap(page, 'scenario-demolished');
    // Undo brings it back.
    await page.getByTestId('scenario-undo').click();
    await settle(page);
    expect(await page.evaluate(() => window.__planlotseScenario!.featureShown('DEHH_FIXTURE_1'))).toBe(true);
    await page.getByTestId('scenario-redo').click();
    await page.getByTestId('scenario-tool-demolish').click(); // tool off
  });

  it('compares two variants and reads the delta table', async () => {
    await page.getByTestId('variant-duplicate').click();
    let s = await state(page);
    expect(s.variant!.name).toBe('Variante A (Kopie)');
    const copyId = s.variant!.buildings[0].id;
    await page.getByRole('button', { name: 'Variante A (Kopie)' }).click().catch(() => undefined);
    await page.evaluate((bid) => window.__planlotse!.getState().selectProposedBuilding(bid), copyId);
    await page.getByTestId('scenario-storeys').fill('3');
    await page.getByTestId('scenario-storeys').press('Enter');
    s = await state(page);
    expect(s.variant!.buildings[0].storeys).toBe(3);

    await page.getByTestId('scenario-compare-split').click();
    const variants = await page.evaluate(() => {
      const st = window.__planlotse!.getState();
      return st.scenarios.find((x) => x.id === st.activeScenarioId)!.variants.map((v) => v.id);
    });
    await page.getByTestId('scenario-compare-left').selectOption(variants[1]);
    await page.getByTestId('scenario-compare-right').selectOption(variants[0]);
    // Each side change starts a worker run and the table shows the last finished one: wait for the run of these two sides.
    await waitFor(page, ([l, r]) => {
      const st = window.__planlotse!.getState();
      return st.compareStatus === 'done' && st.compareRun?.left === l && st.compareRun?.right === r;
    }, [variants[1], variants[0]], { timeout: 120_000 });
    const table = page.getByTestId('scenario-delta-table');
    await table.waitFor();
    const row = (rule: string) => table.locator(`tr[data-area="bp-wa-1"][data-rule="${rule}"]`);
    // 600 m² on a 60 000 m² Baugebiet: GRZ 0.01 on both sides; storeys 3 → 6 against a limit of 4.
    // Named as the plan names the area (no gliederung1 in the fixture: its land use), rules and numbers in German.
    expect(await row('GRZ').locator('td').allTextContents()).toEqual(['WA', 'GRZ', '0,01', '0,01', '0,40']);
    expect(await row('storeys').locator('td').allTextContents()).toEqual(['WA', 'Geschosse', '3', '6 ⚠', '4']);
    expect(await row('storeys').locator('td').nth(3).getAttribute('title')).toBe('eingehalten → überschritten');
    expect(await row('storeys').getAttribute('data-status')).toBe('exceeded');
    expect(await page.getByTestId('scenario-new-conflicts').textContent()).toBe('Neue Konflikte: WA Geschosse');
    // Sun-hour change on 21 March: 3 → 6 storeys casts longer shadows; the heatmap and numbers appear.
    await waitFor(page, () => window.__planlotseScenario!.modelIds().length === 2, null, { timeout: 120_000 });
    await settle(page);
    const noHeat = await canvasStats(page);
    await page.getByTestId('scenario-compute-sun').click();
    const sun = page.getByTestId('scenario-sun-delta');
    await sun.waitFor({ timeout: 120_000 });
    await settle(page);
    // The difference heatmap is drawn on the ground.
    expect(gridDiff(noHeat, await canvasStats(page))).toBeGreaterThan(1);
    const range = await page.evaluate(() => {
      const d = window.__planlotse!.getState().scenarioSunDelta!;
      return [d.minDeltaHours, d.maxDeltaHours];
    });
    expect(range[0]).toBeLessThan(-1);
    expect(range[1]).toBeCloseTo(0, 6);
    // Both variants are on screen, one per side of the split.
    await waitFor(page, () => window.__planlotseScenario!.modelIds().length === 2, null, { timeout: 120_000 });
    await settle(page);
    await snap(page, 'scenario-compare-split');
    // Demolitions per side: each side has its own city-model tileset. Both variants demolish
    // DEHH_FIXTURE_1 so far; restored in the copy (left) only, it is drawn left and hidden right.
    const sides = () =>
      page.evaluate(() => (['left', 'right'] as const).map((side) => window.__planlotseScenario!.featureShown('DEHH_FIXTURE_1', side) ?? 'not loaded'));
    await expect.poll(sides, { timeout: 120_000 }).toEqual([false, false]);
    expect((await state(page)).variant!.name).toBe('Variante A (Kopie)');
    await page.evaluate(() => window.__planlotse!.getState().restoreBuildings(['DEHH_FIXTURE_1']));
    await settle(page);
    await expect.poll(sides, { timeout: 120_000 }).toEqual([true, false]);
    // Swapped sides: hidden left, drawn right.
    await page.getByTestId('scenario-compare-left').selectOption(variants[0]);
    await page.getByTestId('scenario-compare-right').selectOption(variants[1]);
    await settle(page);
    await expect.poll(sides, { timeout: 120_000 }).toEqual([false, true]);
    // Comparison off: the second tileset is gone and the active variant (the copy) shows the building.
    await page.getByTestId('scenario-compare-off').click();
    await settle(page);
    await expect.poll(sides, { timeout: 120_000 }).toEqual([true, 'not loaded']);
    expect(rec.pageErrors).toEqual([]);
    await ctx.close();
  });
});
