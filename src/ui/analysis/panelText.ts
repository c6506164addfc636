import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { de } from '../../core/i18n/resources/de';
import type { Lang } from '../../state';
import { formatNumber } from '../i18n/useNumberFormat';

/** Keys of the Analyses panel's texts, without their `analysis.` prefix (`'kind'` for `'analysis.kind'`). */
export type AnalysisMessageKey = keyof typeof de extends infer K ? (K extends `analysis.${infer R}` ? R : never) : never;

/** Text and number formatting for one language, as the analysis views use them (all through the app's i18next). */
export interface PanelText {
  lang: Lang;
  t: (k: AnalysisMessageKey, v?: Record<string, string | number>) => string;
  /** Number with `d` decimals in the language's format (i18next's `number` formatter: decimal comma in German). */
  nf: (v: number, d: number) => string;
}

/** Builds the `PanelText` of an i18next instance's current language. */
export function panelText(i18n: I18n): PanelText {
  const lang = i18n.language as Lang;
  // The short keys are checked by `AnalysisMessageKey`; placeholders are filled as given.
  const t = i18n.t as unknown as (key: string, opts?: object) => string;
  return {
    lang,
    t: (k, v) => t(`analysis.${k}`, v ?? {}),
    nf: (v, d) => formatNumber(i18n, v, { minimumFractionDigits: d, maximumFractionDigits: d }),
  };
}

/** The `PanelText` of the UI's language; re-renders on a language change. */
export function usePanelText(): PanelText {
  const { i18n } = useTranslation();
  return panelText(i18n);
}
