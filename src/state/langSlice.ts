import type { SliceCreator } from './AppState';
import type { Lang } from '../core/i18n/Lang';

export { LANGS, type Lang } from '../core/i18n/Lang';

export interface LangSlice {
  lang: Lang;
  setLang(lang: Lang): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends LangSlice {}
}

export const createLangSlice: SliceCreator<LangSlice> = (set) => ({
  lang: 'de',
  setLang: (lang) => set({ lang }),
});
