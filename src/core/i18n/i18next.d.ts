import type { de } from './resources/de';

/**
 * Types i18next's `t` against the German resources: `t('unknown.key')` and a missing `{{placeholder}}` value fail
 * the type check, in the UI (react-i18next reads the same declaration), the CLI and reports alike.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
    keySeparator: false;
    nsSeparator: false;
  }
}
