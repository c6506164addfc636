import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromiumArgs';

// Serves the production build (dist/, made by `npm test` before this runs)
// on a free loopback port for all browser specs, and starts the one Chromium
// that every spec connects to (`launchBrowser()` in the harness): one browser
// start instead of one per spec file, and one GPU process whose compiled
// SwiftShader programs are reused by every page of the run.
let server: PreviewServer | undefined;
let browserServer: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` (npm test does it) before the browser tests.');
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  project.provide('appUrl', url);
  browserServer = await chromium.launchServer({ executablePath: process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await browserServer?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The shared Chromium (playwright `BrowserServer`), for `chromium.connect`. */
    browserWsEndpoint: string;
  }
}
