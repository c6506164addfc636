import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sunHoursRampMax } from '../../src/core/analysis/sunHoursColor';
import { analysisFinished, launchBrowser, openApp, openSection, readState, recordPage, settle, snap, toScreen, waitFor, type PageRecord } from './harness';

// The demo district (npm run demo-data) with its deliberate plan breaches (README, "Demo district").
const hasDemo = existsSync('dist/data/demo/catalog.json');
if (!hasDemo) console.log('analysisPanel.spec: dist/data/demo missing (npm run demo-data && npx vite build); skipped');

let browser: Browser;
let page: Page;
let rec: PageRecord;

const state = <T>(fn: string) => readState<T>(page, fn);
const finished = () => analysisFinished(page);

beforeAll(async () => {
  if (!hasDemo) return;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  rec = recordPage(page);
  await openApp(page, '?dataset=demo&lang=de&t=2026-06-21T15:00:00%2B02:00');
  await openSection(page, /Analysen/);
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasDemo)('Analyses panel on the demo district', () => {
  it('compliance: traffic lights find the deliberate breaches, with building ids that select and fly', async () => {
    await page.getByRole('radio', { name: 'Planeinhaltung' }).click();
    await page.locator('[data-analysis="run"]').click();
    await finished();
    expect(await state<string | null>('(s) => s.analysisError ?? null')).toBeNull();
    const red = await page.locator('[data-light="exceeded"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-baugebiet')).sort());
    expect(red).toEqual(['GE 1', 'WA 1', 'WA 5', 'WA 6']);
    expect(await page.locator('[data-light="ok"]').count()).toBeGreaterThan(3);
    // Birkenstieg 6 (WA 1): storeys and height exceeded by DEMO_BLDG_0064.
    const wa1 = page.locator('[data-baugebiet="WA 1"]');
    await expect(wa1.locator('tr[data-rule="storeys"]').getAttribute('data-status')).resolves.toBe('exceeded');
    await expect(wa1.locator('tr[data-rule="height"] [data-building-id]').allTextContents()).resolves.toEqual(['DEMO_BLDG_0064']);
    await expect(wa1.locator('tr[data-rule="height"] td').nth(1).textContent()).resolves.toBe('23,28');
    await expect(page.locator('[data-baugebiet="WA 6"] tr[data-rule="baugrenze"] [data-building-id]').allTextContents()).resolves.toEqual(['DEMO_BLDG_0229']);
    await expect(page.locator('[data-baugebiet="WA 5"] [data-compliance-area="DEMO_FS_0209"] tr[data-rule="GRZ"] [data-building-id]').allTextContents()).resolves.toEqual(['DEMO_BLDG_0223']);
    await expect(page.locator('[data-baugebiet="GE 1"] > details > div > table tr[data-rule="GRZ"]').getAttribute('data-status')).resolves.toBe('exceeded');
    await expect(page.locator('[data-analysis-inputs]').textContent()).resolves.toMatch(/Baugebiete.*Daten: demo/);
    const seq = await state<number>('(s) => s.cameraRequest?.seq ?? 0');
    await wa1.locator('tr[data-rule="height"] [data-building-id="DEMO_BLDG_0064"]').click();
    expect(await state<string>('(s) => s.selection?.featureId')).toBe('DEMO_BLDG_0064');
    expect(await state<number>('(s) => s.selection?.properties?.storeysAboveGround')).toBe(7);
    expect(await state<number>('(s) => s.cameraRequest?.seq ?? 0')).toBe(seq + 1);
    await settle(page);
    await page.locator('[data-analysis-result="compliance"]').scrollIntoViewIfNeeded();
    await page.locator('[data-baugebiet="WA 1"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await snap(page, 'analysis-panel-compliance');
  });

  it('overlaps: Baugebiete × flood zone, table by category pair and polygons on the map', async () => {
    await page.getByRole('radio', { name: 'Überlagerungen' }).click();
    await page.getByLabel('Ebene A').selectOption('bplan-baugebiete');
    await page.getByLabel('Ebene B').selectOption('flood');
    await page.locator('[data-analysis="run"]').click();
    await finished();
    const r = await state<{ kind: string; groups: { aGroup: string; areaM2: number }[]; totalAreaM2: number; geojson: { features: unknown[] } }>('(s) => s.analysisResult');
    expect(r.kind).toBe('overlaps');
    expect(r.groups.length).toBeGreaterThan(0);
    expect(r.geojson.features.length).toBeGreaterThan(0);
    const rows = await page.locator('[data-analysis-overlaps] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.length).toBe(r.groups.length);
    expect(rows[0][0]).toBe(`${r.groups[0].aGroup} × ${(r.groups[0] as unknown as { bGroup: string }).bGroup}`);
    expect(rows[0][3]).toMatch(/%$/);
    await expect(page.locator('[data-analysis-inputs]').textContent()).resolves.toMatch(/Überschwemmungsgebiet/);
    await page.evaluate(() => window.__planlotse!.getState().flyTo(window.__planlotse!.getState().catalog!.home, true));
    await settle(page);
    await snap(page, 'analysis-panel-overlaps');
  });

  it('sun hours: legend in hours, value under the pointer, per-polygon table for playgrounds, green spaces, parcels', async () => {
    await page.getByRole('radio', { name: 'Sonnenstunden am Tag' }).click();
    await page.getByLabel('Rasterweite (m)').selectOption('5');
    await page.getByLabel('Zeitschritt (min)').selectOption('30');
    await page.locator('[data-analysis="run"]').click();
    await finished();
    expect(await state<string>('(s) => s.analysisStatus')).toBe('done');
    // The legend spans the day (21 June in Hamburg: about 17 h of sun above the horizon).
    const day = await state<number>('(s) => s.analysisResult.stepCount * s.analysisResult.stepHours');
    const labels = await page.locator('.analysis-ramp-labels span').allTextContents();
    expect(labels[0]).toBe('0');
    expect(labels.at(-1)).toBe(String(sunHoursRampMax(day)));
    expect(sunHoursRampMax(day)).toBeGreaterThanOrEqual(16);
    for (const layer of ['playgrounds', 'bplan-gruen', 'parcels']) expect(await page.locator(`[data-analysis-zones="${layer}"] tbody tr`).count()).toBeGreaterThan(0);
    const park = await state<{ meanSunHours: number; label: string }>(`(s) => s.analysisResult.zones.find((z) => z.id === 'playgrounds:DEMO_SPIEL_1')`);
    expect(park.label).toBe('Spielplatz Mühlenpark');
    expect(await state<string[]>(`(s) => s.analysisResult.zones.filter((z) => z.layerId === 'bplan-gruen').map((z) => z.label).sort()`)).toEqual(['Mühlenpark', 'Spielplatz Mühlenpark']);
    expect(park.meanSunHours).toBeGreaterThan(8);
    await expect(page.locator('[data-zone-id="playgrounds:DEMO_SPIEL_1"] td').nth(1).textContent()).resolves.toMatch(/ h$/);
    await settle(page);
    // Hover over the middle of the district: the panel reads the cell value.
    const p = await toScreen(page, 10.0457, 53.5525);
    await page.mouse.move(p.x, p.y);
    await waitFor(page, () => window.__planlotse!.getState().analysisProbe !== undefined, undefined, { timeout: 30_000 });
    await expect(page.locator('[data-analysis-probe]').textContent()).resolves.toMatch(/Unter dem Zeiger: (\d+,\d h|Gebäude)/);
    await snap(page, 'analysis-panel-sunhours');
    await page.locator('[data-analysis-zones="playgrounds"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await snap(page, 'analysis-panel-sunhours-table');
  });

  it('shadows follow the time slider once computed', async () => {
    await page.getByRole('radio', { name: 'Schatten jetzt' }).click();
    await page.locator('[data-analysis="run"]').click();
    await finished();
    const first = await state<{ azimuthDeg: number; runId: number }>('(s) => s.analysisResult');
    const t2 = Date.parse('2026-06-21T18:00:00+02:00');
    await page.evaluate((t) => window.__planlotse!.getState().setTime(t), t2);
    await waitFor(page, (id) => { const s = window.__planlotse!.getState(); return s.analysisResult?.runId !== id && s.analysisStatus === 'done'; }, first.runId, { timeout: 60_000 });
    const second = await state<{ azimuthDeg: number; inputs: { timeMs: number } }>('(s) => s.analysisResult');
    expect(second.inputs.timeMs).toBe(t2);
    expect(second.azimuthDeg).toBeGreaterThan(first.azimuthDeg + 30);
    expect(rec.pageErrors).toEqual([]);
  });
});
