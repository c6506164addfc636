/**
 * Colour ramp for sun hours, shared by the heatmap and its legend:
 * dark blue (0 h) → yellow (≥ 10 h), as RGB 0–255.
 *
 * @example sunHoursColor(5) // [143, 130, 70]
 */
export function sunHoursColor(h: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, h / 10));
  return [Math.round(30 + 225 * t), Math.round(40 + 180 * t), Math.round(120 - 100 * t)];
}

/** Upper end of the ramp (hours); longer days are drawn in its colour. */
export const SUN_HOURS_RAMP_MAX = 10;
