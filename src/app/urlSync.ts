import { formatUrlState, type AppStore } from '../state';

/**
 * Keeps the address bar in step with the shareable state, debounced, with
 * history.replaceState (no history entry per camera move).
 */
export function syncUrl(store: AppStore, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const write = () => {
    timer = undefined;
    const s = store.getState();
    if (!s.catalog) return;
    const qs = formatUrlState(s);
    if (qs === last) return;
    last = qs;
    history.replaceState(history.state, '', `${location.pathname}?${qs}${location.hash}`);
  };
  return store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  });
}
