import type { CatalogLayer } from '../../core/model/Catalog';

/**
 * Roles whose features enclose the others: a plan's Geltungsbereich holds all its Baugebiete, a base-map block
 * holds buildings and streets, a district holds everything. A tap inside one of them means the place under the
 * finger, not the whole plan.
 */
const ENCLOSING_ROLES: ReadonlySet<CatalogLayer['role']> = new Set(['plan', 'base', 'districts']);

/** Whether features of a layer with this role enclose others (see {@link mostSpecificFeature}). */
export const isEnclosingRole = (role: CatalogLayer['role']): boolean => ENCLOSING_ROLES.has(role);

/**
 * The feature a tap or click means among all features under the pointer (front to back, as a drill pick returns
 * them): the frontmost one that does not merely enclose others, else the frontmost. Clamped ground polygons of a
 * plan area and its Baugebiete lie in one plane, so which of them the renderer puts in front is arbitrary; a
 * citizen tapping a Baugebiet wants its card, and the plan stays one link away.
 *
 * @example mostSpecificFeature([{ layerId: 'plan' }, { layerId: 'zoning' }], (id) => (id === 'plan' ? 'plan' : 'zoning')) // { layerId: 'zoning' }
 */
export function mostSpecificFeature<F extends { layerId: string }>(underPointer: readonly F[], roleOf: (layerId: string) => CatalogLayer['role']): F | undefined {
  return underPointer.find((f) => !isEnclosingRole(roleOf(f.layerId))) ?? underPointer[0];
}
