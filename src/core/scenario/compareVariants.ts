import type { BuildingCollection } from '../model/Building';
import type { AreaCompliance, RuleName, RuleStatus } from '../analysis/computeCompliance';
import { runCompliance, runSunHoursSync, type SunHoursResponse } from '../analysis/runAnalysis';
import type { ZoneSunStats } from '../analysis/zoneSunStatistics';
import { effectiveBuildings } from './effectiveBuildings';
import type { Variant } from './Scenario';

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
}

export interface SunDelta {
  date: string;
  grid: SunHoursResponse['grid'];
  /** after − before per cell, hours; NaN where either side has a building. */
  deltaHours: Float32Array;
  minDeltaHours: number;
  maxDeltaHours: number;
  zones: ZoneDelta[];
}

export interface VariantComparison {
  areas: AreaDelta[];
  /** Rules exceeded after but not before, as "area: rule". */
  newConflicts: { areaId: string; rule: RuleName }[];
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
  const a = effectiveBuildings(existing, before);
  const b = effectiveBuildings(existing, after);
  const idsA = new Set(a.features.map((f) => f.properties.id));
  const idsB = new Set(b.features.map((f) => f.properties.id));
  const out: VariantComparison = {
    areas: [],
    newConflicts: [],
    addedBuildingIds: [...idsB].filter((id) => !idsA.has(id)),
    removedBuildingIds: [...idsA].filter((id) => !idsB.has(id)),
  };
  if (opts.plan?.features.length) {
    const ca = runCompliance({ buildings: a, plan: opts.plan }).filter((r) => r.kind === 'baugebiet');
    const cb = runCompliance({ buildings: b, plan: opts.plan }).filter((r) => r.kind === 'baugebiet');
    const byId = new Map<string, AreaCompliance>(ca.map((r) => [r.areaId, r]));
    for (const area of cb) {
      const prev = byId.get(area.areaId);
      const rules: RuleDelta[] = area.rules
        .filter((r) => r.rule === 'GRZ' || r.rule === 'GFZ' || r.rule === 'storeys' || r.rule === 'height')
        .map((r) => {
          const p = prev?.rules.find((x) => x.rule === r.rule);
          const statusBefore = p?.status ?? 'unknown';
          const newConflict = r.status === 'exceeded' && statusBefore !== 'exceeded';
          if (newConflict) out.newConflicts.push({ areaId: area.areaId, rule: r.rule });
          return { rule: r.rule, before: p?.value ?? null, after: r.value, limit: r.limit, statusBefore, statusAfter: r.status, newConflict };
        });
      out.areas.push({ areaId: area.areaId, landUse: area.landUse, plotAreaM2: area.plotAreaM2, rules });
    }
  }
  if (opts.sun) {
    const req = { date: opts.sun.date, bbox: opts.sun.bbox, cellM: opts.sun.cellM, stepMin: opts.sun.stepMin, zones: opts.sun.zones, zoneGroupBy: opts.sun.zoneGroupBy };
    const sa = runSunHoursSync({ ...req, buildings: a });
    const sb = runSunHoursSync({ ...req, buildings: b });
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
        return { id: z.id, group: z.group, meanSunHoursBefore: before, meanSunHoursAfter: after, deltaHours: before !== null && after !== null ? after - before : null };
      }),
    };
  }
  return out;
}
