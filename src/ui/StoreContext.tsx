import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state';

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
