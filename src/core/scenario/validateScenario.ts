import { calendarDateProblem, dateTimeProblem } from '../time/calendarDate';
import { distanceM, fmtM, footprintProblems, orientFootprintCcw } from './footprintProblems';
import {
  BUILDING_USES,
  ROOF_TYPES,
  SCENARIO_FILE_KIND,
  SCENARIO_SCHEMA_VERSION,
  type BuildingUse,
  type ProposedBuilding,
  type RoofType,
  type Scenario,
  type Variant,
} from '../model/Scenario';

/** Plausible ranges; values outside are typos or junk, not designs. */
export const LIMITS = {
  storeys: [1, 100],
  storeyHeightM: [2, 10],
  roofHeightM: [0, 40],
  groundHeightM: [-500, 9000],
  textLength: 200,
  notesLength: 100_000,
  variants: 200,
  buildingsPerVariant: 5000,
  /**
   * Farthest a proposed building may stand from the dataset's home (or, when
   * no dataset is given, from the scenario's first building), metres.
   */
  maxDistanceFromDatasetM: 20_000,
  /** Years accepted in createdAt / updatedAt. */
  years: [1970, 2200],
} as const;

/** What a scenario is checked against besides itself. */
export interface ScenarioContext {
  /** The dataset's home `[lon, lat]` (catalog `home`): buildings farther than {@link LIMITS}.maxDistanceFromDatasetM are refused. */
  around?: readonly [number, number];
}

/** Problem of a createdAt/updatedAt value: a date or an ISO 8601 date-time whose calendar parts exist. */
function timestampProblem(v: unknown): string | null {
  if (!isStr(v, 40)) return 'missing or not a string';
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarDateProblem(v, LIMITS.years) : dateTimeProblem(v, { zone: 'optional', years: LIMITS.years });
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number = LIMITS.textLength): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => isStr(v) && (v as string).length > 0;
const inRange = (v: unknown, [lo, hi]: readonly [number, number]): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/**
 * Checks a current-version scenario object field by field and returns a
 * normalised copy (footprints counter-clockwise, azimuths in [0, 360)) or every
 * problem found, each naming the file, the variant, the building and the field.
 *
 * @example
 * const r = validateScenario(JSON.parse(text), 'plan.json');
 * if (!r.ok) showErrors(r.errors);
 */
