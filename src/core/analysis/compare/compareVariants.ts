import type { BuildingCollection } from '../../model/Building';
import type { AreaCompliance, RuleName, RuleStatus } from '../computeCompliance';
import { runCompliance, runSunHours, sunHoursFrame, type SunHoursResponse } from '../runAnalysis';
import { polygonsOf, trueNorthGridAngleDeg } from '../localGeometry';
import { prepareBuildings } from '../prepareBuildings';
import { sunHoursAtPointsSteps, type SunPoint } from '../sunHoursAtPoints';
import type { LocalFrame } from '../../crs/LocalFrame';
import type { BuildingFeature } from '../../model/Building';
import type { ZoneSunStats } from '../zoneSunStatistics';
import type { Progress } from '../computeSunHours';
import { drainSync } from '../drainSync';
import { effectiveBuildings } from '../../scenario/effectiveBuildings';
import type { Variant } from '../../model/Scenario';
import { signedRingArea } from '../../geometry/signedRingArea';

/** One side of a comparison: a variant, or null for "Existing". */
export type CompareSide = Pick<Variant, 'buildings' | 'demolishedIds'> | null;

export interface RuleDelta {
  rule: RuleName;
  before: number | null;
  after: number | null;
  limit: number | null;
  statusBefore: RuleStatus;
  statusAfter: RuleStatus;
  /** Ok/unknown before, exceeded after. */
  newConflict: boolean;
}

export interface AreaDelta {
  areaId: string;
  landUse: string;
  plotAreaM2: number;
  rules: RuleDelta[];
}

export interface ZoneDelta {
  id: string;
  group: string;
  meanSunHoursBefore: number | null;
  meanSunHoursAfter: number | null;
  /** after − before, hours. */
  deltaHours: number | null;
  /** Share of the zone's ground (cells in the grid, not under a building) with ≥ 2 h of sun. */
  shareAtLeast2hBefore: number | null;
  shareAtLeast2hAfter: number | null;
  /** That ground area on each side, m² (a building on the zone changes it). */
  groundAreaM2Before: number;
  groundAreaM2After: number;
}

/** Sun on one façade point of a neighbouring (unchanged) building. */
export interface FacadeDelta {
  buildingId: string;
  /** Middle of the wall, WGS84. */
  lonLat: [number, number];
  heightM: number;
  /** Outward normal, degrees clockwise from true north. */
  azimuthDeg: number;
  sunHoursBefore: number;
  sunHoursAfter: number;
  deltaHours: number;
}

export interface SunDelta {
  date: string;
  grid: SunHoursResponse['grid'];
  /** after − before per cell, hours; NaN where either side has a building. */
  deltaHours: Float32Array;
  minDeltaHours: number;
  maxDeltaHours: number;
  zones: ZoneDelta[];
  /** Façades of existing buildings near the changed ones, biggest loss first. */
  facades: FacadeDelta[];
}

export interface VariantComparison {
  areas: AreaDelta[];
  /** Rules exceeded after but not before, as "area: rule". */
  newConflicts: { areaId: string; rule: RuleName }[];
  /** Rules exceeded before but no longer after. */
  resolvedConflicts: { areaId: string; rule: RuleName }[];
  /** Buildings on each side, and their floor area (GF, m²) summed over the Baugebiete. */
  totals: { buildingsBefore: number; buildingsAfter: number; gfBeforeM2: number; gfAfterM2: number };
  addedBuildingIds: string[];
  removedBuildingIds: string[];
  sun?: SunDelta;
}

export interface CompareOptions {
  /** Baugebiete (XPlanung BP_BaugebietsTeilFlaeche with grz/gfz/maxStoreys/maxHeightM) for the delta table. */
  plan?: GeoJSON.FeatureCollection;
  /** Sun-hour change: date, area and zones (playgrounds, green spaces, façade strips…). */
  sun?: {
    date: string;
    bbox: [number, number, number, number];
    cellM: number;
    stepMin: number;
    zones?: GeoJSON.FeatureCollection;
    zoneGroupBy?: string;
    /** Façade points: walls ≥ 2 m long of unchanged buildings within `radiusM` (default 60 m) of a changed one, at `heightM` (default 2 m). */
    facades?: { radiusM?: number; heightM?: number };
  };
}

