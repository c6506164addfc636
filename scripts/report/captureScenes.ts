import type { Browser } from 'playwright-core';
import type { ReportSceneView } from '../../src/core/report/reportSceneViews';

/** The dataset name under which the report's server offers `--data` to the app (`/data/<name>/catalog.json`). */
export const REPORT_DATASET = '__report';

/**
 * The report's scene images from the command line: the production build's
 * app opened in headless Chromium at the first fixed view through its link
 * parameters (`cam`, `t`, `sh=1` for shadows, `lang`), then the app's own
 * capture (`window.__planlotse.captureReportViews`, the same as the browser's
 * report builder: each view waited on at a quarter of the drawing buffer and
 * captured at full size). One page for all views; the app's view is not
 * restored afterwards (that would be one more full-size software frame).
 */
export async function captureScenes(browser: Browser, url: string, views: readonly ReportSceneView[], lang: string, o: { timeoutMs?: number; log?: (s: string) => void } = {}): Promise<string[]> {
  if (!views.length) return [];
  const timeout = o.timeoutMs ?? 90_000;
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
  });
  try {
    const [first] = views;
    const c = first.camera;
    // Opening at the first view spares the load of the dataset's home view (a page load costs far more than a view on a software renderer).
    const q = new URLSearchParams({ dataset: REPORT_DATASET, lang, cam: [c.lon, c.lat, c.height, c.headingDeg, c.pitchDeg].join(','), t: first.time, sh: '1' });
    await page.goto(`${url}/index.html?${q.toString()}`);
    // A string, not a function: tsx would add helpers (`__name`) to a function's source that the page lacks.
    const urls = await page
      .evaluate<string[]>(`(async () => {
        const t0 = performance.now();
        while (!window.__planlotse) {
          if (performance.now() - t0 > ${timeout}) throw new Error('the app did not start');
          await new Promise((r) => setTimeout(r, 50));
        }
        const hook = window.__planlotse;
        await hook.ready;
        // The page closes right after: no need to draw the app's own view again.
        return hook.captureReportViews(${JSON.stringify(views)}, { restore: false });
      })()`)
      // The message is printed in the report: its first line, without Playwright's "page.evaluate: " prefix and the
      // page's stack, and paths without the CLI's loopback server.
      .catch((e: Error) => Promise.reject(new Error(`scene views: ${e.message.split('\n')[0].replace(/^page\.evaluate: /, '')}${errors.length ? ` (${errors.join('; ')})` : ''}`)));
    o.log?.(`report: ${urls.length} scene views captured (${views.map((v) => `${v.view} ${v.localTime}`).join(', ')})`);
    return urls;
  } finally {
    await page.close();
  }
}
