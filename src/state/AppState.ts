import type { Mutate, StoreApi } from 'zustand/vanilla';

/**
 * The whole app state. Each slice file adds its part by declaration merging
 * (`declare module './AppState' { interface AppState extends MySlice {} }`),
 * so adding a slice touches only its own file plus one line in
 * `createAppStore.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the slices via declaration merging
export interface AppState {}

export type SetState = StoreApi<AppState>['setState'];
export type GetState = () => AppState;

/** A slice: initial values plus actions, given the store's set/get. */
export type SliceCreator<T> = (set: SetState, get: GetState) => T;

/**
 * The store, with zustand's `subscribeWithSelector`: consumers subscribe to a
 * selected part (`store.subscribe(select, onChange, { equalityFn: shallow })`)
 * and are called only when that part changes.
 */
export type AppStore = Mutate<StoreApi<AppState>, [['zustand/subscribeWithSelector', never]]>;