/**
 * Compares two states of the city (two variants, or a variant and Existing):
 * per Baugebiet GRZ, GFZ, storeys and height before → after with compliance
 * status (from the analysis engine's `computeCompliance`), rules that become
 * exceeded, and optionally the sun-hour change per cell and per zone on a date.
 * Pure; runs in a worker or in Node alike.
 *
 * @example
 * const c = compareVariants(city, null, variantA, { plan, sun: { date: '2026-03-21', bbox, cellM: 2, stepMin: 15, zones: playgrounds } });
 * c.newConflicts // → [{ areaId: 'WA1', rule: 'GRZ' }]
 */
export function compareVariants(existing: BuildingCollection, before: CompareSide, after: CompareSide, opts: CompareOptions = {}): VariantComparison {
  return drainSync(compareVariantsSteps(existing, before, after, opts));
}

/**
 * {@link compareVariants} as a generator of progress: the two compliance
 * runs, the sun-hour steps of both sides and the façade points, so the worker
 * can report progress and stop between steps.
 */
export function* compareVariantsSteps(existing: BuildingCollection, before: CompareSide, after: CompareSide, opts: CompareOptions = {}): Generator<Progress, VariantComparison> {
  const a = effectiveBuildings(existing, before);
  const b = effectiveBuildings(existing, after);
  const idsA = new Set(a.features.map((f) => f.properties.id));
  const idsB = new Set(b.features.map((f) => f.properties.id));
  const out: VariantComparison = {
    areas: [],
    newConflicts: [],
    resolvedConflicts: [],
    totals: { buildingsBefore: a.features.length, buildingsAfter: b.features.length, gfBeforeM2: 0, gfAfterM2: 0 },
    addedBuildingIds: [...idsB].filter((id) => !idsA.has(id)),
    removedBuildingIds: [...idsA].filter((id) => !idsB.has(id)),
  };
  // Progress: 2 compliance runs, then the sun-hour steps of both sides and the façades (their count is known once the first side has run).
  let total = 2 + (opts.sun ? 3 : 0);
  let done = 0;
  yield { done, total };
  if (opts.plan?.features.length) {
    const ca = runCompliance({ buildings: a, plan: opts.plan }).filter((r) => r.kind === 'baugebiet');
    yield { done: ++done, total };
    const cb = runCompliance({ buildings: b, plan: opts.plan }).filter((r) => r.kind === 'baugebiet');
    const byId = new Map<string, AreaCompliance>(ca.map((r) => [r.areaId, r]));
    const gf = (r: AreaCompliance[]) => r.reduce((sum, x) => sum + (x.rules.find((q) => q.rule === 'GF')?.value ?? 0), 0);
    out.totals.gfBeforeM2 = gf(ca);
    out.totals.gfAfterM2 = gf(cb);
    for (const area of cb) {
      const prev = byId.get(area.areaId);
      const rules: RuleDelta[] = area.rules
        .filter((r) => r.rule === 'GRZ' || r.rule === 'GFZ' || r.rule === 'storeys' || r.rule === 'height')
        .map((r) => {
          const p = prev?.rules.find((x) => x.rule === r.rule);
          const statusBefore = p?.status ?? 'unknown';
          const newConflict = r.status === 'exceeded' && statusBefore !== 'exceeded';
          if (newConflict) out.newConflicts.push({ areaId: area.areaId, rule: r.rule });
          if (statusBefore === 'exceeded' && r.status !== 'exceeded') out.resolvedConflicts.push({ areaId: area.areaId, rule: r.rule });
          return { rule: r.rule, before: p?.value ?? null, after: r.value, limit: r.limit, statusBefore, statusAfter: r.status, newConflict };
        });
      out.areas.push({ areaId: area.areaId, landUse: area.landUse, plotAreaM2: area.plotAreaM2, rules });
    }
  }
  done = 2;
  yield { done, total };
  if (opts.sun) {
    const req = { date: opts.sun.date, bbox: opts.sun.bbox, cellM: opts.sun.cellM, stepMin: opts.sun.stepMin, zones: opts.sun.zones, zoneGroupBy: opts.sun.zoneGroupBy };
    const side = function* (buildings: BuildingCollection): Generator<Progress, SunHoursResponse> {
      const it = runSunHours({ ...req, buildings });
      for (;;) {
        const r = it.next();
        if (r.done) return r.value;
        if (total < 2 + 2 * r.value.total + 1) total = 2 + 2 * r.value.total + 1;
        yield { done: ++done, total };
      }
    };
    const sa = yield* side(a);
    const sb = yield* side(b);
    const delta = new Float32Array(sa.sunHours.length);
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < delta.length; k++) {
      const d = sa.building[k] || sb.building[k] ? NaN : sb.sunHours[k] - sa.sunHours[k];
      delta[k] = d;
      if (!Number.isNaN(d)) {
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
    }
    const fit = facadeDeltas(a.features, b.features, new Set([...out.addedBuildingIds, ...out.removedBuildingIds]), opts.sun);
    let facades: FacadeDelta[];
    for (;;) {
      const r = fit.next();
      if (r.done) {
        facades = r.value;
        break;
      }
      // Façade steps keep the last count (their number is small): a chance to stop.
      yield { done, total };
    }
    const za = new Map<string, ZoneSunStats>((sa.zones ?? []).map((z) => [z.id, z]));
    out.sun = {
      date: opts.sun.date,
      grid: sb.grid,
      deltaHours: delta,
      minDeltaHours: Number.isFinite(min) ? min : 0,
      maxDeltaHours: Number.isFinite(max) ? max : 0,
      zones: (sb.zones ?? []).map((z) => {
        const p = za.get(z.id);
        const before = p?.meanSunHours ?? null;
        const after = z.meanSunHours;
        return {
          id: z.id,
          group: z.group,
          meanSunHoursBefore: before,
          meanSunHoursAfter: after,
          deltaHours: before !== null && after !== null ? after - before : null,
          shareAtLeast2hBefore: p?.shareAtLeast2h ?? null,
          shareAtLeast2hAfter: z.shareAtLeast2h,
          groundAreaM2Before: p?.groundAreaM2 ?? 0,
          groundAreaM2After: z.groundAreaM2,
        };
      }),
      facades,
    };
    yield { done: total, total };
  }
  return out;
}

