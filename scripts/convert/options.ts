/** Parsed command line of `npm run convert -- <kind> <inputs…> --out <dir> [--crs EPSG:nnnn] [--name <title>] [--strict]`. */
export interface ConvertOptions {
  kind: string;
  inputs: string[];
  out: string;
  crs?: string;
  name?: string;
  strict: boolean;
  /** Extra `--key value` options a kind may read (e.g. `--lod 2`). */
  extra: Record<string, string>;
}

export function parseConvertArgs(argv: string[]): ConvertOptions {
  const [kind, ...rest] = argv;
  const inputs: string[] = [];
  const extra: Record<string, string> = {};
  let out: string | undefined, crs: string | undefined, name: string | undefined, strict = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') out = rest[++i];
    else if (a === '--crs') crs = rest[++i];
    else if (a === '--name') name = rest[++i];
    else if (a === '--strict') strict = true;
    else if (a.startsWith('--')) extra[a.slice(2)] = rest[++i];
    else inputs.push(a);
  }
  if (!kind) throw new UsageError('missing <kind>: one of citygml, cityjson, xplanung, vector');
  if (inputs.length === 0) throw new UsageError(`convert ${kind}: no input files given`);
  if (!out) throw new UsageError(`convert ${kind}: --out <dir> is required`);
  return { kind, inputs, out, crs, name, strict, extra };
}

export class UsageError extends Error {}
