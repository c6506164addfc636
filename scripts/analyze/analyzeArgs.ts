import { AnalyzeUsageError } from './cliError';

/** `--key value` options of `npm run analyze -- <command> …`. */
export interface AnalyzeArgs {
  command: string;
  opts: Record<string, string>;
}

export { AnalyzeUsageError } from './cliError';

export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const [command, ...rest] = argv;
  if (!command) throw new AnalyzeUsageError({ code: 'cli.error.missingCommand' });
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new AnalyzeUsageError({ code: 'cli.error.unexpectedArgument', params: { command, arg: a } });
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new AnalyzeUsageError({ code: 'cli.error.needsValue', params: { command, option: a } });
    opts[a.slice(2)] = v;
    i++;
  }
  return { command, opts };
}

/** A required option. */
export function need(a: AnalyzeArgs, key: string): string {
  const v = a.opts[key];
  if (v === undefined) throw new AnalyzeUsageError({ code: 'cli.error.required', params: { command: a.command, key } });
  return v;
}

/** A positive number option. */
export function num(a: AnalyzeArgs, key: string, dflt?: number): number {
  const raw = a.opts[key];
  if (raw === undefined) {
    if (dflt === undefined) throw new AnalyzeUsageError({ code: 'cli.error.required', params: { command: a.command, key } });
    return dflt;
  }
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new AnalyzeUsageError({ code: 'cli.error.positiveNumber', params: { command: a.command, key, raw } });
  return v;
}
