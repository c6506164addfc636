/** Wrong PINs in a row that lock the PIN pad. */
export const PIN_MAX_FAILURES = 3;
/** How long the PIN pad stays locked, ms. */
export const PIN_LOCK_MS = 60_000;

/** State of the staff PIN pad: wrong tries in a row and the end of a lock. */
export interface PinLockoutState {
  failures: number;
  /** Timestamp (same clock as the events) until which tries are refused; null when not locked. */
  lockedUntilMs: number | null;
}

/** A verified PIN try: `ok` is {@link verifyPin}'s answer. */
export interface PinAttempt {
  ok: boolean;
  atMs: number;
}

/** The PIN pad at start: unlocked, no wrong tries. */
export const PIN_LOCKOUT_START: PinLockoutState = { failures: 0, lockedUntilMs: null };

/**
 * The staff PIN lockout as a pure state machine: three wrong tries in a row
 * lock the pad for 60 s; a right PIN resets the count; when a lock has run
 * out, the count starts again at zero. A try while locked is refused and
 * changes nothing (the kiosk should not even verify it: check
 * {@link pinLockRemainingMs} first). Time comes in with each event, no
 * timers, so it is tested without waiting; use a monotonic clock
 * (`performance.now()`) so a clock change cannot unlock it.
 *
 * @example
 * if (pinLockRemainingMs(s, now) > 0) showLocked();
 * else s = pinLockout(s, { ok: await verifyPin(pin, config.staffPin), atMs: now });
 */
export function pinLockout(state: PinLockoutState, attempt: PinAttempt): PinLockoutState {
  if (pinLockRemainingMs(state, attempt.atMs) > 0) return state;
  if (attempt.ok) return PIN_LOCKOUT_START;
  const failures = (state.lockedUntilMs !== null ? 0 : state.failures) + 1;
  return failures >= PIN_MAX_FAILURES ? { failures, lockedUntilMs: attempt.atMs + PIN_LOCK_MS } : { failures, lockedUntilMs: null };
}

/** Milliseconds the pad stays locked at `nowMs` (0 when a try is allowed). */
export function pinLockRemainingMs(state: PinLockoutState, nowMs: number): number {
  return state.lockedUntilMs === null ? 0 : Math.max(0, state.lockedUntilMs - nowMs);
}
