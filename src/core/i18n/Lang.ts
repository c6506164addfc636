/** The languages Planlotse speaks; a third one is one resource file plus an entry here and in `createI18n`. */
export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

/**
 * Intl locale behind a language: English dates are written the British way (21/03/2025, 24-hour clock), as the
 * planner app always did; plain `en` would give US month-first dates.
 */
export const INTL_LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
