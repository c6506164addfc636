import type { BuildingCollection } from '../../model/Building';
import type { AnalysisDescriptor } from '../AnalysisDescriptor';
import { runSteps } from '../runSteps';
import { mergeZoneLayers } from '../sunHours/sunHoursAnalysis';
import { zoneLabels } from '../compliance/complianceAnalysis';
import { changedBbox } from './changedBbox';
import { sunGroupSummary, type SunGroupSummary } from './sunGroupSummary';
import { compareVariantsSteps, type CompareOptions, type CompareSide, type VariantComparison } from './compareVariants';

export interface CompareParams {
  before: CompareSide;
  after: CompareSide;
  /** Sun-hour change around the changed buildings on a local date (see `analysisDate`). */
  sun?: { date: string; cellM: number; stepMin: number; marginM: number };
}

export interface CompareRequest {
  existing: BuildingCollection;
  before: CompareSide;
  after: CompareSide;
  opts: CompareOptions;
  /** A sun change was asked for (it is left out when no building differs). */
  sunAsked: boolean;
  /** Zone id → its name in its layer (playground or park name, parcel number). */
  zoneNames: Record<string, string>;
  /** How far around the changed buildings the sun change was computed, m. */
  sunMarginM?: number;
}

/**
 * The comparison, plus `sunSkipped` when a sun change was asked for but
 * nothing differs; Baugebiete named as the plan names them (`labels`: "MU 1"),
 * the sun zones by name, and the sun per zone group (layer) summed up.
 */
export type CompareSummary = VariantComparison & {
  kind: 'compare';
  hasFootprints: boolean;
  hasPlan: boolean;
  sunSkipped?: 'nothing-changed';
  /** Baugebiet id → its label in the plan ("MU 1"), else its land use. */
  labels: Record<string, string>;
  /** Sun zone id → name, for the zones of the result. */
  zoneNames: Record<string, string>;
  /** Per zone group (layer id): area-weighted mean sun hours and share ≥ 2 h, before and after. */
  sunGroups: SunGroupSummary[];
  sunMarginM?: number;
  /** The area (WGS84 bbox) the sun change was computed on: the changed buildings plus the margin. */
  sunBbox?: [number, number, number, number];
};

/**
 * Two states of the city compared (see `compareVariants`), read through the
 * same roles as the panel: buildings without a variant, the Baugebiete of the
 * `zoning` layers, the sun zones.
 */
export const compareAnalysis: AnalysisDescriptor<CompareParams, CompareRequest, VariantComparison, CompareSummary> = {
  kind: 'compare',
  // Without footprints the measures count proposed buildings only; without Baugebiete there is no delta table.
  needs: (p) => (p.sun ? ['buildings?', 'zoning?', 'sunZones'] : ['buildings?', 'zoning?']),
  buildRequest(inputs, p) {
    if (!inputs.buildings) throw new Error('compare: no buildings');
    const bbox = p.sun ? changedBbox(inputs.buildings, p.before, p.after, p.sun.marginM) : null;
    const merged = inputs.zoneLayers?.length ? mergeZoneLayers(inputs.zoneLayers) : undefined;
    const zones = merged?.zones ?? inputs.zones;
    return {
      existing: inputs.buildings,
      before: p.before,
      after: p.after,
      sunAsked: !!p.sun,
      zoneNames: merged ? Object.fromEntries(merged.labels) : {},
      ...(p.sun ? { sunMarginM: p.sun.marginM } : {}),
      opts: {
        ...(inputs.plan ? { plan: inputs.plan } : {}),
        ...(p.sun && bbox ? { sun: { date: p.sun.date, bbox, cellM: p.sun.cellM, stepMin: p.sun.stepMin, ...(zones ? { zones, zoneGroupBy: '__layer' } : {}) } } : {}),
      },
    };
  },
  run: (req, ctx) => runSteps(compareVariantsSteps(req.existing, req.before, req.after, req.opts), ctx),
  summarise: (r, req) => ({
    ...r,
    kind: 'compare',
    hasFootprints: req.existing.features.length > 0,
    hasPlan: !!req.opts.plan?.features.length,
    ...(req.sunAsked && !r.sun ? { sunSkipped: 'nothing-changed' as const } : {}),
    labels: req.opts.plan ? zoneLabels(req.opts.plan) : {},
    zoneNames: Object.fromEntries((r.sun?.zones ?? []).map((z) => [z.id, req.zoneNames[z.id] ?? z.id])),
    sunGroups: r.sun ? sunGroupSummary(r.sun.zones) : [],
    ...(req.sunMarginM !== undefined ? { sunMarginM: req.sunMarginM } : {}),
    ...(req.opts.sun ? { sunBbox: req.opts.sun.bbox } : {}),
  }),
  tables: (r) => [
    {
      name: '',
      header: ['areaId', 'landUse', 'rule', 'before', 'after', 'limit', 'statusBefore', 'statusAfter', 'newConflict'],
      rows: r.areas.flatMap((a) => a.rules.map((x) => [a.areaId, a.landUse, x.rule, x.before, x.after, x.limit, x.statusBefore, x.statusAfter, x.newConflict])),
      // As in the compliance table: 4 decimals (GRZ 0.3376). Full doubles differed in the 12th significant digit
      // between the browser's worker and the CLI for the same inputs, so their CSVs were not the same bytes.
      decimals: [undefined, undefined, undefined, 4, 4, 4],
    },
    ...(r.sun
      ? [
          {
            name: 'zones',
            header: ['id', 'group', 'meanSunHoursBefore', 'meanSunHoursAfter', 'deltaHours', 'shareAtLeast2hBefore', 'shareAtLeast2hAfter'],
            rows: r.sun.zones.map((z) => [z.id, z.group, z.meanSunHoursBefore, z.meanSunHoursAfter, z.deltaHours, z.shareAtLeast2hBefore, z.shareAtLeast2hAfter]),
            decimals: [undefined, undefined, 3, 3, 3, 3, 3],
          },
          {
            name: 'facades',
            header: ['buildingId', 'lon', 'lat', 'heightM', 'azimuthDeg', 'sunHoursBefore', 'sunHoursAfter', 'deltaHours'],
            rows: r.sun.facades.map((f) => [f.buildingId, f.lonLat[0], f.lonLat[1], f.heightM, f.azimuthDeg, f.sunHoursBefore, f.sunHoursAfter, f.deltaHours]),
            decimals: [undefined, 7, 7, 2, 1, 3, 3, 3],
          },
        ]
      : []),
  ],
};
