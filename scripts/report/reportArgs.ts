import type { Lang } from '../../src/core/i18n/Lang';

/** Options of `npm run report -- --data <dir> … --out <dir>`. */
export interface ReportArgs {
  data: string;
  out: string;
  scenario?: string;
  /** Variant names or ids, in order (A,B). */
  variants: string[];
  /** `all` (default), `plan`, `plan:<id>`, `baugebiet:<id>`, or a polygon GeoJSON file. */
  area: string;
  date: string;
  lang: Lang;
  author: string;
  title?: string;
  cellM?: number;
  stepMin?: number;
  /** Skip the PDF (no Chromium, no build needed). */
  pdf: boolean;
  /** Capture the 3D scene at the report's fixed views for the PDF (default true; needs the PDF). */
  scenes: boolean;
  /** The built app (default dist/): serves the report page. */
  dist: string;
}

export class ReportUsageError extends Error {}

const KNOWN = ['data', 'out', 'scenario', 'variants', 'area', 'date', 'lang', 'author', 'title', 'cell', 'step', 'pdf', 'scenes', 'dist'];

/**
 * Parses and checks the report CLI's arguments; every problem is a
 * `ReportUsageError` that names the option and the value.
 *
 * @example parseReportArgs(['--data', 'data/demo', '--out', 'out/'])
 */
export function parseReportArgs(argv: string[]): ReportArgs {
  const o: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new ReportUsageError(`report: unexpected argument "${a}" (options are --key value)`);
    const k = a.slice(2);
    if (!KNOWN.includes(k)) throw new ReportUsageError(`report: unknown option --${k} (known: ${KNOWN.map((x) => `--${x}`).join(', ')})`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new ReportUsageError(`report: --${k} needs a value`);
    o[k] = v;
    i++;
  }
  if (!o.data) throw new ReportUsageError('report: --data <dataset folder> is required (e.g. --data data/demo)');
  if (!o.out) throw new ReportUsageError('report: --out <folder> is required');
  const date = o.date ?? '2025-03-21';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new ReportUsageError(`report: --date "${date}" must be a date YYYY-MM-DD`);
  const lang = (o.lang ?? 'de') as Lang;
  if (lang !== 'de' && lang !== 'en') throw new ReportUsageError(`report: --lang "${o.lang}" must be de or en`);
  const variants = o.variants ? o.variants.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (variants.length > 2) throw new ReportUsageError(`report: --variants "${o.variants}" names ${variants.length} variants; give one or two (A or A,B)`);
  if (variants.length && !o.scenario) throw new ReportUsageError('report: --variants needs --scenario <file.json> with those variants');
  const posNum = (k: string): number | undefined => {
    if (o[k] === undefined) return undefined;
    const v = Number(o[k]);
    if (!Number.isFinite(v) || v <= 0) throw new ReportUsageError(`report: --${k} "${o[k]}" must be a positive number`);
    return v;
  };
  for (const k of ['pdf', 'scenes']) if (o[k] !== undefined && o[k] !== 'true' && o[k] !== 'false') throw new ReportUsageError(`report: --${k} "${o[k]}" must be true or false`);
  const area = o.area ?? 'all';
  if (!/^(all|plan(:.+)?|baugebiet:.+)$/.test(area) && !/\.(geo)?json$/i.test(area)) throw new ReportUsageError(`report: --area "${area}" must be all, plan, plan:<id>, baugebiet:<id> or a polygon .geojson file`);
  return {
    data: o.data,
    out: o.out,
    ...(o.scenario ? { scenario: o.scenario } : {}),
    variants,
    area,
    date,
    lang,
    author: o.author ?? '',
    ...(o.title ? { title: o.title } : {}),
    ...(posNum('cell') !== undefined ? { cellM: posNum('cell') } : {}),
    ...(posNum('step') !== undefined ? { stepMin: posNum('step') } : {}),
    pdf: o.pdf !== 'false',
    scenes: o.scenes !== 'false',
    dist: o.dist ?? 'dist',
  };
}
