import { drainSync } from './drainSync';
import { LocalFrame } from '../crs/LocalFrame';
import type { BuildingCollection } from '../model/Building';
import { computeCompliance, type AreaCompliance } from './computeCompliance';
import { computeOverlaps, type OverlapGroup } from './computeOverlaps';
import { computeShadows, shadowsToGeoJson } from './computeShadows';
import { sunHoursSteps, sunSteps, type Progress, type SunHoursResult } from './computeSunHours';
import { buildingHit, roofHeightAt } from './facadePoint';
import { csvTable, type CsvCell } from './csvTable';
import { sunHoursAtPointsSteps, type SunPoint } from './sunHoursAtPoints';
import { gridForBbox } from './Grid';
import { frameAroundFeatures } from './localGeometry';
import { prepareLayer } from './polygonLayer';
import { prepareBuildings } from './prepareBuildings';
import type { PrepareBuildings } from './AnalysisDescriptor';
import { zoneSunStatistics, type ZoneSunStats } from './zoneSunStatistics';
import { overlapsToGeoJson } from './analysisOutputs';
import { areaByGroup, groupShares, type OverlapGroupShare } from './overlapCategories';

/*
 * Request-level entry points shared by the browser worker and the CLI, so both
 * give the same numbers for the same inputs: plain GeoJSON and parameters in,
 * plain (structured-clone friendly) results out.
 */

export interface SunHoursRequest {
  buildings: BuildingCollection;
  /** `YYYY-MM-DD` */
  date: string;
  /** WGS84 [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
  cellM: number;
  stepMin: number;
  minAltitudeDeg?: number;
  /** Optional zones (playgrounds, green spaces, parcels) for per-polygon statistics. */
  zones?: GeoJSON.FeatureCollection;
  zoneGroupBy?: string;
  /** Hours a cell needs to pass (threshold map, e.g. 1 h on 17 January for DIN 5034-1); adds the zones' passing shares. */
  thresholdHours?: number;
}

export interface SunHoursResponse {
  /** Grid in local metres plus the frame origin (EPSG:25832). */
  grid: { x0: number; y0: number; cellM: number; nx: number; ny: number; originX: number; originY: number };
  sunHours: Float32Array;
  building: Uint8Array;
  stepHours: number;
  stepCount: number;
  sunriseMs: number | null;
  sunsetMs: number | null;
  zones?: ZoneSunStats[];
  skipped: number;
  /** The request's threshold, when it had one. */
  thresholdHours?: number;
}

