import { describe, expect, it } from 'vitest';
import { idleCountdownRemainingS, idleNextDeadlineMs, idleTimer, idleTimerStart, type IdleEvent, type IdleTimerState } from '../../../src/core/kiosk/idleTimer';

const timing = { idleTimeoutS: 90, countdownS: 15 };
const run = (s: IdleTimerState, ...events: IdleEvent[]) => events.reduce((a, e) => idleTimer(a, e, timing), s);

describe('idleTimer', () => {
  it('goes active → countdown → reset → attract → active', () => {
    let s = idleTimerStart(0);
    expect(idleNextDeadlineMs(s, timing)).toBe(90_000);
    s = run(s, { type: 'tick', atMs: 89_999 });
    expect(s.phase).toBe('active');
    s = run(s, { type: 'tick', atMs: 90_000 });
    expect(s).toMatchObject({ phase: 'countdown', countdownStartMs: 90_000 });
    expect(idleCountdownRemainingS(s, 90_000, timing)).toBe(15);
    expect(idleCountdownRemainingS(s, 100_500, timing)).toBe(5); // 4.5 s shown as 5
    expect(idleNextDeadlineMs(s, timing)).toBe(105_000);
    s = run(s, { type: 'tick', atMs: 105_000 });
    expect(s.phase).toBe('reset');
    expect(idleNextDeadlineMs(s, timing)).toBeNull();
    s = run(s, { type: 'tick', atMs: 200_000 });
    expect(s.phase).toBe('reset'); // waits for the app to finish the reset
    s = run(s, { type: 'resetDone', atMs: 200_100 });
    expect(s.phase).toBe('attract');
    s = run(s, { type: 'tick', atMs: 999_000 });
    expect(s.phase).toBe('attract');
    s = run(s, { type: 'touch', atMs: 999_500 });
    expect(s).toEqual(idleTimerStart(999_500));
  });

  it('any touch cancels the countdown and restarts the idle time', () => {
    let s = run(idleTimerStart(0), { type: 'touch', atMs: 50_000 }, { type: 'tick', atMs: 139_000 });
    expect(s.phase).toBe('active'); // the touch at 50 s moved the deadline to 140 s
    s = run(s, { type: 'tick', atMs: 140_000 }, { type: 'touch', atMs: 150_000 });
    expect(s).toEqual(idleTimerStart(150_000));
    expect(run(s, { type: 'tick', atMs: 239_999 }).phase).toBe('active');
  });

  it('a late tick passes through every phase its time covers', () => {
    const s = run(idleTimerStart(0), { type: 'tick', atMs: 3_600_000 });
    expect(s.phase).toBe('reset');
    expect(run(idleTimerStart(0), { type: 'tick', atMs: 100_000 })).toMatchObject({ phase: 'countdown', countdownStartMs: 90_000 });
  });

  it('a touch during the reset does not stop it but skips the attract loop', () => {
    let s = run(idleTimerStart(0), { type: 'tick', atMs: 105_000 }, { type: 'touch', atMs: 105_010 });
    expect(s).toMatchObject({ phase: 'reset', touchedDuringReset: true });
    s = run(s, { type: 'resetDone', atMs: 105_200 });
    expect(s).toEqual(idleTimerStart(105_200));
    // resetDone outside a reset is ignored
    expect(run(s, { type: 'resetDone', atMs: 105_300 })).toBe(s);
  });

  it('treats a clock running backwards as no time passed', () => {
    const s = run(idleTimerStart(10_000), { type: 'touch', atMs: 5_000 }, { type: 'tick', atMs: 95_000 });
    expect(s).toMatchObject({ phase: 'active', lastTouchMs: 10_000 });
  });
});
