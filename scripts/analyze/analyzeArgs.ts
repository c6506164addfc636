/** `--key value` options of `npm run analyze -- <command> …`. */
export interface AnalyzeArgs {
  command: string;
  opts: Record<string, string>;
}

export class AnalyzeUsageError extends Error {}

export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const [command, ...rest] = argv;
  if (!command) throw new AnalyzeUsageError('missing <command>: one of shadows, sunhours, sunpoints, overlaps, compliance');
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new AnalyzeUsageError(`analyze ${command}: unexpected argument "${a}" (options are --key value)`);
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new AnalyzeUsageError(`analyze ${command}: ${a} needs a value`);
    opts[a.slice(2)] = v;
    i++;
  }
  return { command, opts };
}

/** A required option. */
export function need(a: AnalyzeArgs, key: string): string {
  const v = a.opts[key];
  if (v === undefined) throw new AnalyzeUsageError(`analyze ${a.command}: --${key} is required`);
  return v;
}

/** A positive number option. */
export function num(a: AnalyzeArgs, key: string, dflt?: number): number {
  const raw = a.opts[key];
  if (raw === undefined) {
    if (dflt === undefined) throw new AnalyzeUsageError(`analyze ${a.command}: --${key} is required`);
    return dflt;
  }
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new AnalyzeUsageError(`analyze ${a.command}: --${key} "${raw}" must be a positive number`);
  return v;
}
