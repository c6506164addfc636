import type { SliceCreator } from './AppState';

export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

export interface LangSlice {
  lang: Lang;
  setLang(lang: Lang): void;
}

declare module './AppState' {
  interface AppState extends LangSlice {}
}

export const createLangSlice: SliceCreator<LangSlice> = (set) => ({
  lang: 'de',
  setLang: (lang) => set({ lang }),
});