export function validateScenario(doc: unknown, fileName = 'scenario', context: ScenarioContext = {}): ValidationResult {
  const errors: string[] = [];
  const err = (where: string, problem: string) => {
    if (errors.length < 50) errors.push(`${fileName}: ${where}${where ? ': ' : ''}${problem}`);
  };
  if (!isObj(doc)) return { ok: false, errors: [`${fileName}: not a scenario object`] };
  if (doc.kind !== SCENARIO_FILE_KIND) err('', `"kind" must be "${SCENARIO_FILE_KIND}"`);
  if (doc.schemaVersion !== SCENARIO_SCHEMA_VERSION) err('', `"schemaVersion" must be ${SCENARIO_SCHEMA_VERSION} after migration, got ${JSON.stringify(doc.schemaVersion)}`);
  if (!isId(doc.id)) err('', 'missing or invalid "id" (non-empty string)');
  if (!isStr(doc.name)) err('', 'missing or invalid "name" (string)');
  if (doc.datasetId !== undefined && !isStr(doc.datasetId)) err('', '"datasetId" must be a string');
  for (const k of ['createdAt', 'updatedAt'] as const) {
    const p = timestampProblem(doc[k]);
    if (p) err('', `missing or invalid "${k}" (ISO 8601 date): ${p}`);
  }
  // Buildings must stand near the dataset (or near the scenario's first building).
  let anchor: { at: readonly number[]; what: string } | undefined = context.around ? { at: context.around, what: `the dataset's home (${context.around[0]}, ${context.around[1]})` } : undefined;
  if (!Array.isArray(doc.variants)) {
    err('', 'missing "variants" (array)');
    return { ok: false, errors };
  }
  if (doc.variants.length > LIMITS.variants) err('', `${doc.variants.length} variants; at most ${LIMITS.variants}`);
  const variants: Variant[] = [];
  const variantIds = new Set<string>();
  doc.variants.forEach((v: unknown, vi: number) => {
    const vWhere = `variant ${vi}${isObj(v) && isStr(v.name) ? ` "${v.name}"` : ''}`;
    if (!isObj(v)) return err(vWhere, 'not an object');
    if (!isId(v.id)) err(vWhere, 'missing or invalid "id"');
    else if (variantIds.has(v.id)) err(vWhere, `duplicate variant id "${v.id}"`);
    else variantIds.add(v.id);
    if (!isStr(v.name)) err(vWhere, 'missing or invalid "name"');
    if (!isStr(v.notes, LIMITS.notesLength)) err(vWhere, `missing or invalid "notes" (string up to ${LIMITS.notesLength} characters)`);
    if (!Array.isArray(v.demolishedIds) || !v.demolishedIds.every((id: unknown) => isId(id))) err(vWhere, '"demolishedIds" must be an array of building id strings');
    if (!Array.isArray(v.buildings)) return err(vWhere, 'missing "buildings" (array)');
    if (v.buildings.length > LIMITS.buildingsPerVariant) return err(vWhere, `${v.buildings.length} buildings; at most ${LIMITS.buildingsPerVariant}`);
    const buildings: ProposedBuilding[] = [];
    const buildingIds = new Set<string>();
    v.buildings.forEach((b: unknown, bi: number) => {
      const bWhere = `${vWhere}, building ${bi}${isObj(b) && isStr(b.name) ? ` "${b.name}"` : ''}${isObj(b) && isId(b.id) ? ` (${b.id})` : ''}`;
      const before = errors.length;
      if (!isObj(b)) return err(bWhere, 'not an object');
      if (!isId(b.id)) err(bWhere, 'missing or invalid "id"');
      else if (buildingIds.has(b.id)) err(bWhere, `duplicate building id "${b.id}"`);
      else buildingIds.add(b.id);
      if (!isStr(b.name)) err(bWhere, 'missing or invalid "name"');
      const fp = footprintProblems(b.footprint);
      for (const p of fp) err(bWhere, p);
      if (!fp.length) {
        const ring = b.footprint as number[][];
        anchor ??= { at: ring[0], what: `the scenario's first building (${ring[0][0]}, ${ring[0][1]})` };
        const i = ring.findIndex((p) => distanceM(anchor!.at, p) > LIMITS.maxDistanceFromDatasetM);
        if (i >= 0) err(bWhere, `footprint position ${i} (${ring[i][0]}, ${ring[i][1]}) is ${fmtM(distanceM(anchor.at, ring[i]))} from ${anchor.what}; at most ${fmtM(LIMITS.maxDistanceFromDatasetM)}`);
      }
      if (!inRange(b.storeys, LIMITS.storeys) || !Number.isInteger(b.storeys)) err(bWhere, `"storeys" must be a whole number in ${LIMITS.storeys.join('–')}, got ${JSON.stringify(b.storeys)}`);
      if (!inRange(b.storeyHeightM, LIMITS.storeyHeightM)) err(bWhere, `"storeyHeightM" must be in ${LIMITS.storeyHeightM.join('–')} m, got ${JSON.stringify(b.storeyHeightM)}`);
      if (!BUILDING_USES.includes(b.use as BuildingUse)) err(bWhere, `"use" must be one of ${BUILDING_USES.join(', ')}, got ${JSON.stringify(b.use)}`);
      if (b.groundHeightM !== undefined && !inRange(b.groundHeightM, LIMITS.groundHeightM)) err(bWhere, '"groundHeightM" must be a finite height in metres');
      const roof = b.roof;
      if (!isObj(roof)) err(bWhere, 'missing "roof" object');
      else {
        if (!ROOF_TYPES.includes(roof.type as RoofType)) err(bWhere, `roof "type" must be one of ${ROOF_TYPES.join(', ')}, got ${JSON.stringify(roof.type)}`);
        if (!inRange(roof.roofHeightM, LIMITS.roofHeightM)) err(bWhere, `"roof.roofHeightM" must be in ${LIMITS.roofHeightM.join('–')} m, got ${JSON.stringify(roof.roofHeightM)}`);
        if (typeof roof.ridgeAzimuthDeg !== 'number' || !Number.isFinite(roof.ridgeAzimuthDeg)) err(bWhere, '"roof.ridgeAzimuthDeg" must be a finite number of degrees');
      }
      if (errors.length > before) return;
      const r = roof as Record<string, number | string>;
      buildings.push({
        id: b.id as string,
        name: b.name as string,
        footprint: orientFootprintCcw(b.footprint as [number, number][]),
        storeys: b.storeys as number,
        storeyHeightM: b.storeyHeightM as number,
        roof: {
          type: r.type as RoofType,
          roofHeightM: r.type === 'flat' ? 0 : (r.roofHeightM as number),
          ridgeAzimuthDeg: (((r.ridgeAzimuthDeg as number) % 360) + 360) % 360,
        },
        use: b.use as BuildingUse,
        ...(b.groundHeightM !== undefined ? { groundHeightM: b.groundHeightM as number } : {}),
      });
    });
    variants.push({
      id: v.id as string,
      name: v.name as string,
      notes: v.notes as string,
      buildings,
      demolishedIds: Array.isArray(v.demolishedIds) ? [...new Set(v.demolishedIds as string[])] : [],
    });
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    scenario: {
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      kind: SCENARIO_FILE_KIND,
      id: doc.id as string,
      name: doc.name as string,
      ...(doc.datasetId !== undefined ? { datasetId: doc.datasetId as string } : {}),
      createdAt: doc.createdAt as string,
      updatedAt: doc.updatedAt as string,
      variants,
    },
  };
}
