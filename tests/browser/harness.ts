// The one browser-test harness: the shared browser, the page record (console,
// errors, request log, dialogs), opening the app and waiting for it to settle,
// CSP-safe waits on state, canvas statistics, serving test datasets.
//
// Fast path for every spec (the browser suite is most of `npm test`):
// `launchBrowser()` connects to the one Chromium of the run (globalSetup);
// `openApp()` renders at TEST_RESOLUTION_SCALE; open the app once per spec
// file and change state through the UI or the store between tests.
import { chromium, type Browser, type Download, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CHROMIUM_ARGS } from './chromiumArgs';

export { CHROMIUM_ARGS };

/**
 * The browser for a spec file: a connection to the one Chromium that
 * globalSetup started for the whole run (no browser start per spec, and the
 * GPU process keeps the SwiftShader programs it compiled for earlier pages).
 * `browser.close()` in `afterAll` closes this spec's contexts and pages and
 * disconnects; the shared browser lives on. Without globalSetup (a spec run
 * by another runner) it launches its own Chromium.
 */
export async function launchBrowser(): Promise<Browser> {
  let ws: string | undefined;
  try {
    ws = inject('browserWsEndpoint');
  } catch {
    ws = undefined;
  }
  if (ws) return chromium.connect(ws);
  return chromium.launch({ executablePath: process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export function appUrl(query = ''): string {
  const base = inject('appUrl');
  return query ? `${base}${query.startsWith('?') || query.startsWith('#') ? '' : '?'}${query}` : base;
}

/** What a page did that a test may assert on: console errors and every request. */
export interface PageRecord {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  dialogs: string[];
}

export function recordPage(page: Page): PageRecord {
  const rec: PageRecord = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(String(e)));
  page.on('request', (r: Request) => rec.requests.push(r.url()));
  page.on('dialog', (d) => {
    rec.dialogs.push(d.message());
    void d.dismiss();
  });
  return rec;
}

/**
 * Waits until `fn(arg)` is truthy in the page, checked once per animation
 * frame (a wait on state, not a sleep). Unlike Playwright's
 * `page.waitForFunction`, which compiles its predicate with `eval` inside the
 * page, this runs under the app's Content-Security-Policy: the whole
 * expression goes through the DevTools protocol. `fn` must be self-contained
 * (as for `page.evaluate`); `arg` must be JSON.
 */
export async function waitFor<A>(page: Page, fn: (arg: A) => unknown, arg?: A, opts: { timeout?: number } = {}): Promise<void> {
  const timeout = opts.timeout ?? 30_000;
  const src = String(fn);
  await page.evaluate(`(async () => {
    const f = (${src});
    const arg = ${JSON.stringify(arg ?? null)};
    const end = performance.now() + ${timeout};
    while (!(await f(arg))) {
      if (performance.now() > end) throw new Error('waitFor: not true after ${timeout} ms: ' + ${JSON.stringify(src.slice(0, 200))});
      await new Promise((r) => requestAnimationFrame(r));
    }
  })()`);
}

/**
 * Reads the app store: `fn` (a function or its source, e.g. `'(s) => s.analysisError'`)
 * applied to `window.__planlotse.getState()` in the page, CSP-safe (no `eval` in the page).
 */
export async function readState<T>(page: Page, fn: string | ((s: ReturnType<NonNullable<Window['__planlotse']>['getState']>) => T)): Promise<T> {
  return page.evaluate(`(${String(fn)})(window.__planlotse.getState())`) as Promise<T>;
}

/**
 * Waits for `n` animation frames of the page: the event after which anything
 * the last input scheduled for the next frames (a play loop step, a handler
 * in the DOM) has run. Used to show that something did *not* happen.
 */
export async function nextFrames(page: Page, n = 2): Promise<void> {
  await page.evaluate(`new Promise((resolve) => { let k = ${n}; const step = () => (--k <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); })`);
}

/**
 * Waits until every worker of the page has finished the task it is running
 * (a round trip through each worker's event loop) and the page has handled
 * the messages they posted before that: after it, a cancelled job can no
 * longer deliver a late result.
 */
export async function workersIdle(page: Page): Promise<void> {
  for (const w of page.workers()) await w.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
}

/** Opens a side-panel section by its title button (e.g. /Analysen/, /Szenarien/) unless it is open. */
export async function openSection(page: Page, title: RegExp): Promise<void> {
  const button = page.getByRole('button', { name: title });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Waits until the running analysis has ended (done, error or cancelled). */
export async function analysisFinished(page: Page, timeout = 180_000): Promise<void> {
  await waitFor(page, () => window.__planlotse!.getState().analysisStatus !== 'running', undefined, { timeout });
}

/**
 * The text of a download. The browser is shared over a connection, and
 * Playwright's `download.path()` throws for a connected browser; `saveAs`
 * streams the file over to this process.
 */
export async function downloadText(download: Download): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'planlotse-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

/** Saves a screenshot under test-results/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<Buffer> {
  mkdirSync('test-results/screenshots', { recursive: true });
  return page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

// ---- The scene: opening, settling, canvas statistics, test datasets ----

/** Pixel summary of the 3D canvas: a coarse grid of mean RGB values plus global numbers. */
export interface CanvasStats {
  width: number;
  height: number;
  /** Mean R, G, B over the canvas. */
  mean: [number, number, number];
  /** Standard deviation of luminance: ~0 for a blank canvas. */
  lumaStd: number;
  /** Number of distinct colours (quantised to 5 bits per channel). */
  distinctColours: number;
  /** 32 × 18 cells, mean RGB each, row-major. */
  grid: number[];
}

/** Reads the WebGL canvas (preserveDrawingBuffer is on) and summarises its pixels. */
export async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(() => {
    const src = document.querySelector('#scene canvas') as HTMLCanvasElement;
    const w = src.width, h = src.height;
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, w, h).data;
    const GX = 32, GY = 18;
    const sums = new Float64Array(GX * GY * 3), counts = new Float64Array(GX * GY);
    const mean = [0, 0, 0];
    let l1 = 0, l2 = 0;
    const colours = new Set<number>();
    for (let y = 0; y < h; y++) {
      const gy = Math.min(GY - 1, Math.floor((y / h) * GY));
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        const r = d[i], gg = d[i + 1], b = d[i + 2];
        const gx = Math.min(GX - 1, Math.floor((x / w) * GX));
        const k = gy * GX + gx;
        sums[k * 3] += r; sums[k * 3 + 1] += gg; sums[k * 3 + 2] += b; counts[k]++;
        mean[0] += r; mean[1] += gg; mean[2] += b;
        const l = 0.2126 * r + 0.7152 * gg + 0.0722 * b;
        l1 += l; l2 += l * l;
        colours.add(((r >> 3) << 10) | ((gg >> 3) << 5) | (b >> 3));
      }
    }
    const n = w * h;
    const grid: number[] = [];
    for (let k = 0; k < GX * GY; k++) grid.push(sums[k * 3] / counts[k], sums[k * 3 + 1] / counts[k], sums[k * 3 + 2] / counts[k]);
    return {
      width: w, height: h,
      mean: [mean[0] / n, mean[1] / n, mean[2] / n] as [number, number, number],
      lumaStd: Math.sqrt(Math.max(0, l2 / n - (l1 / n) ** 2)),
      distinctColours: colours.size,
      grid,
    };
  });
}

