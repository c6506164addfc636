import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analysisFinished, appUrl, launchBrowser, openApp, openSection, recordPage, settle, waitFor, type PageRecord } from './harness';
import { contentSecurityPolicy, configuredOnlineOrigins } from '../../scripts/csp/contentSecurityPolicy.mjs';

// The served app (the same `vite preview` that `npm start` runs, with vite.config.ts)
// under its Content-Security-Policy: every screen loads without a violation.
const hasDemo = existsSync('dist/data/demo/catalog.json');

let browser: Browser;
let context: BrowserContext;

/** Violations reported to the page, collected from the first script on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
const cspConsole = (rec: PageRecord) => rec.consoleErrors.filter((m) => /Content.Security.Policy|Refused to/i.test(m));

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('is sent as a header with frame protection, and the built index.html carries the same policy as a meta tag', async () => {
    const res = await fetch(appUrl());
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const origins = configuredOnlineOrigins('data');
    if (hasDemo) expect(origins).toEqual(['https://geodienste.hamburg.de', 'https://tile.openstreetmap.org']);
    expect(csp).toBe(contentSecurityPolicy(origins));
    // Workers and data files get the header too (a worker's own policy comes from its response).
    const cesiumWorker = await fetch(new URL('cesium/Workers/createVerticesFromHeightmap.js', appUrl()));
    expect(cesiumWorker.headers.get('content-security-policy')).toBe(csp);
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;/g, "'");
    expect(meta).toBe(contentSecurityPolicy(origins, { meta: true }));
    expect(meta).not.toContain('frame-ancestors'); // ignored (with a console error) in a meta tag
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the built page
  });

  it.skipIf(!hasDemo)('planner app, analyses panel and scenario panel load and run without a violation', async () => {
    const page = await context.newPage();
    onTestFinished(() => page.close());
    const rec = recordPage(page);
    await watchViolations(page);
    await openApp(page, '?dataset=demo&lang=de&t=2026-06-21T15:00:00%2B02:00');
    // Analyses: one run of sun hours (workers, heat-map image) and the shadows now.
    await openSection(page, /Analysen/);
    await page.getByRole('radio', { name: 'Schatten jetzt' }).click();
    await page.locator('[data-analysis="run"]').click();
    await analysisFinished(page);
    expect(await page.evaluate(() => window.__planlotse!.getState().analysisError ?? null)).toBeNull();
    // Scenarios.
    await openSection(page, /Szenarien/);
    await page.getByTestId('scenario-panel').waitFor();
    // A dropped file travels as a blob: URL (fetch + scene); the policy allows it.
    const blobOk = await page.evaluate(async () => {
      const url = URL.createObjectURL(new Blob(['{"type":"FeatureCollection","features":[]}'], { type: 'application/json' }));
      return (await (await fetch(url)).json()).type;
    });
    expect(blobOk).toBe('FeatureCollection');
    await settle(page);
    expect(await violations(page)).toEqual([]);
    expect(cspConsole(rec)).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
  }, 240_000);

  it('is enforced: inline script and a request to an unlisted host are refused, and framing is blocked', async () => {
    const page = await context.newPage();
    onTestFinished(() => page.close());
    const rec = recordPage(page);
    await watchViolations(page);
    await page.goto(appUrl('?lang=de'));
    await waitFor(page, () => !!window.__planlotse);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      let fetched = 'yes';
      await fetch('https://example.invalid/x').catch(() => (fetched = 'refused'));
      return { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false, fetched };
    });
    expect(ran).toEqual({ inline: false, fetched: 'refused' });
    await waitFor(page, () => (window as unknown as { __cspViolations: string[] }).__cspViolations.length >= 2);
    const v = await violations(page);
    expect(v.some((x) => x.startsWith('script-src'))).toBe(true);
    expect(v.some((x) => x.startsWith('connect-src https://example.invalid'))).toBe(true);
    expect(cspConsole(rec).length).toBeGreaterThanOrEqual(2);
    // Framed by another page, the app does not load (frame-ancestors 'none').
    const framer = await context.newPage();
    onTestFinished(() => framer.close());
    // Listen first: the refusal is logged while the iframe loads.
    const refusal = framer.waitForEvent('console', { predicate: (m) => /frame-ancestors|Refused to (display|frame)/i.test(m.text()), timeout: 60_000 });
    await framer.setContent(`<iframe id="f" src="${appUrl()}"></iframe>`);
    const frameEl = await framer.waitForSelector('#f');
    expect((await refusal).text()).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
    const frame = await frameEl.contentFrame();
    expect(await frame?.evaluate(() => !!(window as unknown as { __planlotse?: unknown }).__planlotse).catch(() => false)).toBeFalsy();
  }, 120_000);
});
