/** A scale bar: a round length in metres and its width on screen. */
export interface ScaleBar {
  metres: number;
  px: number;
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ m) whose bar is at most `maxPx` wide at `metresPerPixel`, so the bar
 * reads as "50 m" or "2 km" and never needs decimals.
 *
 * @example scaleBarLength(0.9, 120) // { metres: 100, px: 111.1 }
 */
export function scaleBarLength(metresPerPixel: number, maxPx = 120): ScaleBar | undefined {
  if (!(metresPerPixel > 0) || !Number.isFinite(metresPerPixel)) return undefined;
  const maxM = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= maxM) ?? pow;
  return { metres, px: metres / metresPerPixel };
}
