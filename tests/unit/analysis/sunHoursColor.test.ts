import { describe, expect, it } from 'vitest';
import { sunHoursColor, sunHoursRampMax } from '../../../src/core/analysis';

describe('sun-hours ramp', () => {
  it('runs from dark blue to yellow and clamps at its top', () => {
    expect(sunHoursColor(0)).toEqual([30, 40, 120]);
    expect(sunHoursColor(10)).toEqual([255, 220, 20]);
    expect(sunHoursColor(25)).toEqual(sunHoursColor(10));
    expect(sunHoursColor(8, 16)).toEqual(sunHoursColor(5));
  });
  it('spans the day length rounded up to even hours', () => {
    expect(sunHoursRampMax(16.9)).toBe(18);
    expect(sunHoursRampMax(12)).toBe(12);
    expect(sunHoursRampMax(7.5)).toBe(8);
    expect(sunHoursRampMax(0)).toBe(2);
  });
});
