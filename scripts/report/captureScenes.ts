import type { Browser } from 'playwright-core';
import type { ReportSceneView } from '../../src/core/report/reportSceneViews';

/** The dataset name under which the report's server offers `--data` to the app (`/data/<name>/catalog.json`). */
export const REPORT_DATASET = '__report';

/**
 * The report's scene images from the command line: the production build's
 * app opened in headless Chromium at the first fixed view through its link
 * parameters (`cam`, `t`, `sh=1` for shadows, `lang`), later views set on the
 * loaded app (camera, time, shadows), each waited on until the scene has
 * settled (the test hook's `settled`: tiles, layers, shadow map),
 * and its WebGL canvas read as a PNG data URL, as the browser's report
 * builder does (`app/captureReportViews.ts`). One page for all views.
 */
export async function captureScenes(browser: Browser, url: string, views: readonly ReportSceneView[], lang: string, o: { timeoutMs?: number; log?: (s: string) => void } = {}): Promise<string[]> {
  const timeout = o.timeoutMs ?? 90_000;
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  try {
    const out: string[] = [];
    for (const [i, v] of views.entries()) {
      const c = v.camera;
      // The first view opens the app through its link parameters; later views move the loaded scene (a page load
      // costs far more than a view on a software renderer), as the browser's report builder does.
      if (i === 0) {
        const q = new URLSearchParams({ dataset: REPORT_DATASET, lang, cam: [c.lon, c.lat, c.height, c.headingDeg, c.pitchDeg].join(','), t: v.time, sh: '1' });
        await page.goto(`${url}/index.html?${q.toString()}`);
      }
      // A string, not a function: tsx would add helpers (`__name`) to a function's source that the page lacks.
      const dataUrl = await page
        .evaluate<string>(`(async () => {
          const t0 = performance.now();
          while (!window.__planlotse) {
            if (performance.now() - t0 > ${timeout}) throw new Error('the app did not start');
            await new Promise((r) => setTimeout(r, 50));
          }
          const hook = window.__planlotse;
          await hook.ready;
          if (${i} > 0) {
            const s = hook.getState();
            s.setShadows(true);
            s.setTime(${Date.parse(v.time)});
            s.flyTo(${JSON.stringify(c)}, true);
          }
          // The 3D layers must be drawn; the globe's far imagery tiles may still be loading on a slow software
          // renderer (they are the background of the view): then the view is captured as drawn.
          try {
            await hook.settled(${timeout});
          } catch (e) {
            if (!/layers true, camera moving false/.test(String(e))) throw e;
          }
          return document.querySelector('#scene canvas').toDataURL('image/png');
        })()`)
        .catch((e: Error) => Promise.reject(new Error(`scene view ${v.view} ${v.localTime}: ${e.message}${errors.length ? ` (${errors.join('; ')})` : ''}`)));
      o.log?.(`report: scene ${v.view} ${v.localTime} captured`);
      out.push(dataUrl);
    }
    return out;
  } finally {
    await page.close();
  }
}
