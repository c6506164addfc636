import type { OverlapGroup } from './computeOverlaps';

/** Properties that name a feature's category, most specific first (planning, ALKIS, protection areas, buildings). */
const CATEGORY_KEYS = ['gliederung1', 'landUse', 'nutzung', 'art', 'kind', 'function', 'featureClass'];

/**
 * The property to group a polygon layer's overlaps by: the first of the known
 * category keys that most features carry (≥ half), else undefined (one group).
 *
 * @example overlapGroupProperty(baugebiete.features) // 'gliederung1' ("WA 1", "MU 1", …)
 */
export function overlapGroupProperty(features: GeoJSON.Feature[]): string | undefined {
  if (!features.length) return undefined;
  for (const k of CATEGORY_KEYS) {
    let n = 0;
    for (const f of features) {
      const v = (f.properties as Record<string, unknown> | null)?.[k];
      if (typeof v === 'string' || typeof v === 'number') n++;
    }
    if (n * 2 >= features.length) return k;
  }
  return undefined;
}

/** An overlap group with the share it takes of each side's group area. */
export interface OverlapGroupShare extends OverlapGroup {
  /** Overlap ÷ total area of the A features in `aGroup`. */
  shareOfA: number;
  shareOfB: number;
}

/**
 * Shares of each category pair: the overlap area divided by the total area of
 * the A (and B) features of that category.
 *
 * @example groupShares(r.groups, new Map([['WA', 1000]]), new Map([['', 500]]))
 */
export function groupShares(groups: OverlapGroup[], aAreaByGroup: Map<string, number>, bAreaByGroup: Map<string, number>): OverlapGroupShare[] {
  return groups.map((g) => {
    const a = aAreaByGroup.get(g.aGroup) ?? 0, b = bAreaByGroup.get(g.bGroup) ?? 0;
    return { ...g, shareOfA: a > 0 ? g.areaM2 / a : 0, shareOfB: b > 0 ? g.areaM2 / b : 0 };
  });
}

/** Sums item areas per group. */
export function areaByGroup(items: { group: string; areaM2: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(it.group, (m.get(it.group) ?? 0) + it.areaM2);
  return m;
}
