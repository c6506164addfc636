import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { appUrl, canvasStats, gridDiff, launchBrowser, nextFrames, openApp, recordPage, serveDataset, setTestOptions, settle, snap, TEST_RESOLUTION_SCALE, toScreen, waitFor, type PageRecord } from './harness';
import { de as DE } from '../../src/core/i18n/resources/de';
import { en as EN } from '../../src/core/i18n/resources/en';

// The self-made fixture dataset (tests/browser/fixtures/fixture): four plan
// areas defined in EPSG:25832, twelve trees, an online OSM layer (off).
const plan = JSON.parse(readFileSync('tests/browser/fixtures/fixture/plan.geojson', 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
const catalog = JSON.parse(readFileSync('tests/browser/fixtures/fixture/catalog.json', 'utf8'));
const ring = (id: string) => plan.features.find((f) => f.id === id)!.geometry.coordinates[0].slice(0, -1) as [number, number][];
const centre = (id: string) => {
  const r = ring(id);
  return [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length] as [number, number];
};
const FIXTURE = '?dataset=fixture&t=2026-06-21T10:00:00Z';

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

const origin = () => new URL(appUrl()).origin;
const externalRequests = (r: PageRecord) => r.requests.filter((u) => !u.startsWith(origin() + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));

describe('viewer on the fixture dataset', () => {
  it('renders globe and plan areas, offline, without console errors', async () => {
    await openApp(page, FIXTURE);
    const s = await canvasStats(page);
    await snap(page, 'fixture-start');
    // The canvas fills the view beside the panel; its drawing buffer is the test render scale of that.
    const cssWidth = await page.locator('#scene canvas').evaluate((c) => c.getBoundingClientRect().width);
    expect(cssWidth).toBeGreaterThan(800);
    expect(Math.abs(s.width - cssWidth * TEST_RESOLUTION_SCALE)).toBeLessThanOrEqual(1);
    expect(s.lumaStd).toBeGreaterThan(5);
    expect(s.distinctColours).toBeGreaterThan(50);
    // The WA area is drawn in its PlanZV colour (reddish) at its centre.
    const wa = await toScreen(page, ...centre('bp-wa-1'));
    const px = await page.evaluate(([x, y]) => {
      const src = document.querySelector('#scene canvas') as HTMLCanvasElement;
      const r = src.getBoundingClientRect();
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const g = c.getContext('2d')!;
      g.drawImage(src, 0, 0);
      const k = src.width / r.width;
      return Array.from(g.getImageData(Math.round((x - r.left) * k), Math.round((y - r.top) * k), 1, 1).data);
    }, [wa.x, wa.y]);
    expect(px[0]).toBeGreaterThan(px[1] + 30);
    await expect(page.getByTestId('dataset-notice').textContent()).resolves.toBe('Testdaten, selbst erstellt');
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    expect(externalRequests(rec)).toEqual([]);
    expect(rec.requests.some((u) => u.includes('/data/fixture/plan.geojson'))).toBe(true);
  });

  it('toggling a layer changes the scene; opacity changes pixels', async () => {
    const before = await canvasStats(page);
    const toggle = page.getByRole('checkbox', { name: 'Bebauungsplan anzeigen' });
    await toggle.uncheck();
    await settle(page);
    const hidden = await canvasStats(page);
    await snap(page, 'fixture-plan-hidden');
    expect(gridDiff(before, hidden)).toBeGreaterThan(2);
    await toggle.check();
    await settle(page);
    expect(gridDiff(before, await canvasStats(page))).toBeLessThan(0.5);
    await page.getByRole('slider', { name: 'Deckkraft von Bebauungsplan' }).fill('30');
    await settle(page);
    const faint = await canvasStats(page);
    await snap(page, 'fixture-plan-opacity-30');
    expect(gridDiff(before, faint)).toBeGreaterThan(1);
    await expect.poll(() => page.url()).toContain('op=plan:0.3'); // the address bar is written 400 ms after a change
    await page.getByRole('slider', { name: 'Deckkraft von Bebauungsplan' }).fill('100');
    await settle(page);
  });

  it('picking opens the feature panel; a malicious value renders as text and runs nothing', async () => {
    const p = await toScreen(page, ...centre('bp-wa-1'));
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await settle(page);
    await snap(page, 'fixture-picked-wa');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('bp-wa-1');
    expect(text).toContain('Allgemeines Wohngebiet');
    expect(text).toContain('Grundflächenzahl (GRZ)');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<script>alert("xss")</script>');
    expect(await panel.locator('img, script, iframe').count()).toBe(0);
    expect(await page.locator('.cesium-infoBox, iframe').count()).toBe(0);
    // Let a smuggled handler run (the frames after the panel rendered), then check nothing did.
    await nextFrames(page, 3);
    expect(rec.dialogs).toEqual([]);
    expect(await page.evaluate(() => window.__planlotse!.getState().selection?.featureId)).toBe('bp-wa-1');
  });

  it('switching language changes every visible label', async () => {
    // Open every section so that all labels are on screen.
    const closed = page.locator('.panel-toolbar button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    await page.getByRole('button', { name: 'Fläche', exact: true }).click();
    const collect = () =>
      page.evaluate(() => {
        const out: string[] = [];
        const walk = document.createTreeWalker(document.getElementById('root')!, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (n.nodeType === Node.TEXT_NODE) {
            const el = n.parentElement!;
            const t = n.textContent!.trim();
            if (t && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden') out.push(t);
          } else {
            for (const a of ['aria-label', 'title']) {
              const v = (n as Element).getAttribute(a);
              if (v) out.push(v.trim());
            }
          }
        }
        return out;
      });
    const de = await collect();
    await snap(page, 'fixture-all-sections-de');
    await page.getByRole('button', { name: 'Englisch' }).click();
    const en = await collect();
    await snap(page, 'fixture-all-sections-en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Strings that are the same in both languages (names, codes, numbers, licence lines, data values).
    const neutral = new Set<string>(['DE', 'EN', '×', 'Planlotse']);
    const keys = Object.keys(DE) as (keyof typeof DE)[];
    for (const k of keys) if (DE[k] === EN[k]) neutral.add(DE[k]);
    const localized: { de: string; en: string }[] = [catalog.title, catalog.notice, catalog.home, ...catalog.viewpoints.map((v: { title: unknown }) => v.title), ...catalog.layers.flatMap((l: { title: unknown; group: unknown; legend?: { label: unknown }[] }) => [l.title, l.group, ...(l.legend ?? []).map((e) => e.label)])];
    for (const t of localized) if ('de' in t && t.de === t.en) neutral.add(t.de);
    for (const l of catalog.layers) neutral.add(l.attribution);
    // Data of the picked feature (attribute names of unknown attributes, values) is shown as is.
    const flat = (o: Record<string, unknown>, pre = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v as Record<string, unknown>, `${pre}${k}.`) : [`${pre}${k}`, k, String(v)]));
    for (const d of flat(plan.features.find((f) => f.id === 'bp-wa-1')!.properties!)) neutral.add(d);
    const isNeutral = (s: string) =>
      neutral.has(s) || !/[A-Za-zÄÖÜäöüß]{2}/.test(s) || [...neutral].some((n) => n.length > 3 && s.includes(n) && s.replace(n, '').trim().length <= 2) || /^[A-Z]{2}$/.test(s) || /^(Ctrl|Shift|Alt|Meta)(\+\w+)+$/.test(s);
    const unchanged = [...new Set(de.filter((s) => en.includes(s)))].filter((s) => !isNeutral(s));
    expect(unchanged).toEqual([]);
    // And no German dictionary text is left anywhere.
    const germanOnly: string[] = keys.filter((k) => DE[k] !== EN[k] && !DE[k].includes('{')).map((k) => DE[k]);
    expect(en.filter((s) => germanOnly.includes(s))).toEqual([]);
    // Keyboard: Tab reaches the layer checkboxes, Space toggles, the focus is visible.
    await page.getByRole('button', { name: 'Expand or collapse section Layers' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { label: el.getAttribute('aria-label'), outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(focused.label).toBe('Show Buildings (LoD1)');
    expect(focused.outline).not.toBe('none');
    expect(parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.__planlotse!.getState().layers.buildings.visible)).toBe(false);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.__planlotse!.getState().layers.buildings.visible)).toBe(true);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
  });

  it('measures the area of a known polygon within 0.1 % of its EPSG:25832 area', async () => {
    const [lon, lat] = centre('bp-wa-1');
    // Full resolution: the clicked corners are depth-picked, a coarser buffer would move them by a pixel.
    await openApp(page, `${FIXTURE}&lang=en&cam=${lon},${lat},420,0,-90&layers=plan`, { resolutionScale: 1 });
    await page.getByRole('button', { name: 'Expand or collapse section Measure' }).click();
    await page.getByRole('button', { name: 'Area', exact: true }).click();
    for (const [x, y] of ring('bp-wa-1')) {
      const p = await toScreen(page, x, y);
      await page.mouse.click(p.x, p.y);
    }
    await settle(page);
    await snap(page, 'fixture-measure-area');
    // Expected: the polygon's own vertices projected to EPSG:25832, shoelace.
    const utm = ring('bp-wa-1').map((p) => proj4('WGS84', '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs', p));
    let twice = 0;
    for (let i = 0; i < utm.length; i++) {
      const a = utm[i], b = utm[(i + 1) % utm.length];
      twice += a[0] * b[1] - b[0] * a[1];
    }
    const expected = Math.abs(twice) / 2;
    expect(expected).toBeCloseTo(60000, 1);
    const state = await page.evaluate(() => ({ n: window.__planlotse!.getState().measurePoints.length }));
    expect(state.n).toBe(4);
    const shown = await page.locator('[data-measure="measure.result.area"]').textContent();
    const measured = Number(shown!.replace(/[^\d.]/g, ''));
    console.log(`measured area ${measured} m², expected ${expected.toFixed(1)} m², error ${((100 * (measured - expected)) / expected).toFixed(4)} %`);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.001);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
  });

  it('the URL round-trips camera, layers, opacity, time, language and selection', async () => {
    await openApp(page, `${FIXTURE}&lang=en`);
    await page.getByRole('button', { name: 'Expand or collapse section Sun & shadow' }).click();
    await page.getByRole('checkbox', { name: 'Show Trees' }).uncheck();
    await page.getByRole('slider', { name: 'Opacity of Zoning plan' }).fill('55');
    await page.getByRole('button', { name: '21 December' }).click();
    await page.getByRole('slider', { name: 'Time of day' }).fill('600');
    await page.getByRole('button', { name: 'Fly to “Oblique view”' }).click();
    await waitFor(page, () => window.__planlotse!.getState().camera?.pitchDeg !== undefined && Math.abs(window.__planlotse!.getState().camera!.pitchDeg + 35) < 0.5);
    await settle(page);
    const p = await toScreen(page, ...centre('bp-mi-1'));
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('feature-panel').waitFor();
    // URL writes are debounced: wait until the address bar carries the selection.
    await waitFor(page, () => { const s = window.__planlotse!.getState(); return !!s.selection && new URLSearchParams(location.search).get('sel') === `${s.selection.layerId}~${s.selection.featureId}`; });
    const url = page.url();
    const before = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      return { camera: s.camera!, layers: s.layers, timeMs: s.timeMs, lang: s.lang, sel: s.selection?.featureId };
    });
    expect(new Date(before.timeMs).toISOString()).toBe('2026-12-21T09:00:00.000Z'); // 10:00 in Berlin (CET)
    const page2 = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const rec2 = recordPage(page2);
    await serveDataset(page2, 'fixture');
    await setTestOptions(page2, { resolutionScale: TEST_RESOLUTION_SCALE });
    await page2.goto(url);
    await waitFor(page2, () => !!window.__planlotse);
    await page2.evaluate(() => window.__planlotse!.ready);
    await settle(page2);
    await page2.getByTestId('feature-panel').waitFor();
    await snap(page2, 'fixture-url-restored');
    const after = await page2.evaluate(() => {
      const s = window.__planlotse!.getState();
      return { camera: window.__planlotse!.camera(), layers: s.layers, timeMs: s.timeMs, lang: s.lang, sel: s.selection?.featureId, props: s.selection?.properties };
    });
    expect(after.layers).toEqual(before.layers);
    expect(after.layers.trees.visible).toBe(false);
    expect(after.layers.plan.opacity).toBeCloseTo(0.55, 6);
    expect(after.timeMs).toBe(before.timeMs);
    expect(after.lang).toBe('en');
    expect(after.sel).toBe('bp-mi-1');
    expect(after.props?.landUse).toBe('MI');
    expect(after.camera.lon).toBeCloseTo(before.camera.lon, 5);
    expect(after.camera.lat).toBeCloseTo(before.camera.lat, 5);
    expect(Math.abs(after.camera.height - before.camera.height)).toBeLessThan(0.2);
    expect(Math.abs(after.camera.pitchDeg - before.camera.pitchDeg)).toBeLessThan(0.2);
    expect(Math.abs(((after.camera.headingDeg - before.camera.headingDeg + 540) % 360) - 180)).toBeLessThan(0.2);
    // The restored scene looks like the original one.
    expect(gridDiff(await canvasStats(page), await canvasStats(page2))).toBeLessThan(3);
    expect(rec2.consoleErrors).toEqual([]);
    await page2.close();
  });
});
