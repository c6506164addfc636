import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quietContext } from '../../src/core/analysis/AnalysisDescriptor';
import { createI18n } from '../../src/core/i18n/createI18n';
import { buildReport } from '../../src/core/report/buildReport';
import { reportFiles, zipBundle } from '../../src/core/report/reportBundle';
import { sceneViewTitle } from '../../src/core/report/reportSceneViews';
import type { ReportArea, ReportDocument, ReportVariant } from '../../src/core/report/ReportDocument';
import { parseScenarioFile } from '../../src/core/scenario/parseScenarioFile';
import { loadDataset, readAreaPolygon } from './loadDataset';
import { renderPdf } from './renderPdf';
import type { ReportArgs } from './reportArgs';

/** The variants named on the command line (by name or id), from a scenario file validated like an import. */
async function readVariants(a: ReportArgs): Promise<ReportVariant[]> {
  if (!a.scenario) return [];
  const r = parseScenarioFile(await readFile(a.scenario).catch((e: Error) => Promise.reject(new Error(`${a.scenario}: ${e.message}`))), a.scenario);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const all = r.scenario.variants;
  const names = a.variants.length ? a.variants : all.slice(0, 1).map((v) => v.name);
  return names.map((n) => {
    const v = all.find((x) => x.name === n || x.id === n);
    if (!v) throw new Error(`${a.scenario}: no variant "${n}" (variants: ${all.map((x) => x.name).join(', ')})`);
    return { id: v.id, name: v.name, buildings: v.buildings, demolishedIds: v.demolishedIds };
  });
}

async function readArea(a: ReportArgs): Promise<ReportArea> {
  if (a.area === 'all') return { kind: 'all' };
  if (a.area === 'plan') return { kind: 'plan' };
  if (a.area.startsWith('plan:')) return { kind: 'plan', id: a.area.slice(5) };
  if (a.area.startsWith('baugebiet:')) return { kind: 'baugebiet', id: a.area.slice(10) };
  return { kind: 'polygon', geometry: await readAreaPolygon(a.area), name: path.basename(a.area).replace(/\.(geo)?json$/i, '') };
}

function buildCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * `npm run report`: builds the report of a dataset folder headless (the same
 * `buildReport` as the browser, over files), renders its PDF through the
 * production build's report page in Chromium, and writes the bundle: the
 * files in `--out` and all of them as `report.zip`. Returns the document and
 * the timings.
 */
export async function runReportCommand(a: ReportArgs, o: { now?: string; log?: (s: string) => void } = {}): Promise<{ doc: ReportDocument; buildMs: number; sceneMs: number; pdfMs: number; filesMs: number; files: string[] }> {
  const log = o.log ?? (() => undefined);
  const t0 = performance.now();
  const { catalog, load } = await loadDataset(a.data);
  const variants = await readVariants(a);
  const area = await readArea(a);
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  let last = -1;
  const built = await buildReport(
    { lang: a.lang, area, variants, date: a.date, author: a.author, ...(a.title ? { title: a.title } : {}), ...(a.cellM ? { cellM: a.cellM } : {}), ...(a.stepMin ? { stepMin: a.stepMin } : {}) },
    { catalog, layers: catalog.layers, load, appVersion: pkg.version, buildCommit: buildCommit(), now: o.now ?? new Date().toISOString() },
    {
      ...quietContext(),
      progress: (d, t) => {
        const p = Math.floor((d / t) * 10);
        if (p > last) log(`report: ${(last = p) * 10} %`);
      },
    },
  );
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const t = createI18n(a.lang).t;
  const tt = t as unknown as (key: string, opts?: Record<string, unknown>) => string;
  const printed = a.pdf
    ? await renderPdf(built, {
        dist: a.dist,
        footer: `Planlotse · ${t('report.title')} · ${built.title.dataset[a.lang]}`,
        ...(a.scenes ? { scenes: { data: a.data, title: (i: number) => sceneViewTitle(tt, built.sceneViews[i]) } } : {}),
        log,
      })
    : undefined;
  const pdf = printed?.pdf;
  const sceneMs = printed?.sceneMs ?? 0;
  const pdfMs = performance.now() - t1 - sceneMs;
  const doc: ReportDocument = { ...built, sceneImages: printed?.sceneImages ?? [], ...(printed?.sceneImagesError ? { sceneImagesError: printed.sceneImagesError } : {}) };
  const t2 = performance.now();
  const { files } = await reportFiles(doc, pdf ? { pdf } : {});
  await mkdir(a.out, { recursive: true });
  for (const f of files) {
    await mkdir(path.dirname(path.join(a.out, f.path)), { recursive: true });
    await writeFile(path.join(a.out, f.path), f.bytes);
  }
  await writeFile(path.join(a.out, 'report.zip'), zipBundle(files, doc.provenance.createdAt));
  return { doc, buildMs, sceneMs, pdfMs, filesMs: performance.now() - t2, files: [...files.map((f) => f.path), 'report.zip'] };
}
