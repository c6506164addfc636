import { LocalFrame } from '../crs/LocalFrame';
import type { BuildingCollection } from '../model/Building';
import { computeCompliance, type AreaCompliance } from './computeCompliance';
import { computeOverlaps, type OverlapGroup } from './computeOverlaps';
import { computeShadows, shadowsToGeoJson } from './computeShadows';
import { sunHoursSteps, type Progress, type SunHoursResult } from './computeSunHours';
import { gridForBbox } from './Grid';
import { frameAroundFeatures } from './localGeometry';
import { prepareLayer } from './polygonLayer';
import { prepareBuildings } from './prepareBuildings';
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
export function* runSunHours(req: SunHoursRequest): Generator<Progress, SunHoursResponse> {
  const frame = sunHoursFrame(req.bbox);
  const { solids, skipped } = prepareBuildings(req.buildings.features, frame);
  const grid = gridForBbox(frame, req.bbox, req.cellM);
  const res: SunHoursResult = yield* sunHoursSteps(solids, { date: req.date, grid, frame, stepMin: req.stepMin, minAltitudeDeg: req.minAltitudeDeg });
  const zones = req.zones ? zoneSunStatistics(res, prepareLayer(req.zones.features, frame, req.zoneGroupBy)) : undefined;
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
  };
}

/** Runs `runSunHours` to the end. */
export function runSunHoursSync(req: SunHoursRequest): SunHoursResponse {
  const it = runSunHours(req);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
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
