import type { ZoneDelta } from './compareVariants';

/** Sun on one group of zones (a layer: playgrounds, green spaces…) before and after. */
export interface SunGroupSummary {
  group: string;
  /** Zones with ground in the grid. */
  zones: number;
  /** Mean sun hours over the group's ground, weighted by area (null: no ground on that side). */
  meanBefore: number | null;
  meanAfter: number | null;
  /** Share of the group's ground with ≥ 2 h of sun. */
  share2hBefore: number | null;
  share2hAfter: number | null;
}

/**
 * Per-zone sun changes summed up per group: area-weighted mean sun hours and
 * the share of ground with at least 2 h, each side over its own ground (a new
 * building on a green space takes that ground out of the after side).
 *
 * @example sunGroupSummary(c.sun.zones) // [{ group: 'playgrounds', meanBefore: 6.1, meanAfter: 5.4, … }]
 */
export function sunGroupSummary(zones: readonly ZoneDelta[]): SunGroupSummary[] {
  const acc = new Map<string, { n: number; aB: number; aA: number; mB: number; mA: number; sB: number; sA: number }>();
  for (const z of zones) {
    if (!z.groundAreaM2Before && !z.groundAreaM2After) continue;
    const g = acc.get(z.group) ?? { n: 0, aB: 0, aA: 0, mB: 0, mA: 0, sB: 0, sA: 0 };
    g.n++;
    if (z.meanSunHoursBefore !== null && z.groundAreaM2Before > 0) {
      g.aB += z.groundAreaM2Before;
      g.mB += z.meanSunHoursBefore * z.groundAreaM2Before;
      g.sB += (z.shareAtLeast2hBefore ?? 0) * z.groundAreaM2Before;
    }
    if (z.meanSunHoursAfter !== null && z.groundAreaM2After > 0) {
      g.aA += z.groundAreaM2After;
      g.mA += z.meanSunHoursAfter * z.groundAreaM2After;
      g.sA += (z.shareAtLeast2hAfter ?? 0) * z.groundAreaM2After;
    }
    acc.set(z.group, g);
  }
  return [...acc].map(([group, g]) => ({
    group,
    zones: g.n,
    meanBefore: g.aB ? g.mB / g.aB : null,
    meanAfter: g.aA ? g.mA / g.aA : null,
    share2hBefore: g.aB ? g.sB / g.aB : null,
    share2hAfter: g.aA ? g.sA / g.aA : null,
  }));
}
