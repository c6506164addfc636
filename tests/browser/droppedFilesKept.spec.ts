import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analysisFinished, appUrl, launchBrowser, openApp, openSection, recordPage, settle, waitFor, type PageRecord } from './harness';
import { convertDroppedFile } from '../../src/core/convert/convertDroppedFile';

// Own files kept (issue 12 point 4): a real Hamburg B-Plan dropped on the demo survives a reload (IndexedDB, source
// bytes), compliance reads its Baugebiete like catalog layers, and the share link names it for a recipient who
// does not have it. One browser; the recipient is a second context with empty storage.
const REAL = path.resolve(process.cwd(), '../shared/data/real');
const FILE = 'HafenCity7.gml';
const hasReal = existsSync(path.join(REAL, 'xplanung-hh', FILE));

let browser: Browser;
let page: Page;
let rec: PageRecord;

async function dropFile(p: Page, name: string, bytes: Buffer): Promise<void> {
  await p.evaluate(
    ([n, b64]) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], n));
      const target = document.querySelector('#scene canvas')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, bytes.toString('base64')] as const,
  );
}

/** Waits until the file is converted and drawn; returns its entry and layers (id, role). */
async function converted(p: Page, name: string) {
  await waitFor(p, (n) => window.__planlotse!.getState().droppedFiles.some((f) => f.name === n && f.status === 'done'), name, { timeout: 180_000 });
  await p.evaluate(() => window.__planlotseDrop!.settled(180_000));
  return p.evaluate((n) => {
    const s = window.__planlotse!.getState();
    const f = s.droppedFiles.find((x) => x.name === n)!;
    return { id: f.id, restored: !!f.restored, persist: f.persist, layers: s.droppedLayers.filter((l) => l.fileId === f.id).map((l) => ({ id: l.id, role: l.role, url: l.url })) };
  }, name);
}

describe.skipIf(!hasReal)('own files are kept', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    rec = recordPage(page);
    await openApp(page, '?lang=de&t=2026-06-21T10:00:00Z');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a dropped Hamburg plan survives a reload, is named in the link, and appears in compliance', async () => {
    const bytes = readFileSync(path.join(REAL, 'xplanung-hh', FILE));
    const want = await convertDroppedFile(new Uint8Array(bytes), FILE);
    const zoning = want.layers.find((l) => l.layer.role === 'zoning')!;
    await dropFile(page, FILE, bytes);
    const first = await converted(page, FILE);
    await page.evaluate(() => window.__planlotseDrop!.flush());
    await waitFor(page, (n) => window.__planlotse!.getState().droppedFiles.find((f) => f.name === n)?.persist?.state === 'saved', FILE);
    await expect.poll(() => page.locator(`li.drop-file[data-file="${FILE}"] [data-testid=drop-saved]`).count()).toBe(1);
    // The role of each layer is shown and can be changed; the Baugebiete are compliance's zoning.
    expect(await page.locator(`#role-${zoning.layer.id}`).inputValue()).toBe('zoning');
    await waitFor(page, (n) => new URLSearchParams(location.search).getAll('file').includes(n), FILE);
    const link = await page.evaluate(() => location.href);

    await page.reload();
    await waitFor(page, () => !!window.__planlotse);
    await page.evaluate(() => window.__planlotse!.ready);
    await page.evaluate(() => window.__planlotseDrop!.restored);
    const again = await converted(page, FILE);
    expect(again.restored).toBe(true);
    expect(again.id).toBe(first.id);
    expect(again.layers.map((l) => [l.id, l.role])).toEqual(first.layers.map((l) => [l.id, l.role]));
    expect(again.layers.every((l) => l.url.startsWith('blob:'))).toBe(true);
    expect(again.persist).toEqual({ state: 'saved' });
    await settle(page);

    await openSection(page, /Abschnitt Analysen/);
    await page.getByRole('radio', { name: 'Planeinhaltung' }).click();
    await page.locator('[data-analysis="run"]').click();
    await analysisFinished(page);
    const result = await page.evaluate(() => {
      const r = window.__planlotse!.getState().analysisResult as unknown as { kind: string; inputs: { layers: string[] }; lightsGeojson: GeoJSON.FeatureCollection };
      return { kind: r.kind, layers: r.inputs.layers, zones: r.lightsGeojson.features.map((f) => String(f.properties!.id)) };
    });
    expect(result.kind).toBe('compliance');
    expect(result.layers).toContain(zoning.layer.id);
    // Every area of the dropped plan that sets a measure is checked and drawn with its light: the three Baugebiete
    // and the special-purpose area "Servicegebäude Marina" (GRZ 1, II storeys).
    const checked = zoning.data.features.filter((f) => /^BP_(BaugebietsTeilFlaeche|BesondererNutzungszweckFlaeche)$/.test(String(f.properties?.featureClass))).map((f) => String(f.properties?.id ?? f.id));
    expect(checked).toHaveLength(4);
    const droppedIds = new Set(zoning.data.features.map((f) => String(f.properties?.id ?? f.id)));
    expect(result.zones.filter((id) => droppedIds.has(id)).sort()).toEqual([...checked].sort());
    expect(rec.consoleErrors).toEqual([]);

    // The recipient of the link has no stored files: the note names the file to open.
    const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p2 = await other.newPage();
    await p2.goto(link.replace(/^https?:\/\/[^/]+\//, appUrl().replace(/\/?$/, '/')));
    await waitFor(p2, () => !!window.__planlotse);
    await p2.evaluate(() => window.__planlotseDrop!.restored);
    await expect.poll(() => p2.getByTestId('missing-files').textContent()).toContain(FILE);
    await other.close();
  });
});
