// `npm run soak -- --cycles 500 [--shadows] [--width 1280 --height 800] [--frames 3]`: drives the kiosk
// (production build, headless Chromium) through idle cycles and story playback and prints the JS
// heap after each cycle and its growth from cycle 10 to the last (issue 13: target ≤ 10 %).
// Needs `npx vite build` first and data/demo (npm run demo-data).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { heapAfterGcMB, heapGrowth, kioskSoakCycle } from './soak/kioskSoak';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '500' },
    shadows: { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    dataset: { type: 'string', default: 'demo' },
    // Animation frames the scene renders per story step (more: closer to a visitor's pace, slower).
    frames: { type: 'string', default: '3' },
  },
});
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`--cycles ${values.cycles}: expected a whole number ≥ 1`);
if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first');

const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('preview server did not report a URL');
const browser = await chromium.launch({
  executablePath: process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) }, hasTouch: true });
  page.setDefaultTimeout(600_000);
  page.on('pageerror', (e) => console.error(`page error: ${String(e)}`));
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}?mode=kiosk&dataset=${encodeURIComponent(values.dataset!)}&sh=${values.shadows ? 1 : 0}`);
  await page.waitForSelector('.kiosk-app');
  await page.evaluate('window.__planlotse.ready.then(() => window.__planlotse.settled(600000))');
  const heaps: number[] = [];
  const t0 = performance.now();
  console.log(`kiosk soak: ${cycles} cycles, ${values.width}×${values.height}, shadows ${values.shadows ? 'on' : 'off'}`);
  for (let c = 1; c <= cycles; c++) {
    await kioskSoakCycle(page, cdp, Number(values.frames));
    heaps.push(await heapAfterGcMB(cdp));
    console.log(`cycle ${String(c).padStart(4)}  heap ${heaps[c - 1].toFixed(2)} MB  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const g = heapGrowth(heaps);
  console.log(`heap growth from cycle ${Math.min(10, cycles)} to ${cycles}: ${g.fromMB.toFixed(2)} → ${g.lastMB.toFixed(2)} MB, ${g.growthMB >= 0 ? '+' : ''}${g.growthMB.toFixed(2)} MB (${g.growthPct.toFixed(1)} %; target ≤ 10 %)`);
  process.exitCode = g.growthPct <= 10 ? 0 : 1;
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
