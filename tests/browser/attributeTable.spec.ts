import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { generateAttributeLayer } from '../../scripts/bench/support/generateAttributeLayer';
import { appUrl, downloadText, launchBrowser, readState, recordPage, settle, snap, toScreen, waitFor, type PageRecord } from './harness';

// The attribute table in the bottom drawer, on the production build: the demo
// district's buildings (filter, sort, summary, export, selection both ways)
// and a generated 50,000-feature layer added to the demo catalog (load, sort,
// filter, scroll times; only a window of rows in the DOM).
const catalog = JSON.parse(readFileSync('data/demo/catalog.json', 'utf8'));
const buildings = JSON.parse(readFileSync('data/demo/buildings.geojson', 'utf8')) as GeoJSON.FeatureCollection;
const props = buildings.features.map((f) => f.properties as { id: string; heightM: number; functionLabel: string; groundHeightM: number });
const N = 50_000;
const big = generateAttributeLayer({ n: N, centre: [catalog.home.lon, catalog.home.lat + 0.01], sizeM: 2000 });
const bigProps = big.features.map((f) => ({ id: String(f.id), ...(f.properties as { heightM: number; category: string }) }));
const de = (v: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(v);

let browser: Browser;
let page: Page;
let rec: PageRecord;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  rec = recordPage(page);
  // Every frame is software-rendered: on a busy machine a click may wait long for one.
  page.setDefaultTimeout(120_000);
  // The demo catalog plus the generated layer (hidden), served at the demo's own URLs.
  const withBig = { ...catalog, layers: [...catalog.layers, { id: 'bench-50k', title: { de: '50.000 Testobjekte', en: '50,000 test features' }, group: { de: 'Test', en: 'Test' }, type: 'geojson-points', url: 'bench-50k.geojson', defaultVisible: false, attribution: 'generiert' }] };
  await page.route('**/data/demo/catalog.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withBig) }));
  const body = JSON.stringify(big);
  await page.route('**/data/demo/bench-50k.geojson', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  // The table needs the catalog, not a settled globe: only the map-pick test waits for the scene. No layer is
  // shown at first (a table opens for hidden layers too); a row click switches its layer on.
  await page.goto(appUrl('?dataset=demo&lang=de&layers='));
  await waitFor(page, () => !!window.__planlotse);
  await page.evaluate(() => window.__planlotse!.ready);
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

/** Text of the row counter above the table. */
const count = () => page.getByTestId('table-count').textContent();
/** Ids of the rows in the DOM, top to bottom. */
const domIds = () => page.$$eval('.attribute-table tbody tr[data-row-id]', (rs) => rs.map((r) => r.getAttribute('data-row-id')!));

/** What {@link timed} waits for: the first row's id, the counter's text, or a row id among the rendered rows. */
type Until = { firstRow: string } | { count: string } | { rendered: string };

/**
 * Runs an action in the page and measures until the table shows the wanted
 * state: from the event to the DOM being updated (React renders discrete
 * events synchronously; the check polls on macrotasks, not frames, so the
 * figure is the table's work and not SwiftShader's frame rate).
 */
async function timed(action: 'click' | 'input' | 'scroll', arg: { selector: string; value?: string; scrollTop?: number }, until: Until): Promise<number> {
  return page.evaluate(
    async ({ action, arg, until }) => {
      const el = document.querySelector(arg.selector) as HTMLElement;
      const t0 = performance.now();
      if (action === 'click') el.click();
      else if (action === 'input') {
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        set.call(el, arg.value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        el.scrollTop = arg.scrollTop!;
        el.dispatchEvent(new Event('scroll'));
      }
      const ids = () => [...document.querySelectorAll('.attribute-table tbody tr[data-row-id]')].map((r) => r.getAttribute('data-row-id'));
      const done = () =>
        'firstRow' in until ? ids()[0] === until.firstRow : 'count' in until ? document.querySelector('[data-testid="table-count"]')?.textContent === until.count : ids().includes(until.rendered);
      while (!done()) {
        if (performance.now() - t0 > 20_000) throw new Error(`not reached: ${JSON.stringify(until)}`);
        await new Promise((r) => setTimeout(r, 0));
      }
      return performance.now() - t0;
    },
    { action, arg, until },
  );
}

describe('attribute table', () => {
  it('opens the demo buildings from the layer tree: filter, sort, summary, export', async () => {
    await page.getByRole('button', { name: 'Attributtabelle von Gebäude LoD2 (generiert) öffnen' }).click();
    await page.locator('.attribute-table tbody tr[data-row-id]').first().waitFor();
    expect(await count()).toBe(`${props.length} Zeilen`);
    // Readable headers with units; no coordinate column (roofs).
    const headers = await page.$$eval('.attribute-table thead .th-sort', (hs) => hs.map((h) => h.textContent));
    expect(headers).toContain('Gebäudehöhe (m)');
    expect(headers).toContain('Gebäudefunktion');
    expect(headers.join()).not.toContain('roofs');
    // Sort by height, descending on the second click; empty heights would come last.
    const sortHeight = page.getByRole('button', { name: 'Nach Gebäudehöhe (m) sortieren' });
    await sortHeight.click();
    await sortHeight.click();
    const byHeight = [...props].sort((a, b) => b.heightM - a.heightM);
    expect((await domIds())[0]).toBe(byHeight[0].id);
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    // Text filter (contains) and numeric filter (comparison) together; the summary follows the filtered rows.
    await page.getByRole('searchbox', { name: 'Filter für Gebäudefunktion', exact: true }).fill('wohn');
    await page.getByRole('searchbox', { name: 'Filter für Gebäudehöhe (m)' }).fill('> 15');
    const want = byHeight.filter((p) => p.functionLabel.toLowerCase().includes('wohn') && p.heightM > 15);
    expect(want.length).toBeGreaterThan(3);
    expect(want.length).toBeLessThan(props.length);
    expect(await count()).toBe(`${want.length} von ${props.length} Zeilen`);
    expect((await domIds()).slice(0, want.length)).toEqual(want.map((p) => p.id).slice(0, (await domIds()).length));
    const sum = want.reduce((s, p) => s + p.heightM, 0);
    const summary = (await page.getByTestId('table-summary').textContent()) ?? '';
    expect(summary).toContain(`Σ ${de(sum)}⌀ ${de(sum / want.length)}`);
    await snap(page, 'table-buildings-filtered');
    // Export of the filtered rows in their order, German Excel dialect.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('planlotse-buildings-excel.csv');
    const csv = await downloadText(download);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(want.length + 1);
    const head = lines[0].split(';');
    const hi = head.indexOf('Gebäudehöhe (m)');
    expect(head[0]).toBe('Kennung');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(want.map((p) => p.id));
    expect(lines[1].split(';')[hi]).toBe(String(want[0].heightM).replace('.', ','));
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    expect(await count()).toBe(`${props.length} Zeilen`);
  }, 240_000);

  it('a row click selects and flies to the building; a building picked on the map selects and scrolls to its row', async () => {
    // Far down the table in data order: the tallest of the last 60 buildings.
    const target = props.slice(-60).sort((a, b) => b.heightM - a.heightM)[0];
    await page.getByRole('searchbox', { name: 'Filter für Kennung' }).fill(target.id);
    await page.locator(`.attribute-table tr[data-row-id="${target.id}"]`).click();
    expect(await readState(page, (s) => s.selection && { layerId: s.selection.layerId, featureId: s.selection.featureId })).toEqual({ layerId: 'buildings', featureId: target.id });
    await page.getByTestId('feature-panel').waitFor();
    // The camera flies to the feature (pitch −45°, south of it).
    const f = buildings.features[props.indexOf(target)];
    const ring = (f.geometry as GeoJSON.Polygon).coordinates[0];
    const [lon, lat] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    await waitFor(page, ([lo, la]) => { const c = window.__planlotse!.getState().camera; return !!c && Math.abs(c.pitchDeg + 45) < 1 && Math.abs(c.lon - lo) < 0.003 && c.lat < la; }, [lon, lat], { timeout: 120_000 });
    await settle(page);
    await snap(page, 'table-row-selected');
    // Reset: card closed, filter cleared, table at the top; the target's row is not in the DOM.
    await page.getByRole('button', { name: 'Objektinformationen schließen' }).click();
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.getByRole('button', { name: 'Nach Gebäudehöhe (m) sortieren' }).click(); // third click: unsorted
    await page.getByTestId('table-scroll').evaluate((el) => el.scrollTo(0, 0));
    await waitFor(page, () => document.querySelector('.attribute-table tbody tr[data-row-id]')?.getAttribute('aria-rowindex') === '2');
    expect(await domIds()).not.toContain(target.id);
    // Pick on the map: a point inside the target building (between ground and roof whether the tiles stand on the
    // ellipsoid or on the terrain height), which projects onto the building's visible surface.
    const p = await toScreen(page, lon, lat, (target.groundHeightM + target.heightM) / 2);
    await page.mouse.click(p.x, p.y);
    // A pick renders a frame: slow under SwiftShader on a busy machine.
    await waitFor(page, () => window.__planlotse!.getState().selection?.layerId === 'buildings', undefined, { timeout: 120_000 });
    const picked = await readState(page, (s) => s.selection!.featureId);
    console.log(`map pick: ${picked} (target ${target.id}), row index ${props.findIndex((x) => x.id === picked)} of ${props.length}`);
    const row = page.locator(`.attribute-table tr[data-row-id="${picked}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    const [inView, rowBox, scrollBox] = await Promise.all([row.isVisible(), row.boundingBox(), page.getByTestId('table-scroll').boundingBox()]);
    expect(inView).toBe(true);
    expect(rowBox!.y).toBeGreaterThanOrEqual(scrollBox!.y);
    expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(scrollBox!.y + scrollBox!.height + 1);
    await snap(page, 'table-map-selected');
    await page.getByRole('button', { name: 'Objektinformationen schließen' }).click();
  }, 240_000);

  it('stays responsive with 50,000 features: load, sort, filter and scroll times, a window of rows in the DOM', async () => {
    const t0 = Date.now();
    await page.locator('.table-layer-pick select').selectOption('bench-50k');
    await waitFor(page, () => document.querySelector('[data-testid="table-count"]')?.textContent === '50.000 Zeilen', undefined, { timeout: 120_000 });
    const loadMs = Date.now() - t0;
    const rowsInDom = async () => (await domIds()).length;
    expect(await rowsInDom()).toBeLessThan(60);
    // Stable sorts: ties in data order, as the table breaks them.
    const byHeight = [...bigProps].sort((a, b) => b.heightM - a.heightM);
    const lowest = [...bigProps].sort((a, b) => a.heightM - b.heightM)[0];
    // Sort descending by height: two clicks (the first sorts ascending).
    const sortSel = 'th:nth-child(4) .th-sort';
    expect(await page.locator(sortSel).textContent()).toContain('Gebäudehöhe (m)');
    const sortAsc = await timed('click', { selector: sortSel }, { firstRow: lowest.id });
    const sortDesc = await timed('click', { selector: sortSel }, { firstRow: byHeight[0].id });
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    // Filter by category (text contains), then by height (comparison), on the sorted table.
    const nf = new Intl.NumberFormat('de-DE');
    const green = bigProps.filter((p) => p.category.includes('Grün'));
    const filterText = await timed('input', { selector: 'input[aria-label="Filter für Kategorie"]', value: 'grün' }, { count: `${nf.format(green.length)} von 50.000 Zeilen` });
    const tall = green.filter((p) => p.heightM >= 50);
    const filterNum = await timed('input', { selector: 'input[aria-label="Filter für Gebäudehöhe (m)"]', value: '>= 50' }, { count: `${nf.format(tall.length)} von 50.000 Zeilen` });
    expect((await domIds())[0]).toBe(byHeight.find((p) => p.category.includes('Grün'))!.id);
    const clear = await timed('click', { selector: '.attribute-table-bar button:not([data-export])' }, { count: '50.000 Zeilen' });
    // Scroll to the middle and to the end: the rows there are rendered, still only a window of them.
    const mid = 25_000;
    const scrollMid = await timed('scroll', { selector: '[data-testid="table-scroll"]', scrollTop: mid * 28 }, { rendered: byHeight[mid].id });
    expect(await rowsInDom()).toBeLessThan(60);
    const scrollEnd = await timed('scroll', { selector: '[data-testid="table-scroll"]', scrollTop: N * 28 + 1000 }, { rendered: byHeight[N - 1].id });
    expect(await rowsInDom()).toBeLessThan(60);
    await snap(page, 'table-50k');
    const figures = { loadMs, sortAsc, sortDesc, filterText, filterNum, clear, scrollMid, scrollEnd };
    console.log(`50,000 rows (ms): ${Object.entries(figures).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}; rows in DOM ${await rowsInDom()}`);
    // Quiet machine: tens of milliseconds; with 8 test runs sharing 2 cores (load 30) sorting took up to 950 ms.
    // The bound (twice that, for a busier CI machine) still fails tanstack's own row model, which took 5.9 s for
    // one sort here.
    for (const [k, v] of Object.entries(figures)) if (k !== 'loadMs') expect(v, k).toBeLessThan(2500);
    expect(rec.pageErrors).toEqual([]);
  }, 240_000);
});
