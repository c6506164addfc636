import { SCENARIO_FILE_KIND, SCENARIO_SCHEMA_VERSION, type ProposedBuilding, type Scenario, type Variant } from '../model/Scenario';

/**
 * Pure, immutable edits of a scenario document. Each returns a new object and
 * shares unchanged parts, so the store can keep hundreds of undo snapshots
 * cheaply. Unknown ids are programmer errors and throw.
 */

let counter = 0;
/** Short unique id (no crypto.randomUUID: it is missing on plain-http kiosk hosts). */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1e6;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function createScenario(name: string, now: string, datasetId?: string): Scenario {
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    kind: SCENARIO_FILE_KIND,
    id: newId('scn'),
    name,
    ...(datasetId ? { datasetId } : {}),
    createdAt: now,
    updatedAt: now,
    variants: [{ id: newId('var'), name: 'Variante A', notes: '', buildings: [], demolishedIds: [] }],
  };
}

function touch(s: Scenario, variants: Variant[], now: string): Scenario {
  return { ...s, variants, updatedAt: now };
}

function mapVariant(s: Scenario, variantId: string, f: (v: Variant) => Variant, now: string): Scenario {
  if (!s.variants.some((v) => v.id === variantId)) throw new Error(`scenario ${s.id}: no variant ${variantId}`);
  return touch(s, s.variants.map((v) => (v.id === variantId ? f(v) : v)), now);
}

export function addVariant(s: Scenario, name: string, now: string, id = newId('var')): [Scenario, string] {
  return [touch(s, [...s.variants, { id, name, notes: '', buildings: [], demolishedIds: [] }], now), id];
}

/** Copies a variant (buildings get new ids so both can be edited independently). */
export function duplicateVariant(s: Scenario, variantId: string, name: string, now: string, id = newId('var')): [Scenario, string] {
  const src = s.variants.find((v) => v.id === variantId);
  if (!src) throw new Error(`scenario ${s.id}: no variant ${variantId}`);
  const copy: Variant = { ...src, id, name, buildings: src.buildings.map((b) => ({ ...b, id: newId('bld') })), demolishedIds: [...src.demolishedIds] };
  const at = s.variants.indexOf(src) + 1;
  return [touch(s, [...s.variants.slice(0, at), copy, ...s.variants.slice(at)], now), id];
}

export function renameVariant(s: Scenario, variantId: string, name: string, now: string): Scenario {
  return mapVariant(s, variantId, (v) => ({ ...v, name }), now);
}

export function setVariantNotes(s: Scenario, variantId: string, notes: string, now: string): Scenario {
  return mapVariant(s, variantId, (v) => ({ ...v, notes }), now);
}

export function deleteVariant(s: Scenario, variantId: string, now: string): Scenario {
  if (!s.variants.some((v) => v.id === variantId)) throw new Error(`scenario ${s.id}: no variant ${variantId}`);
  return touch(s, s.variants.filter((v) => v.id !== variantId), now);
}

export function addBuilding(s: Scenario, variantId: string, b: ProposedBuilding, now: string): Scenario {
  return mapVariant(s, variantId, (v) => ({ ...v, buildings: [...v.buildings, b] }), now);
}

/** Replaces a building (by its id) with `next(old)`. */
export function updateBuilding(s: Scenario, variantId: string, buildingId: string, next: (b: ProposedBuilding) => ProposedBuilding, now: string): Scenario {
  return mapVariant(
    s,
    variantId,
    (v) => {
      if (!v.buildings.some((b) => b.id === buildingId)) throw new Error(`variant ${variantId}: no building ${buildingId}`);
      return { ...v, buildings: v.buildings.map((b) => (b.id === buildingId ? { ...next(b), id: buildingId } : b)) };
    },
    now,
  );
}

export function deleteBuilding(s: Scenario, variantId: string, buildingId: string, now: string): Scenario {
  return mapVariant(s, variantId, (v) => ({ ...v, buildings: v.buildings.filter((b) => b.id !== buildingId) }), now);
}

/** Marks existing city-model buildings demolished (idempotent). */
export function demolishBuildings(s: Scenario, variantId: string, ids: readonly string[], now: string): Scenario {
  return mapVariant(s, variantId, (v) => ({ ...v, demolishedIds: [...new Set([...v.demolishedIds, ...ids])] }), now);
}

export function restoreBuildings(s: Scenario, variantId: string, ids: readonly string[], now: string): Scenario {
  const drop = new Set(ids);
  return mapVariant(s, variantId, (v) => ({ ...v, demolishedIds: v.demolishedIds.filter((id) => !drop.has(id)) }), now);
}
