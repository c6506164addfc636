import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { ReportDocument } from '../../src/core/report/ReportDocument';
import { captureScenes, REPORT_DATASET } from './captureScenes';

// The app's scene needs the right types too: Cesium reads its imagery's tilemapresource.xml as XML, decoders as wasm.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.woff2': 'font/woff2',
};

/**
 * Serves the production build, the report document (at /__report.json, read
 * when the report page asks for it) and the dataset folder (as
 * `data/__report/`, for the scene images) on a free localhost port.
 */
function serve(dist: string, doc: () => ReportDocument, data?: string): Promise<{ server: Server; url: string }> {
  const root = path.resolve(dist);
  const dataRoot = data ? path.resolve(data) : undefined;
  const prefix = `/data/${REPORT_DATASET}/`;
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    if (u.pathname === '/__report.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(doc()));
      return;
    }
    const [base, rel] = dataRoot && u.pathname.startsWith(prefix) ? [dataRoot, u.pathname.slice(prefix.length)] : [root, u.pathname];
    const file = path.join(base, decodeURIComponent(rel));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * The report's PDF: the same report page as the browser's (`report.html` of
 * the production build) opened in Debian's Chromium, waited on until it marks
 * itself ready, printed with `page.pdf` (A4; the page's CSS sets portrait and
 * landscape sections; page numbers in Chromium's footer). With `scenes`, the
 * app of the same build first captures the report's fixed scene views of the
 * dataset folder (`captureScenes`) and the report shows them; a failed capture
 * is reported through `log`, and the report is printed without them, saying so and why (`sceneImagesError`).
 */
export async function renderPdf(
  doc: ReportDocument,
  o: { dist: string; chromium?: string; footer: string; scenes?: { data: string; title(i: number): string }; log?: (s: string) => void },
): Promise<{ pdf: Uint8Array; sceneImages: ReportDocument['sceneImages']; sceneImagesError?: string; sceneMs: number }> {
  if (!existsSync(path.join(o.dist, 'report.html'))) throw new Error(`${o.dist}/report.html is missing: build the app first (npx vite build), or pass --pdf false`);
  const exe = o.chromium ?? process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`Chromium not found at ${exe}: install Debian's "chromium" or set PLANLOTSE_CHROMIUM, or pass --pdf false`);
  let shown = doc;
  const { server, url } = await serve(o.dist, () => shown, o.scenes?.data);
  // The scene needs WebGL: SwiftShader stands in for a GPU (the same flags as the browser tests). The page is
  // composited in software (Skia) rather than by SwiftShader: ≈ 5 % less time for the scene images.
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-compositing'],
  });
  try {
    const t0 = performance.now();
    let sceneImages: ReportDocument['sceneImages'] = [];
    let sceneImagesError: string | undefined;
    if (o.scenes && doc.sceneViews.length) {
      const scenes = o.scenes;
      sceneImages = await captureScenes(browser, url, doc.sceneViews, doc.lang, { log: o.log }).then(
        (urls) => urls.map((dataUrl, i) => ({ title: scenes.title(i), dataUrl })),
        (e: Error) => {
          o.log?.(`report: no scene images (${e.message})`);
          sceneImagesError = e.message;
          return [];
        },
      );
      // The printed report says that the scene images are missing, and why.
      shown = { ...doc, sceneImages, ...(sceneImagesError ? { sceneImagesError } : {}) };
    }
    const sceneMs = performance.now() - t0;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/report.html?doc=${encodeURIComponent('/__report.json')}`);
    await page.waitForSelector('[data-report-ready]', { timeout: 60_000, state: 'attached' }).catch(() => {
      throw new Error(`the report page did not finish rendering${errors.length ? `: ${errors.join('; ')}` : ''}`);
    });
    const failed = await page.$('[data-report-error]');
    if (failed) throw new Error(`the report page failed: ${await failed.textContent()}`);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555"><span>${o.footer.replace(/[<&]/g, '')}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
    return { pdf: new Uint8Array(pdf), sceneImages, ...(sceneImagesError ? { sceneImagesError } : {}), sceneMs };
  } finally {
    await browser.close();
    server.close();
  }
}
