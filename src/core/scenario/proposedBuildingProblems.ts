import { footprintProblems } from './footprintProblems';
import { BUILDING_USES, ROOF_TYPES, type ProposedBuilding } from '../model/Scenario';
import { LIMITS } from './validateScenario';

/**
 * What is wrong with one proposed building (empty when it can be saved).
 * The store calls it before every edit so that an invalid edit (a vertex
 * dragged across an edge, 0 storeys) is refused instead of saved.
 */
export function proposedBuildingProblems(b: ProposedBuilding): string[] {
  const out = footprintProblems(b.footprint);
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isFinite(v) && v >= lo && v <= hi;
  if (!within(b.storeys, LIMITS.storeys) || !Number.isInteger(b.storeys)) out.push(`storeys must be a whole number in ${LIMITS.storeys.join('–')}`);
  if (!within(b.storeyHeightM, LIMITS.storeyHeightM)) out.push(`storey height must be in ${LIMITS.storeyHeightM.join('–')} m`);
  if (!ROOF_TYPES.includes(b.roof.type)) out.push(`unknown roof type ${b.roof.type}`);
  if (!within(b.roof.roofHeightM, LIMITS.roofHeightM)) out.push(`roof height must be in ${LIMITS.roofHeightM.join('–')} m`);
  if (!Number.isFinite(b.roof.ridgeAzimuthDeg)) out.push('ridge direction must be a number of degrees');
  if (!BUILDING_USES.includes(b.use)) out.push(`unknown use ${b.use}`);
  return out;
}