/** Frame of a sun-hours request: centred on the bbox. */
export function sunHoursFrame(bbox: [number, number, number, number]): LocalFrame {
  return LocalFrame.around([(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2]);
}

/**
 * Sun hours for a request, as a generator of progress (see `sunHoursSteps`).
 *
 * @example for (const p of runSunHours(req)) …; // the return value is the response
 */
export function* runSunHours(req: SunHoursRequest, prepare: PrepareBuildings = prepareBuildings): Generator<Progress, SunHoursResponse> {
  const frame = sunHoursFrame(req.bbox);
  const { solids, skipped } = prepare(req.buildings.features, frame);
  const grid = gridForBbox(frame, req.bbox, req.cellM);
  const res: SunHoursResult = yield* sunHoursSteps(solids, { date: req.date, grid, frame, stepMin: req.stepMin, minAltitudeDeg: req.minAltitudeDeg });
  const zones = req.zones ? zoneSunStatistics(res, prepareLayer(req.zones.features, frame, req.zoneGroupBy), req.thresholdHours) : undefined;
  return {
    grid: { ...grid, originX: frame.originX, originY: frame.originY },
    sunHours: res.sunHours,
    building: res.building,
    stepHours: res.stepHours,
    stepCount: res.steps.length,
    sunriseMs: res.sunriseMs,
    sunsetMs: res.sunsetMs,
    ...(zones ? { zones } : {}),
    skipped: skipped.length,
    ...(req.thresholdHours !== undefined ? { thresholdHours: req.thresholdHours } : {}),
  };
}

/** Runs `runSunHours` to the end. */
export function runSunHoursSync(req: SunHoursRequest): SunHoursResponse {
  return drainSync(runSunHours(req));
}

export interface ShadowsRequest {
  buildings: BuildingCollection;
  /** Instant, UTC ms. */
  timeMs: number;
  minAltitudeDeg?: number;
  /** Include one feature per building (default true). */
  perBuilding?: boolean;
}

export interface ShadowsResponse {
  status: 'ok' | 'sun-below-horizon';
  altitudeDeg: number;
  azimuthDeg: number;
  unionAreaM2: number;
  geojson: GeoJSON.FeatureCollection;
}

/** Shadows at an instant as GeoJSON (per building + merged union). */
export function runShadows(req: ShadowsRequest): ShadowsResponse {
  const frame = frameAroundFeatures(req.buildings.features);
  const { solids } = prepareBuildings(req.buildings.features, frame);
  const r = computeShadows(solids, { timeMs: req.timeMs, frame, minAltitudeDeg: req.minAltitudeDeg });
  return {
    status: r.status,
    altitudeDeg: r.altitudeDeg,
    azimuthDeg: r.azimuthDeg,
    unionAreaM2: r.status === 'ok' ? r.unionAreaM2 : 0,
    geojson: shadowsToGeoJson(r, frame, req.perBuilding ?? true),
  };
}

export interface OverlapsRequest {
  a: GeoJSON.FeatureCollection;
  b: GeoJSON.FeatureCollection;
  groupA?: string;
  groupB?: string;
  withGeometry?: boolean;
}

export interface OverlapsResponse {
  pairs: { aId: string; bId: string; aGroup: string; bGroup: string; areaM2: number; shareOfA: number; shareOfB: number }[];
  groups: OverlapGroup[];
  /** The groups with the share of each side's category area (additive to `groups`). */
  groupShares?: OverlapGroupShare[];
  totalAreaM2: number;
  geojson?: GeoJSON.FeatureCollection;
}

/** Overlaps of two layers (pairs, groups, optionally GeoJSON polygons). */
export function runOverlaps(req: OverlapsRequest): OverlapsResponse {
  const frame = frameAroundFeatures([...req.a.features, ...req.b.features]);
  const la = prepareLayer(req.a.features, frame, req.groupA), lb = prepareLayer(req.b.features, frame, req.groupB);
  const r = computeOverlaps(la, lb, { withGeometry: req.withGeometry });
  return {
    pairs: r.pairs.map(({ aId, bId, aGroup, bGroup, areaM2, shareOfA, shareOfB }) => ({ aId, bId, aGroup, bGroup, areaM2, shareOfA, shareOfB })),
    groups: r.groups,
    groupShares: groupShares(r.groups, areaByGroup(la.items), areaByGroup(lb.items)),
    totalAreaM2: r.totalAreaM2,
    ...(req.withGeometry ? { geojson: overlapsToGeoJson(r, frame) } : {}),
  };
}

export interface ComplianceRequest {
  buildings: BuildingCollection;
  plan: GeoJSON.FeatureCollection;
  baugrenzen?: GeoJSON.FeatureCollection;
  parcels?: GeoJSON.FeatureCollection;
  storeyHeightM?: number;
  baugrenzeToleranceM?: number;
}

/** Plan compliance per Baugebiet (and parcel). */
export function runCompliance(req: ComplianceRequest): AreaCompliance[] {
  const frame = frameAroundFeatures(req.plan.features);
  return computeCompliance(
    { buildings: req.buildings.features, plan: req.plan.features, baugrenzen: req.baugrenzen?.features, parcels: req.parcels?.features, frame },
    { storeyHeightM: req.storeyHeightM, baugrenzeToleranceM: req.baugrenzeToleranceM },
  );
}

/** A point of a sun-at-points request (CLI: a GeoJSON Point feature with these properties). */
export interface SunPointInput {
  id: string;
  /** [lon, lat] */
  lonLat: [number, number];
  /** Height above ground, metres (default 0: on the ground, as the sun-hours grid). */
  heightM?: number;
  /** Façade points: outward wall normal, degrees clockwise from true north. */
  facadeAzimuthDeg?: number;
  /**
   * The point was picked on this building (app clicks): it is snapped onto the
   * nearest wall of the building's footprint and gets that wall's normal, or,
   * well inside the footprint, put just above the roof (see `buildingHit`).
   */
  onBuildingId?: string;
}

export interface SunPointsRequest {
  buildings: BuildingCollection;
  points: SunPointInput[];
  /** `YYYY-MM-DD` */
  date: string;
  stepMin: number;
  /** Hours a point needs to pass (default 1.5). */
  thresholdHours?: number;
  minAltitudeDeg?: number;
}

/** One checked point: where it was tested and its sun hours. */
export interface SunPointRow {
  id: string;
  kind: 'ground' | 'facade' | 'roof';
  /** Where the point was tested (façade points: on the wall). */
  lonLat: [number, number];
  heightM: number;
  facadeAzimuthDeg: number | null;
  sunHours: number;
  sunSteps: number;
  meetsThreshold: boolean;
}

export interface SunPointsResponse {
  points: SunPointRow[];
  stepHours: number;
  /** Time steps between sunrise and sunset. */
  stepCount: number;
  thresholdHours: number;
  /** Buildings without usable footprint or height. */
  skipped: number;
}

/**
 * Sun hours at points and façades for a request, as a generator of progress
 * (one step per point). Points picked on a building (`onBuildingId`) are
 * resolved to a façade or roof point first.
 *
 * @example runSunPointsSync({ buildings, points: [{ id: 'p1', lonLat: [10.045, 53.55] }], date: '2026-03-21', stepMin: 10 })
 */
export function* runSunPoints(req: SunPointsRequest, prepare: PrepareBuildings = prepareBuildings): Generator<Progress, SunPointsResponse> {
  const thresholdHours = req.thresholdHours ?? 1.5;
  if (!(thresholdHours >= 0 && thresholdHours <= 24)) throw new Error(`sun points: threshold ${thresholdHours} h must be within 0–24 h`);
  if (!(req.stepMin > 0)) throw new Error(`sun points: step ${req.stepMin} min must be > 0`);
  req.points.forEach((p, i) => {
    if (!Array.isArray(p.lonLat) || !Number.isFinite(p.lonLat[0]) || !Number.isFinite(p.lonLat[1])) throw new Error(`sun points: point ${i} ("${p.id}") has no valid [lon, lat]`);
  });
  const ids = new Set<string>();
  for (const p of req.points) {
    if (ids.has(p.id)) throw new Error(`sun points: id "${p.id}" is used twice`);
    ids.add(p.id);
  }
  const centre: [number, number] = req.points.length
    ? [req.points.reduce((s, p) => s + p.lonLat[0], 0) / req.points.length, req.points.reduce((s, p) => s + p.lonLat[1], 0) / req.points.length]
    : [10, 51];
  const frame = LocalFrame.around(centre);
  const { steps, stepHours } = sunSteps(req.date, frame, req.stepMin, req.minAltitudeDeg ?? 1);
  const { solids, skipped } = req.points.length ? prepare(req.buildings.features, frame) : { solids: [], skipped: [] };
  const features = new Map(req.buildings.features.map((f) => [String(f.properties?.id), f]));
  const solidById = new Map(solids.map((b) => [b.id, b]));
  const tested: (SunPoint & { kind: SunPointRow['kind'] })[] = req.points.map((p) => {
    const base = { id: p.id, lonLat: p.lonLat, heightM: Math.max(0, p.heightM ?? 0) };
    const f = p.onBuildingId !== undefined ? features.get(p.onBuildingId) : undefined;
    const hit = f && buildingHit(f, p.lonLat, frame);
    if (hit?.kind === 'facade') return { ...base, kind: 'facade', lonLat: hit.lonLat, facadeAzimuthDeg: hit.facadeAzimuthDeg };
    if (hit?.kind === 'roof') {
      const b = solidById.get(p.onBuildingId!);
      const top = b && roofHeightAt(b, ...frame.toLocal(p.lonLat));
      // 5 cm above the roof surface, so the own roof shades the point only where it really faces away from the sun.
      return { ...base, kind: 'roof', heightM: top === undefined ? base.heightM : top + 0.05 };
    }
    return p.facadeAzimuthDeg !== undefined ? { ...base, kind: 'facade', facadeAzimuthDeg: p.facadeAzimuthDeg } : { ...base, kind: 'ground' };
  });
  const res = yield* sunHoursAtPointsSteps(solids, tested, { date: req.date, frame, stepMin: req.stepMin, minAltitudeDeg: req.minAltitudeDeg, thresholdHours });
  return {
    points: tested.map((p, i) => ({
      id: p.id,
      kind: p.kind,
      lonLat: p.lonLat,
      heightM: p.heightM ?? 0,
      facadeAzimuthDeg: p.facadeAzimuthDeg ?? null,
      sunHours: res[i].sunHours,
      sunSteps: res[i].sunSteps,
      meetsThreshold: res[i].meetsThreshold,
    })),
    stepHours,
    stepCount: steps.length,
    thresholdHours,
    skipped: skipped.length,
  };
}

/** Runs `runSunPoints` to the end. */
export function runSunPointsSync(req: SunPointsRequest): SunPointsResponse {
  return drainSync(runSunPoints(req));
}

/** Columns of the sun-at-points CSV (CLI and the app's export). */
export const SUN_POINTS_CSV_HEADER = ['id', 'lon', 'lat', 'heightM', 'facadeAzimuthDeg', 'sunHours', 'meetsThreshold'];

/** The checked points as CSV rows in `SUN_POINTS_CSV_HEADER` order. */
export function sunPointsCsvRows(res: Pick<SunPointsResponse, 'points'>): CsvCell[][] {
  return res.points.map((p) => [p.id, p.lonLat[0], p.lonLat[1], p.heightM, p.facadeAzimuthDeg, p.sunHours, p.meetsThreshold]);
}

/** Sun-at-points result as CSV (`id,lon,lat,heightM,facadeAzimuthDeg,sunHours,meetsThreshold`, UTF-8 with BOM). */
export function sunPointsToCsv(res: Pick<SunPointsResponse, 'points'>): string {
  return csvTable(SUN_POINTS_CSV_HEADER, sunPointsCsvRows(res), { decimals: [undefined, 7, 7, 2, 2, 4, undefined] });
}
