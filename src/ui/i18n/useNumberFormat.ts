import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Formats a number with i18next's `number` formatter in an instance's language (Intl; decimal comma in German). */
export function formatNumber(i18n: I18n, v: number, opts: Intl.NumberFormatOptions = {}): string {
  return i18n.services.formatter!.format(v, 'number', i18n.language, opts);
}

/** {@link formatNumber} for the UI's current language; the component re-renders when the language changes. */
export function useNumberFormat(): (v: number, opts?: Intl.NumberFormatOptions) => string {
  const { i18n } = useTranslation();
  return (v, opts) => formatNumber(i18n, v, opts);
}
