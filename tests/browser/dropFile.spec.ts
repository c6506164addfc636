import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canvasStats, cellDiffsAt, gridDiff, launchBrowser, maxCellDiffBelow, openApp, recordPage, settle, snap, waitFor, type PageRecord } from './harness';
import { convertDroppedFile } from '../../src/core/convert/convertDroppedFile';
import { coordAll, pointOnFeature } from '@turf/turf';

// Real files from ../shared/data/real (never copied into the repo) dropped on
// the built app as a user would: a synthetic drop event carrying a File, or
// the "Open file…" input. Expected counts come from the same core converter
// run here in Node on the same bytes.
const REAL = path.resolve(process.cwd(), '../shared/data/real');
const hasReal = existsSync(REAL);
if (!hasReal) console.warn(`dropFile.spec: ${REAL} is absent — skipping the drop-a-file tests on real data (they need the shared XPlanGML/CityGML/CityJSON samples).`);

let browser: Browser;
let page: Page;
let rec: PageRecord;
let tmp: string;

/** Dispatches dragenter/dragover/drop with one File on the 3D view. */
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

/** Waits until the file's conversion finished and every dropped layer is drawn; returns its entry. */
async function finished(p: Page, name: string) {
  await waitFor(p, (n) => {
    const f = window.__planlotse!.getState().droppedFiles.filter((x) => x.name === n).at(-1);
    return !!f && f.status !== 'queued' && f.status !== 'converting';
  }, name, { timeout: 120_000 });
  await p.evaluate(() => window.__planlotseDrop!.settled(180_000));
  return p.evaluate(async (n) => {
    const s = window.__planlotse!.getState();
    const f = s.droppedFiles.filter((x) => x.name === n).at(-1)!;
    // Dropped layers are registry layers: their data is served from a blob: url, their state is layerStatus[id].
    const layers = await Promise.all(
      s.droppedLayers
        .filter((l) => l.fileId === f.id)
        .map(async (l) => ({ id: l.id, type: l.type, role: l.role, origin: l.origin, url: l.url, n: ((await (await fetch(l.url)).json()) as GeoJSON.FeatureCollection).features.length, status: s.layerStatus[l.id] })),
    );
    return { id: f.id, status: f.status, kind: f.kind, needsCrs: f.needsCrs, error: f.error, issues: f.issues, layers };
  }, name);
}

/** Switches all layers of a file on or off through their checkboxes. */
async function showFile(p: Page, name: string, visible: boolean): Promise<void> {
  const boxes = p.locator(`li.drop-file[data-file="${name}"] .layer-row input[type=checkbox]`);
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(visible);
  await p.evaluate(() => window.__planlotseDrop!.settled(180_000));
}

async function expected(file: string, bytes: Buffer, crs?: string) {
  const r = await convertDroppedFile(new Uint8Array(bytes), file, { crs });
  return { layers: r.layers.map((l) => ({ id: l.layer.id, type: l.layer.type, n: l.data.features.length })), issues: r.report.issues, bbox: r.report.bbox! };
}

