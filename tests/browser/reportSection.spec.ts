import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ReportDocument } from '../../src/core/report/ReportDocument';
import { parseReportArgs } from '../../scripts/report/reportArgs';
import { runReportCommand } from '../../scripts/report/runReportCommand';
import type { FeedbackPin } from '../../src/core/kiosk/FeedbackPin';
import { feedbackToGeoJson } from '../../src/core/kiosk/feedbackToGeoJson';
import { appUrl, launchBrowser, openSection, readState, recordPage, setTestOptions, TEST_RESOLUTION_SCALE, waitFor, type PageRecord } from './harness';

// The Report section of the planner app on the production build: area,
// variants (the demo's two-variant scenario, imported through the Scenarios
// section), date and author; progress and cancel; the ZIP bundle downloaded
// and compared file by file with the CLI's bundle for the same inputs.
// Then the attribute table of the citizen-feedback layer, imported from two
// kiosks' exports. One page for all of it: a report runs for a while under SwiftShader.
const SCENARIO = 'data/demo/kiosk-scenario.json';
const DATE = '2025-06-21';

let browser: Browser;
let page: Page;
let rec: PageRecord;
let cli: { out: string; doc: ReportDocument };

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  rec = recordPage(page);
  page.setDefaultTimeout(120_000);
  // The report's scene images are captured at the tests' lower drawing-buffer resolution (a software GPU).
  await setTestOptions(page, { resolutionScale: TEST_RESOLUTION_SCALE });
  await page.goto(appUrl('?dataset=demo&lang=de'));
  await waitFor(page, () => !!window.__planlotse);
  await page.evaluate(() => window.__planlotse!.ready);
  // The CLI's bundle for the same inputs, built while the page loads its scene.
  const out = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
  const r = await runReportCommand(parseReportArgs(['--data', 'data/demo', '--out', out, '--scenario', SCENARIO, '--variants', 'Entwurf A,Entwurf B', '--date', DATE, '--lang', 'de', '--author', 'Testbüro', '--pdf', 'false']));
  cli = { out, doc: r.doc };
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe('report section (production build)', () => {
  it('builds with progress, cancels, rebuilds, and its ZIP equals the CLI bundle', async () => {
    // The demo scenario with the variants "Entwurf A" and "Entwurf B".
    await openSection(page, /Abschnitt Szenarien/);
    await page.getByTestId('scenario-import').setInputFiles({ name: 'kiosk-scenario.json', mimeType: 'application/json', buffer: readFileSync(SCENARIO) });
    await waitFor(page, () => window.__planlotse!.getState().scenarios.some((s) => s.variants.length === 2));
    // The import's message stays in the panel below the section tool bar (it lay over the tool bar until closed).
    const [message, toolbar] = await Promise.all([page.getByTestId('scenario-message').boundingBox(), page.locator('.panel-toolbar').boundingBox()]);
    expect(message!.y).toBeGreaterThanOrEqual(toolbar!.y + toolbar!.height);

    await openSection(page, /Abschnitt Bericht/);
    const builder = page.getByTestId('report-builder');
    await builder.getByLabel('Variante A').selectOption({ label: 'Entwurf A' });
    await builder.getByLabel('Variante B (Vergleich)').selectOption({ label: 'Entwurf B' });
    await builder.getByLabel('Datum der Sonnenanalysen').fill(DATE);
    await builder.getByLabel('Bearbeitung').fill('Testbüro');

    // Build, see the progress bar move, cancel: the builder comes back with a note and no report.
    // The worker is quick between frames: cancel from inside the page as soon as the bar has moved.
    const seen = await page.evaluate(async () => {
      (document.querySelector('[data-testid="report-build"]') as HTMLButtonElement).click();
      const t0 = performance.now();
      for (;;) {
        const p = document.querySelector('[data-testid="report-builder"] progress') as HTMLProgressElement | null;
        if (p && p.value > 0) {
          (document.querySelector('[data-testid="report-cancel"]') as HTMLButtonElement).click();
          return p.value;
        }
        if (performance.now() - t0 > 120_000) throw new Error('the progress bar did not move');
        await new Promise((r) => setTimeout(r, 0));
      }
    });
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1);
    await waitFor(page, () => document.querySelector('[data-testid="report-note"]')?.textContent === 'Abgebrochen.');
    expect(await page.getByTestId('report-build').isVisible()).toBe(true);
    expect(await page.getByTestId('report-zip').count()).toBe(0);

    // Build again to the end: the report opens over the map.
    await page.getByTestId('report-build').click();
    await waitFor(page, () => !!document.querySelector('[data-testid="report-overlay"]'), undefined, { timeout: 240_000 });
    expect(await page.getByTestId('report-note').textContent()).toMatch(/^Bericht fertig: \d+,?\.?\d* s\.$/);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/report-view.png' });
    // The three scene images at the report's fixed views, captioned, in the report's maps section.
    const captions = await page.$$eval('[data-testid="report-overlay"] figure[data-map="scene"] figcaption', (fs) => fs.map((f) => f.textContent));
    expect(captions).toEqual(['Ansichten aus der 3D-Szene: Blick von Süden, 10:00 Uhr', 'Ansichten aus der 3D-Szene: Blick von Süden, 16:00 Uhr', 'Ansichten aus der 3D-Szene: Blick von Südosten, 13:00 Uhr']);
    await page.locator('[data-testid="report-overlay"] figure[data-map="scene"]').first().screenshot({ path: 'test-results/screenshots/report-scene.png' });
    // The user's view and time come back after the capture.
    expect(await readState(page, (s) => s.shadows)).toBe(false);
    await page.getByRole('button', { name: 'Schließen', exact: true }).click();
    await page.getByTestId('report-builder').screenshot({ path: 'test-results/screenshots/report-section.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-zip').click()]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-zip-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`planlotse-report-demo-${DATE}.zip`);
    const zip = unzipSync(new Uint8Array(readFileSync(file)));

    // Every CSV table of the CLI bundle is in the browser's, byte for byte (both dialects).
    const cliCsv = ['csv', 'csv-excel-de'].flatMap((d) => readdirSync(path.join(cli.out, d)).map((f) => `${d}/${f}`));
    expect(cliCsv.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(zip).filter((p) => p.endsWith('.csv')).sort()).toEqual(cliCsv.sort());
    for (const p of cliCsv) {
      // Bytes, BOM included (a TextDecoder would drop it); the text in the message when they differ.
      const same = Buffer.from(zip[p]).equals(readFileSync(path.join(cli.out, p)));
      if (!same) expect(strFromU8(zip[p]), p).toBe(readFileSync(path.join(cli.out, p), 'utf8').replace(/^\uFEFF/, ''));
      expect(same, p).toBe(true);
    }

    // The figures of the report document are the same: key figures, compliance, sun, façades, variant deltas.
    const doc = JSON.parse(strFromU8(zip['report.json'])) as ReportDocument;
    expect(doc.title.variants).toEqual(['Entwurf A', 'Entwurf B']);
    expect(doc.title.date).toBe(DATE);
    expect(doc.title.author).toBe('Testbüro');
    expectSame(doc.keyFigures, cli.doc.keyFigures, 'keyFigures');
    expectSame(doc.compliance, cli.doc.compliance, 'compliance');
    expectSame(doc.sun, cli.doc.sun, 'sun');
    expectSame(doc.facades, cli.doc.facades, 'facades');
    expectSame(doc.deltas, cli.doc.deltas, 'deltas');
    expectSame(doc.layers, cli.doc.layers, 'layers');
    expectSame(doc.overlaps, cli.doc.overlaps, 'overlaps');
    expectSame(doc.geojson, cli.doc.geojson, 'geojson');
    expectSame(doc.sceneViews, cli.doc.sceneViews, 'sceneViews');
    const manifest = JSON.parse(strFromU8(zip['manifest.json'])) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain('report.xlsx');
    // The CSV text parsed back: the compliance table lists every Baugebiet of the document.
    const compliance = strFromU8(zip['csv/compliance.csv']).split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(compliance.length - 1).toBeGreaterThanOrEqual(cli.doc.compliance.rows.length);
    expect(rec.pageErrors).toEqual([]);
  }, 600_000);
});

