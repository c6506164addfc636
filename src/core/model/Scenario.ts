/**
 * Scenario document types (schema version {@link SCENARIO_SCHEMA_VERSION}).
 *
 * A scenario is what a planner saves and shares: named variants, each a set of
 * proposed buildings plus ids of existing buildings marked demolished, plus
 * notes. "Existing" (the city model as is) is not a variant; it is always
 * available for comparison and is selected with `activeVariantId = null`.
 *
 * Footprints are WGS84 `[lon, lat]` rings (RFC 7946: closed, counter-clockwise
 * outer ring). All measuring and mesh building happens in EPSG:25832 metres
 * relative to a {@link LocalFrame}, never in degrees.
 */

/** Current version written by this code. Older files are migrated on load. */
export const SCENARIO_SCHEMA_VERSION = 2;

/** Marker in every scenario file so that other JSON files are rejected early. */
export const SCENARIO_FILE_KIND = 'planlotse-scenario';

export const BUILDING_USES = ['housing', 'office', 'retail', 'mixed', 'community'] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];

export const ROOF_TYPES = ['flat', 'gabled', 'hipped', 'shed'] as const;
export type RoofType = (typeof ROOF_TYPES)[number];

/**
 * Roof of a proposed building.
 * - `flat`: no roof volume.
 * - `gabled`: ridge along `ridgeAzimuthDeg` (from north, clockwise), through
 *   the middle of the footprint's extent across the ridge; `roofHeightM` is
 *   ridge minus eave.
 * - `hipped`: like gabled, with equal slopes on all four sides of the
 *   footprint's bounding rectangle aligned to the ridge.
 * - `shed`: one plane rising towards `ridgeAzimuthDeg` (the high side),
 *   `roofHeightM` from the low to the high edge.
 */
export interface RoofSpec {
  type: RoofType;
  /** 0 for flat roofs. */
  roofHeightM: number;
  /** Ridge direction (gabled, hipped) or upslope direction (shed), degrees from north. Ignored for flat roofs. */
  ridgeAzimuthDeg: number;
}

/** A building sketched by the user. */
export interface ProposedBuilding {
  id: string;
  name: string;
  /** Closed WGS84 ring `[lon, lat][]`, first = last, counter-clockwise. */
  footprint: [number, number][];
  storeys: number;
  storeyHeightM: number;
  roof: RoofSpec;
  use: BuildingUse;
  /**
   * Absolute ground height (same datum as the city model's `groundHeightM`).
   * Absent: taken from the nearest existing building when analysed.
   */
  groundHeightM?: number;
}

export interface Variant {
  id: string;
  name: string;
  notes: string;
  buildings: ProposedBuilding[];
  /** Ids of existing city-model buildings marked demolished in this variant. */
  demolishedIds: string[];
}

export interface Scenario {
  schemaVersion: typeof SCENARIO_SCHEMA_VERSION;
  kind: typeof SCENARIO_FILE_KIND;
  id: string;
  name: string;
  /** Dataset (catalog id) the scenario was made on, if known. */
  datasetId?: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  variants: Variant[];
}

/** Eave height above ground: storeys × storey height. */
export function eaveHeightM(b: Pick<ProposedBuilding, 'storeys' | 'storeyHeightM'>): number {
  return b.storeys * b.storeyHeightM;
}

/** Total height above ground (ridge for pitched roofs). */
export function totalHeightM(b: Pick<ProposedBuilding, 'storeys' | 'storeyHeightM' | 'roof'>): number {
  return eaveHeightM(b) + (b.roof.type === 'flat' ? 0 : b.roof.roofHeightM);
}
