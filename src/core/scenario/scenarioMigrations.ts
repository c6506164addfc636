import { SCENARIO_SCHEMA_VERSION } from '../model/Scenario';

/**
 * One step of the scenario file history (tldraw-style: an ordered list, each
 * step lifts a document by exactly one version; never edit a released step,
 * append a new one).
 */
export interface ScenarioMigration {
  from: number;
  to: number;
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/**
 * v1 (first draft format) stored `eaveHeightM`/`ridgeHeightM`, a flat
 * `roofType` string and `demolished`; v2 stores storey height and a roof object
 * so that the UI can edit storeys and roof independently.
 */
const v1ToV2: ScenarioMigration = {
  from: 1,
  to: 2,
  description: 'heights as storeys × storey height + roof object; demolished → demolishedIds; updatedAt',
  up(doc) {
    return {
      ...doc,
      schemaVersion: 2,
      updatedAt: doc.updatedAt ?? doc.createdAt,
      variants: asArray(doc.variants).map((v0) => {
        const v = asObj(v0);
        const { demolished, ...rest } = v;
        return {
          ...rest,
          notes: v.notes ?? '',
          demolishedIds: v.demolishedIds ?? demolished ?? [],
          buildings: asArray(v.buildings).map((b0) => {
            const b = asObj(b0);
            const { eaveHeightM, ridgeHeightM, roofType, ridgeAzimuthDeg, ...keep } = b;
            const storeys = b.storeys;
            const eave = eaveHeightM;
            const storeyHeightM = typeof eave === 'number' && typeof storeys === 'number' && storeys > 0 ? eave / storeys : undefined;
            const roofHeightM = roofType === 'flat' ? 0 : typeof ridgeHeightM === 'number' && typeof eave === 'number' ? ridgeHeightM - eave : undefined;
            return { ...keep, storeyHeightM, roof: { type: roofType, roofHeightM, ridgeAzimuthDeg: ridgeAzimuthDeg ?? 0 } };
          }),
        };
      }),
    };
  },
};

/** All steps, ordered by `from`. */
export const SCENARIO_MIGRATIONS: readonly ScenarioMigration[] = [v1ToV2];

/** Thrown for documents that cannot be brought to the current version. */
export class ScenarioVersionError extends Error {}

/**
 * Applies the migrations from the document's `schemaVersion` up to
 * `target` in order. Throws {@link ScenarioVersionError} for missing,
 * non-integer, unknown or newer versions.
 *
 * @example
 * migrateScenario({ schemaVersion: 1, ... }).schemaVersion // → 2
 */
export function migrateScenario(
  doc: Record<string, unknown>,
  migrations: readonly ScenarioMigration[] = SCENARIO_MIGRATIONS,
  target = SCENARIO_SCHEMA_VERSION,
): Record<string, unknown> {
  const v = doc.schemaVersion;
  if (v === undefined) throw new ScenarioVersionError('missing "schemaVersion"; this is not a Planlotse scenario file');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ScenarioVersionError(`invalid "schemaVersion" ${JSON.stringify(v)} (expected a whole number ≥ 1)`);
  if (v > target) throw new ScenarioVersionError(`schemaVersion ${v} is newer than this Planlotse supports (${target}); update Planlotse to open it`);
  let out = doc;
  for (let cur = v; cur < target; ) {
    const step = migrations.find((m) => m.from === cur);
    if (!step) throw new ScenarioVersionError(`no migration from schemaVersion ${cur}`);
    if (step.to !== cur + 1) throw new ScenarioVersionError(`migration from ${cur} must go to ${cur + 1}, not ${step.to}`);
    out = step.up(out);
    if (out.schemaVersion !== step.to) out = { ...out, schemaVersion: step.to };
    cur = step.to;
  }
  return out;
}
