import { describe, expect, it } from 'vitest';
import { PIN_LOCKOUT_START, pinLockout, pinLockRemainingMs, type PinLockoutState } from '../../../src/core/kiosk/pinLockout';

const t0 = 1_000_000;

describe('pinLockout', () => {
  it('locks for 60 s after three wrong tries in a row, then counts afresh', () => {
    let s: PinLockoutState = PIN_LOCKOUT_START;
    s = pinLockout(s, { ok: false, atMs: t0 });
    s = pinLockout(s, { ok: false, atMs: t0 + 1000 });
    expect(s).toEqual({ failures: 2, lockedUntilMs: null });
    expect(pinLockRemainingMs(s, t0 + 1000)).toBe(0);
    s = pinLockout(s, { ok: false, atMs: t0 + 2000 });
    expect(s).toEqual({ failures: 3, lockedUntilMs: t0 + 62_000 });
    expect(pinLockRemainingMs(s, t0 + 2000)).toBe(60_000);
    expect(pinLockRemainingMs(s, t0 + 61_999)).toBe(1);
    // While locked even the right PIN is refused and nothing changes.
    expect(pinLockout(s, { ok: true, atMs: t0 + 30_000 })).toBe(s);
    expect(pinLockout(s, { ok: false, atMs: t0 + 61_999 })).toBe(s);
    // After the lock: one wrong try is one failure, not a new lock.
    expect(pinLockRemainingMs(s, t0 + 62_000)).toBe(0);
    const after = pinLockout(s, { ok: false, atMs: t0 + 62_000 });
    expect(after).toEqual({ failures: 1, lockedUntilMs: null });
    expect(pinLockout(s, { ok: true, atMs: t0 + 62_000 })).toEqual(PIN_LOCKOUT_START);
  });

  it('a right PIN resets the count', () => {
    let s = pinLockout(PIN_LOCKOUT_START, { ok: false, atMs: t0 });
    s = pinLockout(s, { ok: false, atMs: t0 + 1 });
    s = pinLockout(s, { ok: true, atMs: t0 + 2 });
    expect(s).toEqual(PIN_LOCKOUT_START);
    s = pinLockout(s, { ok: false, atMs: t0 + 3 });
    expect(s.lockedUntilMs).toBeNull();
  });
});
