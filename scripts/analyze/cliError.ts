import { createI18n } from '../../src/core/i18n/createI18n';
import { LANGS, type Lang } from '../../src/core/i18n/Lang';
import { translateNested, type NestedMessage } from '../../src/core/i18n/Message';

let english: ReturnType<typeof createI18n> | undefined;
const translators = new Map<Lang, ReturnType<typeof createI18n>>();

/** Says a CLI message in `lang` through the one i18n API (one i18next instance per language, made once). */
export function cliMessageText(m: NestedMessage, lang: Lang = 'en'): string {
  let i = lang === 'en' ? english : translators.get(lang);
  if (!i) translators.set(lang, (i = createI18n(lang)));
  if (lang === 'en') english = i;
  return translateNested(i.t, m);
}

/**
 * A problem the CLI reports to the user: a message code with parameters (see `cli.error.*` and `problem.*` in the
 * resources). `message` is its English text, so that logs and scripts read what they always read; the CLI prints
 * it in the `--lang` language with {@link cliErrorText}.
 *
 * @example throw new CliError({ code: 'cli.error.fileProblem', params: { file, problem: { code: 'problem.fc.notFc' } } })
 */
export class CliError extends Error {
  readonly problem: NestedMessage;
  constructor(problem: NestedMessage) {
    super(cliMessageText(problem, 'en'));
    this.name = 'CliError';
    this.problem = problem;
  }
}

/** A bad option or command (the CLI exits 2 and prints the usage). */
export class AnalyzeUsageError extends CliError {}

/** The text of anything the CLI caught, in `lang`: a {@link CliError} translated, any other error's message as it is. */
export function cliErrorText(e: unknown, lang: Lang): string {
  if (e instanceof CliError) return cliMessageText(e.problem, lang);
  return e instanceof Error ? e.message : String(e);
}

/**
 * The language to report in, read straight from the arguments (errors can come before they are parsed):
 * `--lang de` or `--lang en`; English otherwise, also when the value itself is the error.
 */
export function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.lastIndexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : undefined;
  return v !== undefined && (LANGS as readonly string[]).includes(v) ? (v as Lang) : 'en';
}
