import type { HeightLimit, PlanAreaClass } from './DemoDistrict';

/** What the plan fixes for a block (or part of one): one BP_BaugebietsTeilFlaeche or BP_GemeinbedarfsFlaeche. */
export interface ZoneSpec {
  label: string;
  featureClass: Extract<PlanAreaClass, 'BP_BaugebietsTeilFlaeche' | 'BP_GemeinbedarfsFlaeche'>;
  allgArt?: string;
  besondereArt?: string;
  grz: number;
  gfz?: number;
  zmax: number;
  height: HeightLimit;
  bauweise?: string;
  bebauungsArt?: string;
  zweckbestimmung?: string[];
}

const rel = (hMax: number, bezugspunkt: HeightLimit['bezugspunkt'] = '6000'): HeightLimit => ({ hMax, hoehenbezug: '2000', bezugspunkt });

/**
 * The plan's limits per block id. Codes: besondereArtDerBaulNutzung 1200 WA,
 * 1500 MI, 1550 MU, 1700 GE; allgArtDerBaulNutzung 1000 W, 2000 M, 3000 G;
 * bauweise 1000 offen, 2000 geschlossen, 3000 abweichend; bebauungsArt 1000
 * nur Einzelhäuser, 3000 nur Hausgruppen.
 */
export const ZONES: Record<string, ZoneSpec> = {
  A1: { label: 'MU 1', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '2000', besondereArt: '1550', grz: 0.6, gfz: 2.6, zmax: 6, height: rel(22), bauweise: '2000' },
  B1: { label: 'GE 1', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '3000', besondereArt: '1700', grz: 0.6, gfz: 1.2, zmax: 4, height: rel(16), bauweise: '3000' },
  C1: { label: 'MU 2', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '2000', besondereArt: '1550', grz: 0.6, gfz: 2.8, zmax: 6, height: rel(22), bauweise: '1000' },
  /** The tower's corner of block C1: an absolute height in m NHN. */
  C1T: { label: 'MU 3', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '2000', besondereArt: '1550', grz: 0.6, gfz: 6.0, zmax: 16, height: { hMax: 60, hoehenbezug: '1000', bezugspunkt: '6600' }, bauweise: '1000' },
  A2: { label: 'WA 1', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.5, gfz: 2.0, zmax: 5, height: rel(18.5), bauweise: '2000' },
  B2: { label: 'Schule', featureClass: 'BP_GemeinbedarfsFlaeche', grz: 0.5, gfz: 1.5, zmax: 4, height: rel(17), zweckbestimmung: ['1200'] },
  C2: { label: 'MI 1', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '2000', besondereArt: '1500', grz: 0.6, gfz: 2.4, zmax: 5, height: rel(19), bauweise: '2000' },
  D2: { label: 'WA 2', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.3, gfz: 0.6, zmax: 2, height: rel(11, '2000'), bauweise: '1000', bebauungsArt: '1000' },
  A3: { label: 'WA 3', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.4, gfz: 0.8, zmax: 2, height: rel(11.5, '2000'), bauweise: '1000', bebauungsArt: '3000' },
  B3: { label: 'WA 4', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.4, gfz: 0.8, zmax: 2, height: rel(11.5, '2000'), bauweise: '1000', bebauungsArt: '3000' },
  C3: { label: 'WA 5', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.2, gfz: 0.4, zmax: 2, height: rel(11, '2000'), bauweise: '1000', bebauungsArt: '1000' },
  D3: { label: 'WA 6', featureClass: 'BP_BaugebietsTeilFlaeche', allgArt: '1000', besondereArt: '1200', grz: 0.5, gfz: 1.8, zmax: 4, height: rel(15), bauweise: '2000' },
};

/** Side of the square in the south-east corner of block C1 that forms zone MU 3 (the tower). */
export const TOWER_ZONE_SIZE = 40;

/** Maximum height above the building's own ground that a limit allows. */
export function allowedHeightAboveGround(limit: HeightLimit, groundHeightM: number): number {
  return limit.hoehenbezug === '1000' ? limit.hMax - groundHeightM : limit.hMax;
}
