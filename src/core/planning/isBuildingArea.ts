import type { Feature } from 'geojson';
import type { PlanningProperties } from '../model/PlanningProperties';

const BAUGEBIET = /^BP_BaugebietsTeilFlaeche$/i;
// Areas that are no Baugebiet but may set the Maß der baulichen Nutzung for what is built on them (a Gemeinbedarfs-
// fläche with GRZ 0.4 for a Kita in Rotherbaum27, a Fläche für besonderen Nutzungszweck with GRZ 1 and II storeys in
// HafenCity7): they count when they set at least one measure; without one there is nothing to check.
const MEASURED_CLASSES = /^BP_(BesondererNutzungszweckFlaeche|GemeinbedarfsFlaeche|SpielSportanlagenFlaeche|VerEntsorgung)$/i;
const MEASURES = ['grz', 'gfz', 'grM2', 'gfM2', 'maxStoreys', 'maxHeightM', 'maxHeightNhnM'] as const;

/** Whether a plan area sets at least one measure of building use (GRZ, GFZ, GR, GF, storeys, a height). */
export function setsBuildingMeasure(p: PlanningProperties): boolean {
  return MEASURES.some((k) => typeof p[k] === 'number' && Number.isFinite(p[k]));
}

/**
 * Whether a plan feature is an area on which building is governed by the plan's measures, as plan compliance and
 * the Baugebiete role understand it: every Baugebiet (BP_BaugebietsTeilFlaeche); a special-purpose, Gemeinbedarf,
 * sports or utility area that sets a measure; and an unclassified polygon (a plan from a vector file) with a land
 * use or a measure.
 *
 * @example isBuildingArea({ type: 'Feature', geometry: square, properties: { featureClass: 'BP_GemeinbedarfsFlaeche', grz: 0.4 } }) // true
 */
export function isBuildingArea(f: Feature): boolean {
  const p = (f.properties ?? {}) as PlanningProperties;
  if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') return false;
  if (BAUGEBIET.test(p.featureClass ?? '')) return true;
  if (MEASURED_CLASSES.test(p.featureClass ?? '')) return setsBuildingMeasure(p);
  return !p.featureClass && (p.landUse !== undefined || setsBuildingMeasure(p));
}
