import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state';
import { translate, type MessageKey } from './i18n/messages';

const StoreCtx = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreCtx.Provider value={store}>{children}</StoreCtx.Provider>;
}

/** The store itself (for actions). */
export function useAppStoreApi(): AppStore {
  const s = useContext(StoreCtx);
  if (!s) throw new Error('useAppStoreApi: no StoreProvider above this component');
  return s;
}

/** Subscribes a component to a slice of the state. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** The translate function of the current language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useAppState((s) => s.lang);
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}
