/** First wait after a failed sync try, ms. */
export const SYNC_FIRST_DELAY_MS = 5_000;
/** Longest wait between two tries, ms (a kiosk offline all day tries again every quarter hour). */
export const SYNC_MAX_DELAY_MS = 15 * 60_000;

/**
 * Exponential backoff of the feedback sync: the wait after the `attempts`-th
 * failed try of one pin, 5 s, 10 s, 20 s, … doubling up to 15 min.
 * Deterministic (no jitter): one kiosk sends a few pins, it cannot stampede a server.
 *
 * @example feedbackSyncDelayMs(1) // 5000
 * @example feedbackSyncDelayMs(3) // 20000
 */
export function feedbackSyncDelayMs(attempts: number): number {
  if (!(attempts >= 1)) return 0;
  return Math.min(SYNC_MAX_DELAY_MS, SYNC_FIRST_DELAY_MS * 2 ** Math.min(30, attempts - 1));
}
