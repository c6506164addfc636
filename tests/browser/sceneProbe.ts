import type { Page } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { appUrl } from './harness';

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

/** Opens the app with a query string and waits for catalog and a settled scene. */
export async function openApp(page: Page, query: string): Promise<void> {
  await page.goto(appUrl(query));
  await page.waitForFunction(() => !!window.__planlotse);
  await page.evaluate(() => window.__planlotse!.ready);
  await settle(page);
}

/** Screen position of a WGS84 point in the current view. */
export async function toScreen(page: Page, lon: number, lat: number, h = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([a, b, c]) => window.__planlotse!.toScreen(a, b, c), [lon, lat, h] as const);
  if (!p) throw new Error(`point ${lon},${lat} is not on screen`);
  return p;
}
