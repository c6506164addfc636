import type { AreaCompliance, RuleStatus } from '../computeCompliance';

/** One Baugebiet's traffic light and the rows behind it. */
export interface BaugebietLight {
  id: string;
  label: string;
  landUse: string;
  /** exceeded: some rule of the zone or of one of its parcels is exceeded; ok: none exceeded and at least one rule checked; unknown: the plan sets no checkable limit. */
  light: RuleStatus;
  area: AreaCompliance | undefined;
  /** Parcel rows of this Baugebiet that exceed a rule (none in closed-pattern zones). */
  parcels: AreaCompliance[];
}

/**
 * Traffic lights per Baugebiet from compliance rows (zone rows and parcel rows).
 * In closed-pattern zones (`closedZones`) parcel rows are left out: perimeter-block
 * corner lots are densely built by design, so GRZ/GFZ count for the zone as a whole,
 * and the per-building rules (storeys, height, Baugrenze) are already on the zone row.
 *
 * @example baugebietLights(result.areas, result.labels, result.closedZones).filter((b) => b.light === 'exceeded')
 */
export function baugebietLights(areas: AreaCompliance[], labels: Record<string, string> = {}, closedZones: string[] = []): BaugebietLight[] {
  const byId = new Map<string, BaugebietLight>();
  const closed = new Set(closedZones);
  for (const a of areas) {
    if (a.kind === 'parcel' && closed.has(a.baugebietId)) continue;
    let l = byId.get(a.baugebietId);
    if (!l) byId.set(a.baugebietId, (l = { id: a.baugebietId, label: labels[a.baugebietId] ?? a.landUse ?? a.baugebietId, landUse: a.landUse, light: 'unknown', area: undefined, parcels: [] }));
    if (a.kind === 'baugebiet') l.area = a;
    const exceeded = a.rules.some((r) => r.status === 'exceeded');
    if (a.kind === 'parcel' && exceeded) l.parcels.push(a);
    if (exceeded) l.light = 'exceeded';
    else if (l.light === 'unknown' && a.kind === 'baugebiet' && a.rules.some((r) => r.status === 'ok')) l.light = 'ok';
  }
  return [...byId.values()].sort((x, y) => x.label.localeCompare(y.label, 'de', { numeric: true }));
}
