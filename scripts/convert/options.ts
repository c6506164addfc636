import { LANGS, type Lang } from '../../src/core/i18n/Lang';
import { ConvertUsageError } from './convertText';

/** Parsed command line of `npm run convert -- <kind> <inputs…> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--strict] [--lang en|de]`. */
export interface ConvertOptions {
  kind: string;
  inputs: string[];
  out: string;
  crs?: string;
  name?: string;
  strict: boolean;
  /** Language of the issue lines, the summary and the errors on the console (report.json stays English). */
  lang?: Lang;
  /** Extra `--key value` options a kind may read (e.g. `--lod 2`). */
  extra: Record<string, string>;
}

export function parseConvertArgs(argv: string[]): ConvertOptions {
  const [kind, ...rest] = argv;
  const inputs: string[] = [];
  const extra: Record<string, string> = {};
  let out: string | undefined, crs: string | undefined, name: string | undefined, lang: string | undefined, strict = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') out = rest[++i];
    else if (a === '--crs') crs = rest[++i];
    else if (a === '--name') name = rest[++i];
    else if (a === '--lang') lang = rest[++i] ?? '';
    else if (a === '--strict') strict = true;
    else if (a.startsWith('--')) extra[a.slice(2)] = rest[++i];
    else inputs.push(a);
  }
  if (!kind) throw new ConvertUsageError({ code: 'convert.cli.error.missingKind' });
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new ConvertUsageError({ code: 'convert.cli.error.lang', params: { kind, raw: lang, langs: LANGS.join(', ') } });
  if (inputs.length === 0) throw new ConvertUsageError({ code: 'convert.cli.error.noInputs', params: { kind } });
  if (!out) throw new ConvertUsageError({ code: 'convert.cli.error.noOut', params: { kind } });
  return { kind, inputs, out, crs, name, strict, lang: lang as Lang | undefined, extra };
}
