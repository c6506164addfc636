/**
 * Phases of the kiosk's idle cycle:
 * - `active`: someone is (or was recently) using it; watching for inactivity.
 * - `countdown`: "Noch da?" overlay; any touch goes back to `active`.
 * - `reset`: the kiosk is returning to its start state (camera, layers,
 *   variant, time, cards, language; an unconfirmed comment is wiped); the
 *   app reports `resetDone` when finished.
 * - `attract`: the attract loop plays until someone touches the screen.
 */
export type IdlePhase = 'active' | 'countdown' | 'reset' | 'attract';

export interface IdleTimerState {
  phase: IdlePhase;
  /** Time of the last touch (or of the start). */
  lastTouchMs: number;
  /** When the countdown began (`lastTouchMs + idleTimeout`), in `countdown`. */
  countdownStartMs: number | null;
  /** Someone touched during `reset`: after it, go to `active`, not `attract`. */
  touchedDuringReset: boolean;
}

/** Timing from kiosk.json (`idleTimeoutS`, `countdownS`). */
export interface IdleTimerTiming {
  idleTimeoutS: number;
  countdownS: number;
}

/**
 * What happened: a touch (any pointer/key input), the passing of time (a
 * timer the app sets to {@link idleNextDeadlineMs}, or any frame), or the
 * end of the app's reset.
 */
export type IdleEvent = { type: 'touch'; atMs: number } | { type: 'tick'; atMs: number } | { type: 'resetDone'; atMs: number };

/** The kiosk as it starts: active, as if just touched at `nowMs`. */
export function idleTimerStart(nowMs: number): IdleTimerState {
  return { phase: 'active', lastTouchMs: nowMs, countdownStartMs: null, touchedDuringReset: false };
}

/**
 * The idle/countdown/reset/attract state machine, pure and driven by the
 * timestamps in its events (no timers inside, so tests need no waiting).
 * `active` → (idleTimeoutS without touch) → `countdown` → (countdownS) →
 * `reset` → (`resetDone`) → `attract` → (touch) → `active`. A touch in the
 * countdown cancels it; a touch during the reset does not stop the reset
 * (the previous visitor's data must go) but leads to `active` afterwards. A
 * late tick goes through as many phases as the elapsed time covers. Use a
 * monotonic clock (`performance.now()`); time running backwards counts as
 * no time passed.
 *
 * @example
 * let s = idleTimerStart(performance.now());
 * s = idleTimer(s, { type: 'tick', atMs: performance.now() }, config);
 * if (s.phase === 'reset') resetKiosk().then(() => (s = idleTimer(s, { type: 'resetDone', atMs: performance.now() }, config)));
 */
export function idleTimer(state: IdleTimerState, event: IdleEvent, timing: IdleTimerTiming): IdleTimerState {
  switch (event.type) {
    case 'touch':
      if (state.phase === 'reset') return state.touchedDuringReset ? state : { ...state, touchedDuringReset: true };
      return idleTimerStart(Math.max(event.atMs, state.lastTouchMs));
    case 'resetDone':
      if (state.phase !== 'reset') return state;
      return state.touchedDuringReset ? idleTimerStart(event.atMs) : { phase: 'attract', lastTouchMs: state.lastTouchMs, countdownStartMs: null, touchedDuringReset: false };
    case 'tick': {
      let s = state;
      if (s.phase === 'active' && event.atMs >= s.lastTouchMs + timing.idleTimeoutS * 1000) {
        s = { ...s, phase: 'countdown', countdownStartMs: s.lastTouchMs + timing.idleTimeoutS * 1000 };
      }
      if (s.phase === 'countdown' && event.atMs >= s.countdownStartMs! + timing.countdownS * 1000) s = { ...s, phase: 'reset', countdownStartMs: null };
      return s;
    }
  }
}

/** Whole seconds left on the countdown at `nowMs` (for the overlay), 0 outside the countdown. */
export function idleCountdownRemainingS(state: IdleTimerState, nowMs: number, timing: IdleTimerTiming): number {
  if (state.phase !== 'countdown') return 0;
  return Math.max(0, Math.ceil((state.countdownStartMs! + timing.countdownS * 1000 - nowMs) / 1000));
}

/** When the next tick changes the phase (for one `setTimeout`, no polling); null when only an event can. */
export function idleNextDeadlineMs(state: IdleTimerState, timing: IdleTimerTiming): number | null {
  if (state.phase === 'active') return state.lastTouchMs + timing.idleTimeoutS * 1000;
  if (state.phase === 'countdown') return state.countdownStartMs! + timing.countdownS * 1000;
  return null;
}
