/**
 * Colour ramp for sun hours, shared by the heatmap and its legend:
 * dark blue (0 h) → yellow (≥ `maxH`, by default 10 h), as RGB 0–255.
 *
 * @example sunHoursColor(5) // [143, 130, 70]
 */
export function sunHoursColor(h: number, maxH = SUN_HOURS_RAMP_MAX): [number, number, number] {
  const t = Math.max(0, Math.min(1, h / maxH));
  return [Math.round(30 + 225 * t), Math.round(40 + 180 * t), Math.round(120 - 100 * t)];
}

/** Default upper end of the ramp (hours). */
export const SUN_HOURS_RAMP_MAX = 10;

/**
 * Upper end of the ramp for a day with `dayHours` of sun above the horizon:
 * the day length rounded up to an even number of hours (at least 2), so that a
 * June day (16 h) does not paint everything in the top colour.
 *
 * @example sunHoursRampMax(15.5) // 16
 */
export function sunHoursRampMax(dayHours: number): number {
  return Math.max(2, Math.ceil(dayHours / 2) * 2);
}
