import type { SliceCreator } from './AppState';

export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

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
