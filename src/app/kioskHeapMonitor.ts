/** Chromium's non-standard `performance.memory` (absent in other browsers). */
interface PerformanceMemory {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
  jsHeapSizeLimit: number;
}

/** Samples of the page's JS heap, for the kiosk's all-day stability (issue 13 point 7). */
export interface HeapMonitor {
  /** Latest sample, MB of used JS heap; null where the browser does not report it. */
  lastMB(): number | null;
  /** Whether the latest sample is above `limitMB`. */
  overLimit(limitMB: number): boolean;
  stop(): void;
}

/**
 * Samples `performance.memory.usedJSHeapSize` (Chromium, the kiosk browser)
 * every `intervalMs`. Sampling is cheap and never forces a garbage
 * collection; the kiosk compares the latest sample with its limit only at an
 * idle reset, so a momentary peak during use changes nothing on screen.
 */
export function startHeapMonitor(intervalMs = 10_000, perf: Performance = performance): HeapMonitor {
  const mem = () => (perf as Performance & { memory?: PerformanceMemory }).memory;
  let last: number | null = null;
  const sample = () => {
    const m = mem();
    last = m ? m.usedJSHeapSize / (1024 * 1024) : null;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    lastMB: () => last,
    overLimit: (limitMB) => {
      sample();
      return last !== null && last > limitMB;
    },
    stop: () => clearInterval(timer),
  };
}