/** Mean absolute difference of two grids (0..255): how much the picture changed. */
export function gridDiff(a: CanvasStats, b: CanvasStats): number {
  let s = 0;
  for (let i = 0; i < a.grid.length; i++) s += Math.abs(a.grid[i] - b.grid[i]);
  return s / a.grid.length;
}

/** The grid of `CanvasStats` (as in canvasStats, whose copy runs in the page). */
const GX = 32, GY = 18;

/** Mean absolute RGB difference (0..255) of grid cell `cell` (row-major) between two canvas reads. */
function cellDiff(a: CanvasStats, b: CanvasStats, cell: number): number {
  const k = cell * 3;
  return (Math.abs(a.grid[k] - b.grid[k]) + Math.abs(a.grid[k + 1] - b.grid[k + 1]) + Math.abs(a.grid[k + 2] - b.grid[k + 2])) / 3;
}

/**
 * How much the grid cell under each page point (CSS pixels, as from `toScreen`)
 * changed between two canvas reads: mean absolute RGB difference (0..255);
 * NaN for a point off the canvas. Tells whether *that place* changed, where
 * `gridDiff` averages over the whole view.
 */
export async function cellDiffsAt(page: Page, a: CanvasStats, b: CanvasStats, points: readonly { x: number; y: number }[]): Promise<number[]> {
  const r = await page.evaluate(() => {
    const c = document.querySelector('#scene canvas')!.getBoundingClientRect();
    return { left: c.left, top: c.top, width: c.width, height: c.height };
  });
  return points.map(({ x, y }) => {
    const fx = (x - r.left) / r.width, fy = (y - r.top) / r.height;
    if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return NaN;
    return cellDiff(a, b, Math.floor(fy * GY) * GX + Math.floor(fx * GX));
  });
}

