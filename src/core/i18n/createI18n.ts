import i18next, { type i18n } from 'i18next';
import { de } from './resources/de';
import { en } from './resources/en';
import { INTL_LOCALE, LANGS, type Lang } from './Lang';

/** The resources of every language, as i18next wants them (one namespace, `translation`). */
export const RESOURCES = { de: { translation: de }, en: { translation: en } } as const;

/**
 * Creates an i18next instance for `lang` over Planlotse's resources. No DOM, no React: the UI wraps it in
 * react-i18next, the CLI and reports call its `t` directly. Initialisation is synchronous (resources are inline),
 * so `t` works as soon as this returns.
 *
 * @example createI18n('de').t('layers.features', { count: 1234 }) // '1.234 Objekte'
 */
export function createI18n(lang: Lang = 'de'): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: 'de',
    supportedLngs: [...LANGS],
    resources: RESOURCES,
    // Keys are flat strings with dots (`sun.quality` and `sun.quality.low` both exist).
    keySeparator: false,
    nsSeparator: false,
    // React escapes; the CLI writes plain text. Escaping here would double-escape `&` and quotes.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  // i18next's built-in formatters take the language code as the Intl locale; map it (en → en-GB) so numbers
  // and dates follow INTL_LOCALE.
  const fmt = inst.services.formatter;
  if (fmt) {
    const locale = (lng: string | undefined) => INTL_LOCALE[(lng as Lang) in INTL_LOCALE ? (lng as Lang) : 'de'];
    fmt.addCached('number', (lng, opts) => {
      const f = new Intl.NumberFormat(locale(lng), opts as Intl.NumberFormatOptions);
      return (v: unknown) => f.format(v as number);
    });
    fmt.addCached('datetime', (lng, opts) => {
      const f = new Intl.DateTimeFormat(locale(lng), opts as Intl.DateTimeFormatOptions);
      return (v: unknown) => f.format(v as Date | number);
    });
  }
  return inst;
}
