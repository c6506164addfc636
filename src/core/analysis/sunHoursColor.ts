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

/** Threshold map colours (RGB): cells with enough sun in the ramp's sunny yellow, the others in its dark blue (colour-blind safe). */
export const THRESHOLD_PASS_RGB: readonly [number, number, number] = [250, 205, 30];
export const THRESHOLD_FAIL_RGB: readonly [number, number, number] = [45, 55, 135];

/**
 * Colour of a cell in the threshold map: whether `h` reaches `thresholdHours` (with the same 1e-6 tolerance as the
 * statistics, so map and shares agree).
 *
 * @example thresholdColor(1.5, 1.5) // THRESHOLD_PASS_RGB
 */
export function thresholdColor(h: number, thresholdHours: number): readonly [number, number, number] {
  return h >= thresholdHours - 1e-6 ? THRESHOLD_PASS_RGB : THRESHOLD_FAIL_RGB;
}
