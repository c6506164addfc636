import type { LoadedInputs } from '../analysis/AnalysisDescriptor';
import { frameAroundFeatures, pointInRings, polygonArea, polygonsOf, polygonToLocal, ringsBox, type LocalPolygon } from '../analysis/localGeometry';
import type { LocalFrame } from '../crs/LocalFrame';
import type { ReportArea } from './ReportDocument';

/** The resolved area of a report: its outline (WGS84), label, and a test "does this feature belong to it". */
export interface ResolvedArea {
  kind: ReportArea['kind'];
  label: string;
  /** Outline, WGS84; null for the whole dataset. */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  /** The plan feature when the area is a plan. */
  plan?: GeoJSON.Feature;
  /** Whether a feature's representative point (its box centre, metres) lies in the area. */
  contains(f: GeoJSON.Feature): boolean;
  /** WGS84 bbox of the area (or of `fallback` for the whole dataset). */
  bbox(fallback: GeoJSON.Feature[]): [number, number, number, number];
}

const idOf = (f: GeoJSON.Feature) => String((f.properties as Record<string, unknown> | null)?.id ?? f.id ?? '');

/** Box centre of a feature in the frame (points: the point). */
function centreOf(f: GeoJSON.Feature, frame: LocalFrame): [number, number] | undefined {
  const g = f.geometry;
  if (!g) return undefined;
  const pts: number[] = [];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') pts.push(...frame.toLocal([c[0], c[1] as number]));
    else for (const x of c) visit(x);
  };
  if ('coordinates' in g) visit(g.coordinates);
  if (!pts.length) return undefined;
  const box = ringsBox([pts]);
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/**
 * Resolves the report area against the plan outlines and Baugebiete; a plan or
 * Baugebiet that does not exist is an error naming the ids that do.
 * Features belong to the area when their box centre lies inside it (a
 * Baugebiet, playground or parcel is reported whole or not at all).
 */
export function resolveArea(area: ReportArea, plans: GeoJSON.Feature[], zoning: GeoJSON.Feature[]): ResolvedArea {
  let geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null = null;
  let label = '';
  let plan: GeoJSON.Feature | undefined;
  if (area.kind === 'plan') {
    const withPoly = plans.filter((f) => polygonsOf(f.geometry).length);
    plan = area.id ? withPoly.find((f) => idOf(f) === area.id) : withPoly[0];
    if (!plan) throw new Error(area.id ? `report area: no plan "${area.id}" (plans: ${withPoly.map(idOf).join(', ') || 'none'})` : 'report area: the dataset has no plan outline (a layer with role "plan")');
    geometry = plan.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const p = (plan.properties ?? {}) as Record<string, unknown>;
    label = [p.planName ?? p.name, p.nummer ?? p.planNumber].filter((v) => typeof v === 'string' && v).join(' · ') || idOf(plan);
  } else if (area.kind === 'baugebiet') {
    const f = zoning.find((z) => idOf(z) === area.id);
    if (!f) throw new Error(`report area: no Baugebiet "${area.id}" (Baugebiete: ${zoning.map(idOf).join(', ') || 'none'})`);
    geometry = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    label = String(p.gliederung1 ?? p.landUse ?? area.id);
  } else if (area.kind === 'polygon') {
    if (!polygonsOf(area.geometry).length) throw new Error('report area: the polygon has no rings');
    geometry = area.geometry;
    label = area.name ?? '';
  }
  if (!geometry) return { kind: area.kind, label, geometry, contains: () => true, bbox: (fb) => wgs84Bbox(fb) };
  const feature: GeoJSON.Feature = { type: 'Feature', geometry, properties: {} };
  const frame = frameAroundFeatures([feature]);
  const polys: LocalPolygon[] = polygonsOf(geometry).map((p) => polygonToLocal(p, frame));
  return {
    kind: area.kind,
    label,
    geometry,
    ...(plan ? { plan } : {}),
    contains(f) {
      const c = centreOf(f, frame);
      return !!c && polys.some((p) => pointInRings(c[0], c[1], p));
    },
    bbox: () => wgs84Bbox([feature]),
  };
}

/** Area of a WGS84 polygon in m² (in a frame around it). */
export function geometryAreaM2(g: GeoJSON.Polygon | GeoJSON.MultiPolygon | null, fallback: GeoJSON.Feature[]): number {
  const feats = g ? [{ type: 'Feature', geometry: g, properties: {} } as GeoJSON.Feature] : fallback;
  const polyFeats = feats.filter((f) => polygonsOf(f.geometry).length);
  if (!polyFeats.length) return 0;
  const frame = frameAroundFeatures(polyFeats);
  return polyFeats.reduce((s, f) => s + polygonsOf(f.geometry).reduce((t, p) => t + polygonArea(polygonToLocal(p, frame)), 0), 0);
}

/** WGS84 [minLon, minLat, maxLon, maxLat] of features. */
export function wgs84Bbox(features: GeoJSON.Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1] as number); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1] as number);
    } else for (const x of c) visit(x);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(b[0])) throw new Error('report area: no coordinates to take an extent from');
  return b;
}

const only = (fc: GeoJSON.FeatureCollection | undefined, a: ResolvedArea) => (fc ? { ...fc, features: fc.features.filter((f) => a.contains(f)) } : fc);

/**
 * Loaded inputs restricted to the area: Baugebiete, parcels, sun zones and
 * layers by id. Buildings stay whole: a building outside the area still
 * shades it, and compliance assigns buildings to the Baugebiete left.
 */
export function inputsInArea(inputs: LoadedInputs, a: ResolvedArea): LoadedInputs {
  if (!a.geometry) return inputs;
  const out: LoadedInputs = { ...inputs };
  if (inputs.plan) out.plan = only(inputs.plan, a);
  if (inputs.parcels) out.parcels = only(inputs.parcels, a);
  if (inputs.zones) out.zones = only(inputs.zones, a);
  if (inputs.zoneLayers) out.zoneLayers = inputs.zoneLayers.map((z) => ({ layerId: z.layerId, fc: only(z.fc, a)! }));
  if (inputs.layers) out.layers = Object.fromEntries(Object.entries(inputs.layers).map(([k, v]) => [k, only(v, a)!]));
  return out;
}
