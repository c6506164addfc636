import { createI18n } from '../../src/core/i18n/createI18n';
import { INTL_LOCALE, type Lang } from '../../src/core/i18n/Lang';
import { translateNested } from '../../src/core/i18n/Message';
import { ConversionError } from '../../src/core/model/ConversionError';
import { formatIssue, type ConversionIssue, type ConversionReport } from '../../src/core/model/ConversionReport';
import { CliError } from '../analyze/cliError';

/** A bad option or a missing argument of `npm run convert` (exit code 2, the usage is printed). */
export class ConvertUsageError extends CliError {}

/**
 * What the convert CLI writes on the console, in one language, through the one i18n API (`createI18n`): each
 * issue line, the summary, the usage and the errors. English by default, word for word the lines the CLI always
 * printed; report.json is English whatever `--lang` says.
 */
export interface ConvertText {
  issue(i: ConversionIssue): string;
  summary(kind: string, report: ConversionReport, out: string): string;
  usage(): string;
  /** The text of anything caught: usage and conversion errors translated, any other error's message as it is. */
  error(e: unknown): string;
  unknownKind(kind: string, kinds: readonly string[]): string;
  heapExceeded(mb: number): string;
}

export function convertText(lang: Lang = 'en'): ConvertText {
  const { t } = createI18n(lang);
  const words = {
    skipped: t('convert.cli.issue.skipped'),
    warning: t('convert.cli.issue.warning'),
    at: t('convert.cli.issue.at'),
    reason: (i: ConversionIssue) => translateNested(t, i.message),
  };
  const secs = new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  return {
    issue: (i) => formatIssue(i, words),
    summary(kind, report, out) {
      const converted = Object.values(report.counts).reduce((a, b) => a + b, 0);
      const skipped = Object.values(report.skippedCounts).reduce((a, b) => a + b, 0);
      const classes = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ') || t('convert.cli.none');
      return t('convert.cli.summary', { kind, count: converted, classes, skipped: String(skipped), crs: report.crs?.code ?? '?', secs: secs.format(report.durationMs / 1000), out });
    },
    usage: () => t('convert.cli.usage'),
    error(e) {
      if (e instanceof CliError) return translateNested(t, e.problem);
      if (e instanceof ConversionError) return translateNested(t, e.problem);
      return e instanceof Error ? e.message : String(e);
    },
    unknownKind: (kind, kinds) => t('convert.cli.error.unknownKind', { kind, kinds: kinds.join(', ') }),
    heapExceeded: (mb) => t('convert.cli.heapExceeded', { mb: String(mb) }),
  };
}
