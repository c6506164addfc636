import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

// Serves the production build (dist/, made by `npm test` before this runs)
// on a free loopback port for all browser specs.
let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` (npm test does it) before the browser tests.');
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  project.provide('appUrl', url);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
