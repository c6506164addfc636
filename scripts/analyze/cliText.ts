import type { TFunction } from 'i18next';
import { createI18n } from '../../src/core/i18n/createI18n';
import { INTL_LOCALE, LANGS, type Lang } from '../../src/core/i18n/Lang';
import type { AnalyzeArgs } from './analyzeArgs';
import { AnalyzeUsageError } from './cliError';

/** What the analyze CLI writes for people, in one language, through the one i18n API (`createI18n`). */
export interface CliText {
  lang: Lang;
  t: TFunction;
  /** A number with exactly `decimals` decimals in the language's format, without grouping (1234.5 / 1234,5). */
  num(v: number, decimals: number): string;
  /** CSV column names: the machine names in English, readable German ones in German (`csv.column.<name>`). */
  header(names: readonly string[]): string[];
}

/**
 * The `--lang de|en` option; English by default, so that existing scripts get
 * the column names and summary lines they always got.
 */
export function parseLang(a: AnalyzeArgs): Lang {
  const raw = a.opts.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(raw)) throw new AnalyzeUsageError({ code: 'cli.error.lang', params: { command: a.command, raw, langs: LANGS.join(', ') } });
  return raw as Lang;
}

export function cliText(lang: Lang): CliText {
  const i18n = createI18n(lang);
  const formats = new Map<number, Intl.NumberFormat>();
  return {
    lang,
    t: i18n.t,
    num(v, decimals) {
      let f = formats.get(decimals);
      if (!f) formats.set(decimals, (f = new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })));
      return f.format(v);
    },
    header: (names) =>
      names.map((n) => {
        const key = `csv.column.${n}`;
        // Every column has a name in every language (tested); a new column without one fails loudly.
        if (!i18n.exists(key)) throw new Error(`CSV column "${n}" has no name in the i18n resources (${key})`);
        return i18n.t(key as never);
      }),
  };
}
