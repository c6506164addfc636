import type { BuildingCollection } from '../../model/Building';
import type { AnalysisDescriptor } from '../AnalysisDescriptor';
import { computeCompliance, offendingBuildingIds, type AreaCompliance } from '../computeCompliance';
import { frameAroundFeatures } from '../localGeometry';
import { checkpoint } from '../runSteps';
import type { ComplianceRequest } from '../runAnalysis';
import { baugebietLights } from './baugebietLights';
import { buildingInfo } from './buildingInfo';

export interface ComplianceParams {
  storeyHeightM?: number;
  baugrenzeToleranceM?: number;
}

/** Panel and map: rows per Baugebiet and parcel, their labels, the exceeding buildings and the lights. */
export interface ComplianceSummary {
  kind: 'compliance';
  areas: AreaCompliance[];
  /** Baugebiet id → its label in the plan ("WA 1"). */
  labels: Record<string, string>;
  /** Building id → [lon, lat] of its footprint's box centre, to fly to. */
  buildingCentres: Record<string, [number, number]>;
  /** Attributes of those buildings (from the footprints, roof geometry left out), shown when one is selected. */
  buildingProperties: Record<string, Record<string, unknown>>;
  /** The Baugebiete (WGS84) with property `light` (ok | exceeded | unknown), for the map. */
  lightsGeojson: GeoJSON.FeatureCollection;
  /** Baugebiete with closed building pattern (bauweise geschlossen): density is judged for the zone, not per parcel. */
  closedZones: string[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
// PlanZV abbreviations of the Baugebiete (WA, MI, MDW, SO, …): a name on their own; a long land-use key
// (GEMEINBEDARF) is not, and the area's own inscription or purpose names it better.
const ABBREVIATION = /^[A-Z]{1,3}$/;

/**
 * Baugebiet id → its name as the plan writes it: the label ("WA 1"), else the PlanZV abbreviation of its land use
 * ("WA"), else the area's inscription or first purpose (a Gemeinbedarfsfläche "Kindertagesheim", a special-purpose
 * area "SERVICEGEBÄUDE MARINA"), else its land use.
 */
export function zoneLabels(plan: GeoJSON.FeatureCollection): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of plan.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(p.id ?? f.id ?? '');
    const landUse = text(p.landUse);
    const purpose = Array.isArray(p.purpose) ? text((p.purpose[0] as { de?: unknown } | undefined)?.de) : undefined;
    const label = text(p.gliederung1) ?? (landUse && ABBREVIATION.test(landUse) ? landUse : undefined) ?? text(p.text) ?? purpose ?? landUse;
    if (id && label) out[id] = label;
  }
  return out;
}

const fmt = (v: number, d: number) => (Number.isFinite(v) ? Number(v.toFixed(d)) : null);

/** Compliance rows as table rows: one per area and rule; `buildingIds` only where the rule is exceeded. */
export function complianceRows(res: AreaCompliance[]): (string | number | null)[][] {
  return res.flatMap((a) =>
    a.rules.map((x) => [a.areaId, a.kind, a.baugebietId, a.landUse, fmt(a.plotAreaM2, 2), x.rule, x.value === null ? null : fmt(x.value, 4), x.limit === null ? null : fmt(x.limit, 4), x.status, offendingBuildingIds(x).join(';'), x.note ?? '']),
  );
}

/** Plan compliance per Baugebiet and parcel: GRZ, GFZ, storeys, height, Baugrenze (see `computeCompliance`). */
export const complianceAnalysis: AnalysisDescriptor<ComplianceParams, ComplianceRequest, AreaCompliance[], ComplianceSummary> = {
  kind: 'compliance',
  needs: () => ['buildings', 'compliance'],
  buildRequest(inputs, p) {
    if (!inputs.buildings) throw new Error('compliance: no buildings');
    if (!inputs.plan) throw new Error('compliance: no Baugebiete (plan)');
    return {
      buildings: inputs.buildings,
      plan: inputs.plan,
      ...(inputs.buildingLines ? { baugrenzen: inputs.buildingLines } : {}),
      ...(inputs.parcels ? { parcels: inputs.parcels } : {}),
      ...p,
    };
  },
  async run(req, ctx) {
    ctx.progress(0, 2);
    const frame = frameAroundFeatures(req.plan.features);
    await checkpoint(ctx);
    const areas = computeCompliance(
      { buildings: req.buildings.features, plan: req.plan.features, baugrenzen: req.baugrenzen?.features, parcels: req.parcels?.features, frame },
      { storeyHeightM: req.storeyHeightM, baugrenzeToleranceM: req.baugrenzeToleranceM },
    );
    ctx.progress(1, 2);
    await checkpoint(ctx);
    ctx.progress(2, 2);
    return areas;
  },
  summarise(areas, req) {
    const labels = zoneLabels(req.plan);
    const closedZones = req.plan.features.filter((f) => f.properties?.bauweise === 'geschlossen').map((f) => String(f.properties?.id ?? f.id));
    const light = new Map(baugebietLights(areas, labels, closedZones).map((l) => [l.id, l.light]));
    const idOf = (f: GeoJSON.Feature) => String(f.properties?.id ?? f.id);
    return {
      kind: 'compliance',
      areas,
      labels,
      ...buildingInfo(req.buildings as BuildingCollection, areas),
      closedZones,
      lightsGeojson: {
        type: 'FeatureCollection',
        features: req.plan.features.filter((f) => light.has(idOf(f))).map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: idOf(f), light: light.get(idOf(f)) } })),
      },
    };
  },
  tables: (areas) => [
    { name: '', header: ['areaId', 'kind', 'baugebietId', 'landUse', 'plotAreaM2', 'rule', 'value', 'limit', 'status', 'buildingIds', 'note'], rows: complianceRows(areas), bom: false, eol: '\n' },
  ],
};
