import { analysisText, type AnalysisMessageKey } from './analysisMessages';

/** Text and number formatting for one language, as the analysis views use them. */
export interface PanelText {
  lang: string;
  t: (k: AnalysisMessageKey, v?: Record<string, string | number>) => string;
  /** Number with `d` decimals in the language's format. */
  nf: (v: number, d: number) => string;
}

/** Builds the `PanelText` of a language. */
export function panelText(lang: string): PanelText {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  return {
    lang,
    t: (k, v) => analysisText(lang, k, v),
    nf: (v, d) => v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d }),
  };
}
