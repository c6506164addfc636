import type { DemoBuilding, DemoDistrict, PlanArea } from './DemoDistrict';
import { densifyPlanRing, pointInRing, signedArea } from './ringMath';
import { allowedHeightAboveGround } from './zoning';
import { centroid } from './placeBuildings';

export interface PlanFinding {
  /** Building id, or the zone label for zone-wide findings. */
  subject: string;
  rule: 'storeys' | 'height' | 'baugrenze' | 'grzLot' | 'grzZone' | 'gfzZone' | 'outsideZone';
  detail: string;
}

/**
 * Checks the generated buildings against the generated plan, the way a
 * compliance analysis would, so the tests can prove that exactly the
 * documented buildings break it: storeys vs Z, height vs hMax (relative or
 * NHN), footprint inside the überbaubare Flächen, GRZ per parcel in zones
 * with open building pattern (Einzelhäuser/Hausgruppen), GRZ and GFZ per zone.
 */
export function checkPlanLimits(d: DemoDistrict): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const zones = d.planAreas.filter((a) => a.featureClass === 'BP_BaugebietsTeilFlaeche' || a.featureClass === 'BP_GemeinbedarfsFlaeche');
  const zoneRings = new Map(zones.map((z) => [z, densifyPlanRing(z.exterior)]));
  const zoneOf = (b: DemoBuilding): PlanArea | undefined => zones.find((z) => pointInRing(centroid(b.footprint), zoneRings.get(z)!));
  const windows = d.planAreas.filter((a) => a.featureClass === 'BP_UeberbaubareGrundstuecksFlaeche');
  const perZone = new Map<PlanArea, DemoBuilding[]>();
  for (const b of d.buildings) {
    const z = zoneOf(b);
    if (!z) {
      findings.push({ subject: b.id, rule: 'outsideZone', detail: 'not in any Baugebiet or Gemeinbedarfsfläche' });
      continue;
    }
    perZone.set(z, [...(perZone.get(z) ?? []), b]);
    if (z.zmax !== undefined && b.storeys > z.zmax) findings.push({ subject: b.id, rule: 'storeys', detail: `${b.storeys} storeys > Z ${z.zmax} (${z.label})` });
    if (z.height) {
      const allowed = allowedHeightAboveGround(z.height, b.groundHeightM);
      if (b.ridgeHeightM > allowed + 1e-9) findings.push({ subject: b.id, rule: 'height', detail: `${b.ridgeHeightM} m > ${allowed.toFixed(2)} m (${z.label})` });
    }
    const inWindow = (p: [number, number]) =>
      windows.some((w) => w.blockId === b.blockId && pointInRing(p, w.exterior.map((v) => v.p)) && !(w.holes ?? []).some((h) => pointInRing(p, h)));
    if (!b.footprint.every(inWindow)) findings.push({ subject: b.id, rule: 'baugrenze', detail: `footprint leaves the überbaubare Fläche (${z.label})` });
  }
  for (const [z, list] of perZone) {
    const area = Math.abs(signedArea(densifyPlanRing(z.exterior)));
    const gr = list.reduce((s, b) => s + Math.abs(signedArea(b.footprint)), 0);
    const gf = list.reduce((s, b) => s + Math.abs(signedArea(b.footprint)) * b.storeys, 0);
    if (z.grz !== undefined && gr / area > z.grz) findings.push({ subject: z.label, rule: 'grzZone', detail: `GRZ ${(gr / area).toFixed(3)} > ${z.grz}` });
    if (z.gfz !== undefined && gf / area > z.gfz) findings.push({ subject: z.label, rule: 'gfzZone', detail: `GFZ ${(gf / area).toFixed(3)} > ${z.gfz}` });
    if (z.bauweise !== '1000' || !z.bebauungsArt || z.grz === undefined) continue;
    for (const lot of d.lots.filter((l) => l.blockId === z.blockId)) {
      const on = list.filter((b) => b.lotId === lot.id);
      const grz = on.reduce((s, b) => s + Math.abs(signedArea(b.footprint)), 0) / Math.abs(signedArea(lot.ring));
      if (grz > z.grz) for (const b of on) findings.push({ subject: b.id, rule: 'grzLot', detail: `lot ${lot.id} GRZ ${grz.toFixed(3)} > ${z.grz} (${z.label})` });
    }
  }
  return findings;
}
