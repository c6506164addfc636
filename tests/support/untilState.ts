/** A store with zustand's `getState` / `subscribe`. */
interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Resolves once `predicate(state)` holds: at once if it already does, else on
 * the first store change that makes it true (a wait on state, not a sleep).
 */
export function untilState<S>(store: Subscribable<S>, predicate: (state: S) => boolean): Promise<void> {
  if (predicate(store.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((s) => {
      if (predicate(s)) {
        unsubscribe();
        resolve();
      }
    });
  });
}
