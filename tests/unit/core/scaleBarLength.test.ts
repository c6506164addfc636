import { describe, expect, it } from 'vitest';
import { scaleBarLength } from '../../../src/core/measure/scaleBarLength';

describe('scaleBarLength', () => {
  it('takes the longest 1/2/5 × 10ⁿ m that fits, and its width in px (hand-computed)', () => {
    expect(scaleBarLength(0.9, 120)).toEqual({ metres: 100, px: 100 / 0.9 }); // 108 m fit → 100 m
    expect(scaleBarLength(2.1, 120)).toEqual({ metres: 200, px: 200 / 2.1 }); // 252 m fit → 200 m
    expect(scaleBarLength(5, 120)).toEqual({ metres: 500, px: 100 }); // 600 m fit → 500 m
    expect(scaleBarLength(9, 120)).toEqual({ metres: 1000, px: 1000 / 9 }); // 1080 m fit → 1 km
    expect(scaleBarLength(0.004, 120)!.metres).toBeCloseTo(0.2, 12); // 0.48 m fit → 0.2 m
  });
  it('no bar without a ground scale', () => {
    expect(scaleBarLength(0)).toBeUndefined();
    expect(scaleBarLength(Number.NaN)).toBeUndefined();
    expect(scaleBarLength(Infinity)).toBeUndefined();
  });
});