/**
 * The largest change of any grid cell wholly below `yFraction` of the canvas
 * height (0 top … 1 bottom): mean absolute RGB difference (0..255).
 */
export function maxCellDiffBelow(a: CanvasStats, b: CanvasStats, yFraction: number): number {
  let max = 0;
  for (let y = Math.ceil(yFraction * GY); y < GY; y++) {
    for (let x = 0; x < GX; x++) max = Math.max(max, cellDiff(a, b, y * GX + x));
  }
  return max;
}

/** Waits until globe, layers and renders are done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__planlotse!.settled(180_000));
}

const FIXTURES = path.resolve('tests/browser/fixtures');

/**
 * Serves a test dataset from tests/browser/fixtures/<name>/ (or from the
 * given folder) at the app's own `data/<name>/` URL, so the app loads it
 * exactly like a converted dataset.
 */
export async function serveDataset(page: Page, name: string, dir = path.join(FIXTURES, name)): Promise<void> {
  await page.route(`**/data/${name}/**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.split(`/data/${name}/`)[1] ?? '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const type = file.endsWith('.json') || file.endsWith('.geojson') ? 'application/json' : 'application/octet-stream';
    return route.fulfill({ status: 200, body: readFileSync(file), contentType: type });
  });
}

/**
 * Render scale of the 3D canvas in tests (Cesium `resolutionScale`): SwiftShader
 * time per frame grows with the pixels drawn, and the globe needs ~40 frames to
 * load, so half the resolution (a quarter of the pixels) is most of a spec's
 * time. Layout, CSS sizes, clicks, `toScreen` and picking are unchanged; pixel
 * reads scale by `canvas.width / rect.width`. Specs that assert on fine pixels
 * or on depth-picked positions to a pixel open the app with `{ resolutionScale: 1 }`.
 */
export const TEST_RESOLUTION_SCALE = 0.5;

/** Sets the test options (`window.__planlotseTestOptions`) for the page's next loads, reloads included. */
export async function setTestOptions(page: Page, opts: { resolutionScale?: number }): Promise<void> {
  await page.addInitScript((o) => {
    window.__planlotseTestOptions = o;
  }, opts);
}

/**
 * Opens the app with a query string and waits for catalog and a settled scene,
 * at `TEST_RESOLUTION_SCALE` unless `opts.resolutionScale` says otherwise.
 * Each call is a full page load (~40 rendered frames): open once per spec file
 * and change state through the UI or the store between tests where you can.
 */
export async function openApp(page: Page, query: string, opts: { resolutionScale?: number } = {}): Promise<void> {
  await setTestOptions(page, { resolutionScale: opts.resolutionScale ?? TEST_RESOLUTION_SCALE });
  await page.goto(appUrl(query));
  await waitFor(page, () => !!window.__planlotse);
  await page.evaluate(() => window.__planlotse!.ready);
  await settle(page);
}

/** Screen position of a WGS84 point in the current view. */
export async function toScreen(page: Page, lon: number, lat: number, h = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([a, b, c]) => window.__planlotse!.toScreen(a, b, c), [lon, lat, h] as const);
  if (!p) throw new Error(`point ${lon},${lat} is not on screen`);
  return p;
}
