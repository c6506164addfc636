import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/core/report/ReportDocument';
import { parseReportArgs } from '../../scripts/report/reportArgs';
import { runReportCommand } from '../../scripts/report/runReportCommand';
import { renderPdf } from '../../scripts/report/renderPdf';

/*
 * `npm run report` end to end on the demo district: the PDF printed by Chromium
 * from the production build's report page, rendered to PNG pages (pdftoppm)
 * and read as text (pdftotext), with the 3D scene images the CLI captures from
 * the production build's app at the report's fixed views. One run for all assertions.
 */
let out: string;
let doc: ReportDocument;
let text: string;

/** Width, height and pixel bytes of a binary PGM (P5) or PPM (P6) image, as poppler writes them. */
function readPnm(pnm: Buffer): { width: number; height: number; px: Buffer } {
  // Header: magic, width, height, maxval, each followed by whitespace.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pnm[pos]))) pos++;
    const start = pos;
    while (!/\s/.test(String.fromCharCode(pnm[pos]))) pos++;
    fields.push(pnm.subarray(start, pos).toString('latin1'));
  }
  return { width: Number(fields[1]), height: Number(fields[2]), px: pnm.subarray(pos + 1) };
}

/** Grey-level variance of a PGM page image (a blank map has ~0). */
function variance(pgm: Buffer): number {
  const { px } = readPnm(pgm);
  let s = 0, s2 = 0;
  for (const v of px) {
    s += v;
    s2 += v * v;
  }
  const m = s / px.length;
  return s2 / px.length - m * m;
}

describe('report PDF (CLI, Chromium page.pdf)', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'report-pdf-'));
    const r = await runReportCommand(parseReportArgs(['--data', 'data/demo', '--out', out, '--lang', 'de', '--author', 'Testbüro', '--step', '20', '--cell', '3']), {
      // What the CLI says (timings, and why scene images are missing if they are), without the progress lines.
      log: (line) => /^report: \d+ %$/.test(line) || console.log(line),
    });
    doc = r.doc;
    text = execFileSync('pdftotext', ['-layout', path.join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
  }, 600_000);

  it('has every section, A4 pages with numbers, and the author', () => {
    const info = execFileSync('pdfinfo', [path.join(out, 'report.pdf')], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(pages).toBeLessThan(40);
    for (const s of ['Zusammenfassung', 'Ebenen: Anzahl und Fläche', 'Überlagerungen', 'Planeinhaltung je Baugebiet', 'Sonnenstunden', 'Fassadenpunkte', 'Karten', 'Herkunft und Parameter', 'Testbüro', 'CC0'])
      expect(text).toContain(s);
    expect(text).toContain(`1 / ${pages}`);
    expect(text).toContain(`${pages} / ${pages}`);
  });

  it('contains the same compliance figures as the CSV', () => {
    const fmt = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const r of doc.compliance.rows) {
      const grz = r.rules.find((x) => x.rule === 'GRZ');
      if (grz?.value != null) expect(text).toContain(fmt.format(grz.value));
      expect(text).toContain(r.label);
    }
    const facadePass = doc.facades.points.filter((p) => p.meets).length;
    expect(text).toContain(`${facadePass} von ${doc.facades.points.length} Punkten`);
  });

  it('has the three 3D scene images at fixed views and sun times, captioned', () => {
    expect(doc.sceneViews.map((v) => `${v.view} ${v.localTime}`)).toEqual(['south 10:00', 'south 16:00', 'southeast 13:00']);
    expect(doc.sceneImages.map((s) => s.title)).toEqual(['Blick von Süden, 10:00 Uhr', 'Blick von Süden, 16:00 Uhr', 'Blick von Südosten, 13:00 Uhr']);
    for (const s of doc.sceneImages) {
      expect(s.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
      // A PNG of a rendered scene, not an empty canvas (that compresses to a few kB).
      expect(s.dataUrl.length).toBeGreaterThan(100_000);
    }
    for (const s of doc.sceneImages) expect(text).toContain(s.title);
  });

  it('scene images are drawn at full size and at their own sun time', async () => {
    // Captured at the canvas's full drawing buffer (PNG IHDR), not the quarter size the scene settles at.
    for (const s of doc.sceneImages) {
      const png = Buffer.from(s.dataUrl.slice(s.dataUrl.indexOf(',') + 1), 'base64');
      expect(png.readUInt32BE(16)).toBeGreaterThan(600);
      expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    }
    // The images as printed (pdfimages writes PPM), in page order: the three largest are the scene views.
    const dir = path.join(out, 'images');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('pdfimages', [path.join(out, 'report.pdf'), path.join(dir, 'i')]);
    const images = await Promise.all((await readdir(dir)).sort().map(async (f) => readPnm(await readFile(path.join(dir, f)))));
    const scenes = images.filter((i) => i.width > 600 && i.px.length === i.width * i.height * 3);
    expect(scenes.length).toBe(3);
    // South at 10:00 and at 16:00: the same camera, the sun moved from south-east to south-west, so shadows and lit
    // walls differ. (A frame rendered at the wall clock's sun instead of the scene time looked the same twice.)
    const [a, b] = scenes;
    let differing = 0;
    for (let i = 0; i < a.px.length; i += 3) if (Math.abs(a.px[i] - b.px[i]) + Math.abs(a.px[i + 1] - b.px[i + 1]) + Math.abs(a.px[i + 2] - b.px[i + 2]) > 60) differing++;
    expect(differing / (a.width * a.height)).toBeGreaterThan(0.01);
  });

  it('map pages are not blank', async () => {
    const pagesText = text.split('\f');
    const mapPages = pagesText.map((p, i) => (/Baugebiete mit Ampel|Sonnenstunden am .* mit Fassadenpunkten|Blick von Süd/.test(p) ? i + 1 : 0)).filter(Boolean);
    expect(mapPages.length).toBeGreaterThanOrEqual(3);
    for (const p of mapPages) {
      execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', String(p), '-l', String(p), path.join(out, 'report.pdf'), path.join(out, `map-${p}`)]);
      const file = (await readdir(out)).find((f) => f.startsWith(`map-${p}`))!;
      expect(variance(await readFile(path.join(out, file)))).toBeGreaterThan(200);
    }
  });

  it('says in the printed report that the scene views are missing, and why, when their capture fails', async () => {
    expect(text).not.toContain('fehlen in diesem Bericht');
    // A dataset folder without the data: the app cannot load it, so no view can be captured.
    const empty = await mkdtemp(path.join(tmpdir(), 'report-no-data-'));
    const r = await renderPdf({ ...doc, sceneImages: [] }, { dist: 'dist', footer: 'Planlotse', scenes: { data: empty, title: () => 'Ansicht' } });
    expect(r.sceneImages).toEqual([]);
    expect(r.sceneImagesError).toMatch(/^scene views: .*catalog\.notFound.*catalog\.json/);
    // Printed for a reader: no stack, no address of the CLI's own server.
    expect(r.sceneImagesError).not.toMatch(/\n|127\.0\.0\.1|assets\//);
    await writeFile(path.join(empty, 'report.pdf'), r.pdf);
    const printed = execFileSync('pdftotext', ['-layout', path.join(empty, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(printed).toContain('Die Ansichten aus der 3D-Szene fehlen in diesem Bericht: scene views:');
    expect(printed).toContain('Planeinhaltung je Baugebiet');
  }, 300_000);
});
