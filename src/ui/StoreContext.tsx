import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
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

/**
 * Several top-level fields of the state in one subscription, compared field by
 * field: the component re-renders when any of them changes, as it would with
 * one `useAppState` per field, but a panel reads its fields in one line.
 *
 * @example const { lang, kioskStory: story } = useAppFields('lang', 'kioskStory');
 */
export function useAppFields<K extends keyof AppState>(...keys: K[]): Pick<AppState, K> {
  return useAppState(
    useShallow((s) => {
      const picked = {} as Pick<AppState, K>;
      for (const k of keys) picked[k] = s[k];
      return picked;
    }),
  );
}