/**
 * Expects two values to be equal, numbers within 1e-9 relative: the browser's worker and Node agree on the
 * figures, but not always on the last bits of a double (GRZ 0.3376285875302135 vs …528228); the CSVs round
 * and are compared as bytes above.
 */
function expectSame(a: unknown, b: unknown, at = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), `${at}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), at).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(b)) expectSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
  } else expect(a, at).toEqual(b);
}

/** A kiosk pin as exported (only the fields that differ are given). */
function pin(n: number, o: Partial<FeedbackPin>): FeedbackPin {
  return {
    id: `0000000${n}-0000-4000-8000-00000000000${n}`,
    createdAt: `2026-05-0${n}T10:00:00.000Z`,
    updatedAt: `2026-05-0${n}T10:00:00.000Z`,
    hidden: false,
    category: 'verkehr',
    text: 'Kommentar',
    rating: null,
    ageGroup: null,
    lon: 10.0466 + n * 0.0004,
    lat: 53.5490,
    height: 0,
    scenario: { datasetId: 'demo', planVersion: null, variantId: 'existing', camera: { lon: 10.0466, lat: 53.545, height: 400, headingDeg: 0, pitchDeg: -40 }, sceneTime: '2026-05-01T10:00:00.000Z', visibleLayerIds: ['buildings'], language: 'de' },
    ...o,
  };
}

describe('attribute table of the citizen-feedback layer (planner app)', () => {
  it('shows the merged visible pins of two kiosks with readable columns; filter and row click select the pin', async () => {
    const a = [pin(1, { text: 'Mehr Radwege bitte', rating: 4, ageGroup: '30-49' }), pin(2, { text: 'Versteckter Beitrag', hidden: true, category: 'gruen' })];
    const b = [pin(3, { text: 'Der Spielplatz ist zu schattig', rating: 2, category: 'gruen', scenario: { ...pin(3, {}).scenario, variantId: 'entwurf-a' } }), a[0]];
    await openSection(page, /Abschnitt Ebenen/);
    await page.locator('input[data-feedback-import]').setInputFiles([
      { name: 'kiosk-a.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(feedbackToGeoJson(a))) },
      { name: 'kiosk-b.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(feedbackToGeoJson(b))) },
    ]);
    await waitFor(page, () => window.__planlotse!.getState().feedbackPins.length === 3);
    // The layer shows the pins that are not hidden: its table has their two rows.
    await page.getByRole('button', { name: 'Attributtabelle von Rückmeldungen öffnen' }).click();
    await page.locator('.attribute-table tbody tr[data-row-id]').first().waitFor();
    expect(await page.getByTestId('table-count').textContent()).toBe('2 Zeilen');
    const ids = await page.$$eval('.attribute-table tbody tr[data-row-id]', (rs) => rs.map((r) => r.getAttribute('data-row-id')));
    expect(ids.sort()).toEqual([a[0].id, b[0].id].sort());
    const headers = await page.$$eval('.attribute-table thead .th-sort', (hs) => hs.map((h) => h.textContent));
    for (const h of ['Kennung', 'Kategorie', 'Text', 'Bewertung (1–5)', 'Altersgruppe', 'Erstellt (UTC)', 'Variante', 'Szenenzeit (UTC)', 'Sichtbare Ebenen', 'Sprache']) expect(headers).toContain(h);
    // Nested scenario values are text, never JSON punctuation.
    expect(await page.locator('.attribute-table tbody').textContent()).not.toContain('{');
    // Filter by the comment text, then a row click selects that pin on the map.
    await page.getByRole('searchbox', { name: 'Filter für Text', exact: true }).fill('schattig');
    expect(await page.getByTestId('table-count').textContent()).toBe('1 von 2 Zeilen');
    await page.locator(`.attribute-table tr[data-row-id="${b[0].id}"]`).click();
    expect(await readState(page, (s) => s.selection && { layerId: s.selection.layerId, featureId: s.selection.featureId })).toEqual({ layerId: 'feedback-pins', featureId: b[0].id });
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/feedback-table.png' });
    expect(rec.pageErrors).toEqual([]);
  }, 240_000);
});
