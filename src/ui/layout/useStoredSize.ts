import { useCallback, useState } from 'react';

/** Reads a remembered size (px); undefined when none was stored or storage is unavailable (private mode, kiosk lockdown). */
function readSize(key: string): number | undefined {
  try {
    const v = Number(globalThis.localStorage?.getItem(key));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A size in pixels that the page remembers across reloads (a layout
 * preference of this browser, not a document: localStorage, not the idb
 * document storage). The value is clamped to `[min, max()]` on read and on set.
 *
 * @example const [w, setW] = useStoredSize('planlotse.panelWidth', 340, 260, () => innerWidth - 320);
 */
export function useStoredSize(key: string, initial: number, min: number, max: () => number): [number, (px: number) => void] {
  const clamp = useCallback((v: number) => Math.round(Math.min(Math.max(v, min), Math.max(min, max()))), [min, max]);
  const [size, setSize] = useState(() => clamp(readSize(key) ?? initial));
  const set = useCallback(
    (px: number) => {
      const v = clamp(px);
      setSize(v);
      try {
        globalThis.localStorage?.setItem(key, String(v));
      } catch {
        // Not remembered; the size still applies now.
      }
    },
    [clamp, key],
  );
  return [size, set];
}