describe.skipIf(!hasReal)('drop a file on the viewer', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'planlotse-drop-'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    rec = recordPage(page);
    await openApp(page, '?lang=de&t=2026-06-21T10:00:00Z');
  });
  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('XPlanGML plan: layers in "Eigene Dateien" with their feature counts, PlanZV drapes in the scene, camera flies there', async () => {
    const bytes = readFileSync(path.join(REAL, 'xplanung-hh/HafenCity7.gml'));
    const want = await expected('HafenCity7.gml', bytes);
    await dropFile(page, 'HafenCity7.gml', bytes);
    const got = await finished(page, 'HafenCity7.gml');
    expect(got.status).toBe('done');
    expect(got.kind).toBe('xplanung');
    expect(got.layers.map((l) => ({ id: l.id, type: l.type, n: l.n }))).toEqual(want.layers);
    for (const l of got.layers) expect(l.status).toMatchObject({ state: 'ready', featureCount: l.n });
    // Tree: the group, one row per layer, the Baugebiete count as text.
    const group = page.getByRole('group', { name: 'Eigene Dateien' });
    await expect.poll(() => group.locator('.layer-row').count()).toBe(want.layers.length);
    const bg = got.layers.find((l) => l.id.endsWith('baugebiete'))!;
    expect(await group.locator(`[data-layer="${bg.id}"] [data-testid=feature-count]`).textContent()).toBe(`${bg.n} Objekte`);
    // The camera looks at the plan (HafenCity, Hamburg).
    const cam = await page.evaluate(() => window.__planlotse!.camera());
    const [w, s, e, n] = want.bbox;
    expect(cam.lon).toBeGreaterThan(w - 0.01);
    expect(cam.lon).toBeLessThan(e + 0.01);
    expect(cam.lat).toBeGreaterThan(s - 0.05);
    expect(cam.lat).toBeLessThan(n);
    // One registry: the dropped layers are catalog layers with a blob: url, listed by allCatalogLayers' consumers.
    expect(got.layers.every((l) => l.origin === 'dropped' && l.url.startsWith('blob:'))).toBe(true);
    // Picked through the one input router: a click on a Baugebiet selects a feature of a dropped layer.
    const full = await convertDroppedFile(new Uint8Array(bytes), 'HafenCity7.gml');
    const bgData = full.layers.find((l) => l.layer.id === bg.id)!.data;
    const inside = bgData.features.map((f) => pointOnFeature(f).geometry.coordinates as [number, number]);
    const target = await page.evaluate((pts) => {
      for (const [lon, lat] of pts) {
        const p = window.__planlotse!.toScreen(lon, lat, 0);
        if (p && document.elementFromPoint(p.x, p.y)?.tagName === 'CANVAS') return p;
      }
      return null;
    }, inside);
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await waitFor(page, () => !!window.__planlotse!.getState().selection, undefined, { timeout: 60_000 });
    const sel = await page.evaluate(() => window.__planlotse!.getState().selection!);
    expect(got.layers.map((l) => l.id)).toContain(sel.layerId);
    expect(sel.properties).toBeTruthy();
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Objektinformationen schließen' }).click();
    await waitFor(page, () => !window.__planlotse!.getState().selection, undefined, { timeout: 60_000 });
    // Clearing the selection restyles the drapes, and Cesium rebuilds ground primitives
    // asynchronously (they are not drawn meanwhile): read the canvas only once that is done.
    await settle(page);
    const on = await canvasStats(page);
    // A settled scene read twice is the same picture: the noise floor for the checks below.
    const again = await canvasStats(page);
    await snap(page, 'drop-hafencity7');
    await showFile(page, 'HafenCity7.gml', false);
    const off = await canvasStats(page);
    await snap(page, 'drop-hafencity7-hidden');
    // Hiding the file takes the drapes away where the Baugebiete are (60 % opacity over the
    // green ground: a few levels per cell), and the plan is a small part of the view.
    const spots = (await page.evaluate((ps) => ps.map(([lon, lat]) => window.__planlotse!.toScreen(lon, lat, 0)), inside)).filter((p) => !!p);
    const atPlan = (await cellDiffsAt(page, on, off, spots)).filter((d) => !Number.isNaN(d));
    console.log(`HafenCity7 on/off: whole view ${gridDiff(on, off).toFixed(2)}, at ${atPlan.length} Baugebiete ${atPlan.map((d) => d.toFixed(1)).join(' ')}, noise ${gridDiff(on, again).toFixed(3)}`);
    expect(gridDiff(on, again)).toBeLessThan(0.05);
    expect(atPlan.length).toBeGreaterThan(0);
    expect(Math.min(...atPlan)).toBeGreaterThan(2);
    expect(gridDiff(on, off)).toBeGreaterThan(0.3);
    // Nothing changes below the plan: the ground lines' volumes end 10 m under the flat ground. With Cesium's
    // real-terrain table (−5974 m here) they showed as dotted streaks down to the screen's edge (cells up to 1.2).
    const lowestY = await page.evaluate((rings) => {
      const r = document.querySelector('#scene canvas')!.getBoundingClientRect();
      const ys = rings.flat().map(([lon, lat]) => window.__planlotse!.toScreen(lon, lat, 0)?.y ?? -Infinity);
      return (Math.max(...ys) - r.top) / r.height;
    }, full.layers.flatMap((l) => l.data.features.map((f) => coordAll(f) as [number, number][])));
    const belowPlan = maxCellDiffBelow(on, off, lowestY + 1 / 18);
    console.log(`HafenCity7 on/off below the plan (from ${(lowestY * 100).toFixed(0)} % of the height down): largest cell change ${belowPlan.toFixed(2)}`);
    expect(lowestY).toBeLessThan(0.8);
    expect(belowPlan).toBeLessThan(0.3);
    await showFile(page, 'HafenCity7.gml', true);
  });

  it('CityGML via the "Datei öffnen…" input: buildings as extruded meshes', async () => {
    const file = path.join(REAL, 'nrw-lod2/LoD2_32_325_5732_1_NW.gml');
    const want = await expected('LoD2_32_325_5732_1_NW.gml', readFileSync(file));
    await page.getByTestId('drop-file-input').setInputFiles(file);
    const got = await finished(page, 'LoD2_32_325_5732_1_NW.gml');
    expect(got).toMatchObject({ status: 'done', kind: 'citygml' });
    expect(got.layers).toHaveLength(1);
    expect(got.layers[0]).toMatchObject({ role: 'buildingFootprints', n: want.layers[0].n, status: { state: 'ready', featureCount: want.layers[0].n } });
    const on = await canvasStats(page);
    await snap(page, 'drop-citygml-buildings');
    // A building's roof stands above the ground: its screen position at heightM differs from its foot.
    const tall = await page.evaluate(async () => {
      const l = window.__planlotse!.getState().droppedLayers.find((x) => x.role === 'buildingFootprints')!;
      const data = (await (await fetch(l.url)).json()) as GeoJSON.FeatureCollection;
      const f = [...data.features].sort((a, b) => Number(b.properties!.heightM) - Number(a.properties!.heightM))[0];
      const ring = (f.geometry as GeoJSON.Polygon).coordinates[0];
      const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length, lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const h = Number(f.properties!.heightM);
      return { h, foot: window.__planlotse!.toScreen(lon, lat, 0), top: window.__planlotse!.toScreen(lon, lat, h) };
    });
    expect(tall.h).toBeGreaterThan(5);
    expect(tall.foot!.y - tall.top!.y).toBeGreaterThan(3);
    await showFile(page, 'LoD2_32_325_5732_1_NW.gml', false);
    const off = await canvasStats(page);
    expect(gridDiff(on, off)).toBeGreaterThan(0.5);
    await showFile(page, 'LoD2_32_325_5732_1_NW.gml', true);
    // Opacity slider of the building layer works through the UI.
    await page.getByLabel(/^Deckkraft von LoD2_32_325_5732_1_NW/).fill('40');
    expect(
      await page.evaluate(() => {
        const s = window.__planlotse!.getState();
        return s.layers[s.droppedLayers.find((x) => x.role === 'buildingFootprints')!.id].opacity;
      }),
    ).toBeCloseTo(0.4);
    await page.evaluate(() => window.__planlotseDrop!.settled(180_000));
    await snap(page, 'drop-citygml-buildings-40pct');
  });

  it('truncated CityGML: the good buildings are shown, the skipped list names file, line, feature and reason', async () => {
    const full = readFileSync(path.join(REAL, 'nrw-lod2/LoD2_32_330_5730_1_NW.gml'));
    const cut = full.subarray(0, Math.floor(full.length * 0.6));
    writeFileSync(path.join(tmp, 'cut_330_5730.gml'), cut);
    const want = await expected('cut_330_5730.gml', cut);
    const wantErr = want.issues.find((i) => i.severity === 'error')!;
    expect(wantErr.line).toBeGreaterThan(0);
    await dropFile(page, 'cut_330_5730.gml', cut);
    const got = await finished(page, 'cut_330_5730.gml');
    expect(got.status).toBe('done');
    expect(got.layers[0].n).toBe(want.layers[0].n);
    expect(got.layers[0].n).toBeGreaterThan(0);
    expect(got.issues).toEqual(want.issues);
    const item = page.locator('li.drop-file[data-file="cut_330_5730.gml"]');
    await item.getByRole('button', { name: /Übersprungene Objekte/ }).click();
    const panel = page.getByTestId('drop-report');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const row = panel.locator('tbody tr.error').first();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('cut_330_5730.gml');
    expect(cells[1]).toBe(String(wantErr.line));
    expect(cells[2]).toContain(wantErr.featureId!);
    // The reason in the UI's language (German here), from the issue's message code.
    expect(cells[3]).toContain('abgeschnittenes XML');
    await page.evaluate(() => window.__planlotseDrop!.settled(180_000));
    await snap(page, 'drop-truncated-report');
    await panel.getByRole('button', { name: 'Liste schließen' }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('CityJSON without CRS: the user picks one and the buildings appear', async () => {
    const bytes = readFileSync(path.join(REAL, 'cityjson-nl/rotterdam_subset.json'));
    await dropFile(page, 'rotterdam_subset.json', bytes);
    const first = await finished(page, 'rotterdam_subset.json');
    expect(first).toMatchObject({ status: 'error', needsCrs: true, layers: [] });
    const item = page.locator('li.drop-file[data-file="rotterdam_subset.json"]');
    expect(await item.getByRole('alert').textContent()).toContain('referenceSystem');
    await snap(page, 'drop-cityjson-needs-crs');
    await item.getByLabel('Koordinatensystem für rotterdam_subset.json').selectOption('EPSG:28992');
    await item.getByRole('button', { name: 'Erneut lesen' }).click();
    await waitFor(page, () => window.__planlotse!.getState().droppedFiles.find((x) => x.name === 'rotterdam_subset.json')?.status === 'done', undefined, { timeout: 120_000 });
    const got = await finished(page, 'rotterdam_subset.json');
    const want = await expected('rotterdam_subset.json', bytes, 'EPSG:28992');
    expect(got.layers.map((l) => l.n)).toEqual(want.layers.map((l) => l.n));
    await snap(page, 'drop-cityjson-rotterdam');
  });

  it('junk and unknown files give a clear error, never a crash; remove takes a file away', async () => {
    await dropFile(page, 'notes.json', Buffer.from('this is not JSON, GML or a zip\n'));
    const junk = await finished(page, 'notes.json');
    expect(junk.status).toBe('error');
    const alert = page.locator('li.drop-file[data-file="notes.json"] [role=alert]');
    expect(await alert.textContent()).toMatch(/^Nichts in der Datei konnte gezeigt werden: unbekannte Datei/);
    await dropFile(page, 'plan.pdf', Buffer.from('%PDF-1.4\n'));
    await waitFor(page, () => window.__planlotse!.getState().droppedFiles.some((x) => x.name === 'plan.pdf' && x.status === 'error'));
    expect(await page.locator('li.drop-file[data-file="plan.pdf"] [role=alert]').textContent()).toContain('Unbekanntes Dateiformat: plan.pdf');
    await snap(page, 'drop-errors');
    // English UI: the same error in English.
    await page.getByRole('button', { name: 'Englisch' }).click();
    expect(await alert.textContent()).toMatch(/^Nothing in the file could be shown: unknown file/);
    await page.getByRole('button', { name: 'German' }).click();
    await page.getByRole('button', { name: 'notes.json entfernen' }).click();
    await page.getByRole('button', { name: 'HafenCity7.gml entfernen' }).click();
    const left = await page.evaluate(() => window.__planlotse!.getState().droppedFiles.map((f) => f.name));
    expect(left).not.toContain('notes.json');
    expect(left).not.toContain('HafenCity7.gml');
    expect(await page.evaluate(() => window.__planlotse!.getState().droppedLayers.some((l) => l.id.includes('hafencity7')))).toBe(false);
    expect(rec.pageErrors).toEqual([]);
  });
});