/** Sun hours on the walls of unchanged buildings near changed ones, before and after. */
function* facadeDeltas(before: BuildingFeature[], after: BuildingFeature[], changedIds: Set<string>, o: NonNullable<CompareOptions['sun']>): Generator<Progress, FacadeDelta[]> {
  if (!changedIds.size) return [];
  const frame = sunHoursFrame(o.bbox);
  const radius = o.facades?.radiusM ?? 60;
  const pointH = o.facades?.heightM ?? 2;
  const north = trueNorthGridAngleDeg(frame);
  const changed = [...before, ...after].filter((f) => changedIds.has(f.properties.id)).flatMap((f) => localRings(f, frame));
  const near = (ring: [number, number][]) => ring.some(([x, y]) => changed.some((c) => c.some(([cx, cy]) => Math.hypot(cx - x, cy - y) <= radius)));
  const points: (SunPoint & { buildingId: string; gridAz: number })[] = [];
  for (const f of after) {
    if (changedIds.has(f.properties.id) || f.properties.heightM < pointH + 0.5) continue;
    for (const ring of localRings(f, frame)) {
      if (!near(ring)) continue;
      const ccw = signedRingArea(ring) > 0 ? 1 : -1;
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[(i + 1) % ring.length];
        if (Math.hypot(x1 - x0, y1 - y0) < 2) continue;
        // Outward normal of a counter-clockwise ring is the edge turned clockwise.
        const nx = (y1 - y0) * ccw;
        const ny = -(x1 - x0) * ccw;
        const gridAz = (Math.atan2(nx, ny) * 180) / Math.PI;
        const lonLat = frame.toWgs84([(x0 + x1) / 2, (y0 + y1) / 2]);
        points.push({ id: `${f.properties.id}#${i}`, buildingId: f.properties.id, lonLat, heightM: pointH, facadeAzimuthDeg: (((gridAz - north) % 360) + 360) % 360, gridAz });
      }
    }
  }
  if (!points.length) return [];
  const run = (fs: BuildingFeature[]) => sunHoursAtPointsSteps(prepareBuildings(fs, frame).solids, points, { date: o.date, frame, stepMin: o.stepMin });
  const ra = yield* run(before);
  const rb = yield* run(after);
  return points
    .map((p, i) => ({
      buildingId: p.buildingId,
      lonLat: p.lonLat,
      heightM: pointH,
      azimuthDeg: p.facadeAzimuthDeg!,
      sunHoursBefore: ra[i].sunHours,
      sunHoursAfter: rb[i].sunHours,
      deltaHours: rb[i].sunHours - ra[i].sunHours,
    }))
    .sort((p, q) => p.deltaHours - q.deltaHours);
}

function localRings(f: BuildingFeature, frame: LocalFrame): [number, number][][] {
  return polygonsOf(f.geometry).map((poly) => {
    const ring = poly[0].map((p) => frame.toLocal(p));
    const [a, b] = [ring[0], ring[ring.length - 1]];
    return a[0] === b[0] && a[1] === b[1] ? ring.slice(0, -1) : ring;
  });
}
