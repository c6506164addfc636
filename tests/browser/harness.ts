import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { mkdirSync } from 'node:fs';

/** Flags that make headless Chromium render WebGL on the CPU (SwiftShader) and stay offline. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
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

/** Saves a screenshot under test-results/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<Buffer> {
  mkdirSync('test-results/screenshots', { recursive: true });
  return page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
