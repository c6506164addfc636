import { strToU8, zipSync } from 'fflate';
import { writeTable, type TableDialect } from '../table/writeTable';
import type { ReportDocument } from './ReportDocument';
import { reportXlsx } from './reportXlsx';

/** One file of a report bundle. */
export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/** The manifest of a bundle: every file with size and SHA-256, and the report's parameters. */
export interface BundleManifest {
  schema: 'planlotse-report-bundle/1';
  createdAt: string;
  dataset: string;
  appVersion: string;
  buildCommit: string;
  parameters: { area: string; variants: string[]; date: string; lang: string; analyses: ReportDocument['provenance']['analyses'] };
  files: { path: string; bytes: number; sha256: string }[];
}

/** The CSV dialects of a bundle, by folder. */
export const CSV_DIALECTS: { folder: string; dialect: TableDialect }[] = [
  { folder: 'csv', dialect: 'rfc4180' },
  { folder: 'csv-excel-de', dialect: 'excel-de' },
];

/** A table of the document as CSV text in a dialect (the one table writer; UTF-8 with BOM, CRLF). */
export function tableCsv(t: ReportDocument['tables'][number], dialect: TableDialect): string {
  return writeTable(t.header, t.rows, { decimals: t.decimals, dialect });
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Every export of a report, as files: `report.json` (the document), the
 * PDF when given, CSV in both dialects, `report.xlsx`, one GeoJSON per result
 * layer, and `manifest.json` (sizes, SHA-256, parameters) last. The browser
 * zips them (`zipBundle`), the CLI writes them to a folder and zips them too.
 *
 * @example const files = await reportFiles(doc, { pdf })
 */
export async function reportFiles(doc: ReportDocument, o: { pdf?: Uint8Array } = {}): Promise<{ files: BundleFile[]; manifest: BundleManifest }> {
  const files: BundleFile[] = [];
  // The scene images are in the PDF; the JSON stays small without them.
  files.push({ path: 'report.json', bytes: strToU8(JSON.stringify({ ...doc, sceneImages: doc.sceneImages.map((s) => ({ title: s.title, dataUrl: '' })) })) });
  if (o.pdf) files.push({ path: 'report.pdf', bytes: o.pdf });
  for (const { folder, dialect } of CSV_DIALECTS) for (const t of doc.tables) files.push({ path: `${folder}/${t.file}.csv`, bytes: strToU8(tableCsv(t, dialect)) });
  files.push({ path: 'report.xlsx', bytes: await reportXlsx(doc.tables, { created: new Date(doc.provenance.createdAt) }) });
  for (const [name, fc] of Object.entries(doc.geojson)) files.push({ path: `geojson/${name}.geojson`, bytes: strToU8(JSON.stringify(fc)) });
  const manifest: BundleManifest = {
    schema: 'planlotse-report-bundle/1',
    createdAt: doc.provenance.createdAt,
    dataset: doc.title.datasetId,
    appVersion: doc.provenance.appVersion,
    buildCommit: doc.provenance.buildCommit,
    parameters: { area: `${doc.title.area.kind}${doc.title.area.label ? `: ${doc.title.area.label}` : ''}`, variants: doc.title.variants, date: doc.title.date, lang: doc.lang, analyses: doc.provenance.analyses },
    files: await Promise.all(files.map(async (f) => ({ path: f.path, bytes: f.bytes.length, sha256: await sha256(f.bytes) }))),
  };
  files.push({ path: 'manifest.json', bytes: strToU8(JSON.stringify(manifest, null, 2)) });
  return { files, manifest };
}

/** The bundle as one zip (fflate, deflated; fixed file times so equal bundles are equal bytes). */
export function zipBundle(files: BundleFile[], createdAt: string): Uint8Array {
  const mtime = new Date(createdAt);
  return zipSync(Object.fromEntries(files.map((f) => [f.path, [f.bytes, { level: 6, mtime }]])));
}
