import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { ReportDocument } from '../../src/core/report/ReportDocument';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** Serves the production build and the report document (at /__report.json) on a free localhost port. */
function serve(dist: string, doc: ReportDocument): Promise<{ server: Server; url: string }> {
  const json = JSON.stringify(doc);
  const root = path.resolve(dist);
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    if (u.pathname === '/__report.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(json);
      return;
    }
    const file = path.join(root, decodeURIComponent(u.pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
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
 * landscape sections; page numbers in Chromium's footer).
 */
export async function renderPdf(doc: ReportDocument, o: { dist: string; chromium?: string; footer: string }): Promise<Uint8Array> {
  if (!existsSync(path.join(o.dist, 'report.html'))) throw new Error(`${o.dist}/report.html is missing: build the app first (npx vite build), or pass --pdf false`);
  const exe = o.chromium ?? process.env.PLANLOTSE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`Chromium not found at ${exe}: install Debian's "chromium" or set PLANLOTSE_CHROMIUM, or pass --pdf false`);
  const { server, url } = await serve(o.dist, doc);
  const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
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
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
    server.close();
  }
}
