import { Clipper, Clipper64, ClipType, EndType, FillRule, JoinType, type Path64, type Paths64 } from 'clipper2-ts';
import Flatbush from 'flatbush';
import type { LocalFrame } from '../crs/LocalFrame';
import type { BuildingFeature } from '../model/Building';
import type { PlanningProperties } from '../model/PlanningProperties';
import { computeOverlaps } from './computeOverlaps';
import { linesOf, pointInRings } from './localGeometry';
import { CLIP_SCALE, itemPaths, prepareLayer, type LayerItem, type PolygonLayer } from './polygonLayer';
import { isBuildingArea } from '../planning/isBuildingArea';

export type RuleStatus = 'ok' | 'exceeded' | 'unknown';
export type RuleName = 'GR' | 'GRZ' | 'GF' | 'GFZ' | 'storeys' | 'height' | 'baugrenze';

/** One checked rule of one Baugebiet or parcel. */
export interface RuleResult {
  rule: RuleName;
  /** Measured value (m², ratio, storeys, metres, or number of buildings crossing). */
  value: number | null;
  /** The plan's limit; null when the plan does not set it (status 'unknown'). */
  limit: number | null;
  status: RuleStatus;
  /** Buildings involved: those exceeding when exceeded, otherwise those counted. */
  buildingIds: string[];
  note?: string;
}

export interface AreaCompliance {
  /** Baugebiet id, or parcel id for parcel rows. */
  areaId: string;
  kind: 'baugebiet' | 'parcel';
  /** The Baugebiet whose limits apply. */
  baugebietId: string;
  landUse: string;
  /** Plot area (Baugebiet area, or parcel ∩ Baugebiet), m². */
  plotAreaM2: number;
  rules: RuleResult[];
}

export interface ComplianceOptions {
  /** Storey height used when a building has no `storeysAboveGround` (default 3.0 m). */
  storeyHeightM?: number;
  /** A Baugrenze must cut the footprint deeper than this to count (default 0.5 m). */
  baugrenzeToleranceM?: number;
}

export interface ComplianceInput {
  buildings: BuildingFeature[];
  /** Plan features: Baugebiete (polygons) and optionally Baugrenzen/Baulinien (lines). */
  plan: GeoJSON.Feature[];
  /** Extra Baugrenze/Baulinie features (e.g. a separate file). */
  baugrenzen?: GeoJSON.Feature[];
  parcels?: GeoJSON.Feature[];
  frame: LocalFrame;
}

const LINE_CLASSES = /^BP_Bau(Grenze|Linie)$/i;
const BUILDABLE_CLASSES = /^BP_UeberbaubareGrundstuecksFlaeche$/i;
/** Storeys of a building: `storeysAboveGround`, else (eave or total) height ÷ storey height, at least 1. */
export function buildingStoreys(p: BuildingFeature['properties'], storeyHeightM = 3): number {
  if (p.storeysAboveGround !== undefined && p.storeysAboveGround > 0) return p.storeysAboveGround;
  const h = p.eaveHeightM ?? p.heightM;
  return Math.max(1, Math.round(h / storeyHeightM));
}

/**
 * Plan compliance per Baugebiet (and per parcel where parcels are given):
 * GR/GRZ (BauNVO §19: footprint area ÷ plot area), GF/GFZ (§20: footprint ×
 * full storeys), storeys vs Z, height vs the maximum height with its
 * reference, and buildings crossing a Baugrenze/Baulinie or the outline of an
 * überbaubare Grundstücksfläche (or standing wholly outside one).
 *
 * @example computeCompliance({ buildings: b.features, plan: bp.features, frame })
 */
export function computeCompliance(input: ComplianceInput, opts: ComplianceOptions = {}): AreaCompliance[] {
  const storeyH = opts.storeyHeightM ?? 3;
  const tol = opts.baugrenzeToleranceM ?? 0.5;
  const { frame } = input;
  const areaFeatures = input.plan.filter(isBuildingArea);
  const cls = (f: GeoJSON.Feature) => String((f.properties as PlanningProperties | null)?.featureClass ?? '');
  const extra = input.baugrenzen ?? [];
  // Baugrenzen/Baulinien, and the outlines of überbaubare Grundstücksflächen, act as lines.
  const lineFeatures = [...input.plan, ...extra].filter((f) => LINE_CLASSES.test(cls(f)) || BUILDABLE_CLASSES.test(cls(f)) || extra.includes(f));
  const buildable = prepareLayer([...input.plan, ...extra].filter((f) => BUILDABLE_CLASSES.test(cls(f))), frame);
  const areas = prepareLayer(areaFeatures, frame);
  const blds = prepareLayer(input.buildings, frame);
  const lines = prepareLines(lineFeatures, frame);
  const byIndex = new Map(blds.items.map((b) => [b.index, b]));
  const crossing = new Map<number, boolean>();
  const crosses = (b: LayerItem) => {
    let c = crossing.get(b.index);
    if (c === undefined) crossing.set(b.index, (c = buildingCrossesLines(b, lines, tol) || outsideBuildable(b, buildable)));
    return c;
  };

  const results: AreaCompliance[] = [];
  const bOverlaps = computeOverlaps(areas, blds);
  const perArea = groupPairs(bOverlaps.pairs.map((p) => ({ area: p.aIndex, building: p.bIndex, areaM2: p.areaM2 })));
  for (const a of areas.items) {
    results.push(
      checkArea(a, a.areaM2, 'baugebiet', a.id, a.properties as PlanningProperties, perArea.get(a.index) ?? [], byIndex, input.buildings, storeyH, lines, crosses),
    );
  }
  if (input.parcels?.length) {
    const parcels = prepareLayer(input.parcels, frame);
    // Each parcel takes the limits of the Baugebiet it overlaps most; its plot is parcel ∩ Baugebiet.
    const pa = computeOverlaps(parcels, areas);
    const best = new Map<number, { area: number; areaM2: number }>();
    for (const p of pa.pairs) {
      const cur = best.get(p.aIndex);
      if (!cur || p.areaM2 > cur.areaM2) best.set(p.aIndex, { area: p.bIndex, areaM2: p.areaM2 });
    }
    const pb = computeOverlaps(parcels, blds);
    const perParcel = groupPairs(pb.pairs.map((p) => ({ area: p.aIndex, building: p.bIndex, areaM2: p.areaM2 })));
    const areaByIndex = new Map(areas.items.map((a) => [a.index, a]));
    for (const parcel of parcels.items) {
      const bg = best.get(parcel.index);
      if (!bg) continue;
      const area = areaByIndex.get(bg.area)!;
      results.push(
        checkArea(parcel, bg.areaM2, 'parcel', area.id, area.properties as PlanningProperties, perParcel.get(parcel.index) ?? [], byIndex, input.buildings, storeyH, lines, crosses),
      );
    }
  }
  return results;
}

function groupPairs(pairs: { area: number; building: number; areaM2: number }[]): Map<number, { building: number; areaM2: number }[]> {
  const m = new Map<number, { building: number; areaM2: number }[]>();
  for (const p of pairs) {
    let l = m.get(p.area);
    if (!l) m.set(p.area, (l = []));
    l.push({ building: p.building, areaM2: p.areaM2 });
  }
  return m;
}

function checkArea(
  a: LayerItem,
  plot: number,
  kind: 'baugebiet' | 'parcel',
  baugebietId: string,
  plan: PlanningProperties,
  inside: { building: number; areaM2: number }[],
  byIndex: Map<number, LayerItem>,
  features: BuildingFeature[],
  storeyH: number,
  lines: LineSet,
  crosses: (b: LayerItem) => boolean,
): AreaCompliance {
  let gr = 0, gf = 0;
  const counted: string[] = [];
  // Storeys, height and Baugrenze judge a building where most of it stands (≥ 50 % of its footprint).
  const main: { item: LayerItem; props: BuildingFeature['properties'] }[] = [];
  for (const { building, areaM2 } of inside) {
    const item = byIndex.get(building)!;
    const props = features[building].properties;
    gr += areaM2;
    gf += areaM2 * buildingStoreys(props, storeyH);
    counted.push(item.id);
    if (areaM2 >= 0.5 * item.areaM2) main.push({ item, props });
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const grz = num(plan.grz), gfz = num(plan.gfz), grM2 = num(plan.grM2), gfM2 = num(plan.gfM2);
  const rules: RuleResult[] = [];
  const limitRule = (rule: RuleName, value: number, limit: number | undefined, note?: string): RuleResult => ({
    rule,
    value,
    limit: limit ?? null,
    status: limit === undefined ? 'unknown' : value > limit + 1e-9 ? 'exceeded' : 'ok',
    buildingIds: counted,
    ...(note ? { note } : {}),
  });
  rules.push(limitRule('GR', gr, grM2 ?? (grz !== undefined ? grz * plot : undefined), grM2 === undefined && grz !== undefined ? 'limit = GRZ × plot area' : undefined));
  rules.push(limitRule('GRZ', plot > 0 ? gr / plot : 0, grz ?? (grM2 !== undefined && plot > 0 ? grM2 / plot : undefined)));
  rules.push(limitRule('GF', gf, gfM2 ?? (gfz !== undefined ? gfz * plot : undefined), gfM2 === undefined && gfz !== undefined ? 'limit = GFZ × plot area' : undefined));
  rules.push(limitRule('GFZ', plot > 0 ? gf / plot : 0, gfz ?? (gfM2 !== undefined && plot > 0 ? gfM2 / plot : undefined)));

  const maxStoreys = num(plan.maxStoreys);
  const st = main.map((m) => ({ id: m.item.id, v: buildingStoreys(m.props, storeyH) }));
  rules.push(maxRule('storeys', st, maxStoreys));

  const nhn = num(plan.maxHeightNhnM);
  const rel = num(plan.maxHeightM);
  const absoluteRef = /nhn|dhhn|nn/i.test(String(plan.heightReference ?? ''));
  if (nhn !== undefined || (rel !== undefined && absoluteRef)) {
    const hs = main.map((m) => ({ id: m.item.id, v: m.props.groundHeightM + m.props.heightM }));
    rules.push({ ...maxRule('height', hs, nhn ?? rel), note: 'absolute height (groundHeightM + heightM) vs maximum height above NHN' });
  } else {
    const hs = main.map((m) => ({ id: m.item.id, v: m.props.heightM }));
    const r = maxRule('height', hs, rel);
    if (rel !== undefined && plan.heightReference) r.note = `height above ground vs maximum height above ${plan.heightReference} (taken as ground level)`;
    rules.push(r);
  }

  const hasLines = lines.index !== null && lines.index.search(a.minX, a.minY, a.maxX, a.maxY).length > 0;
  if (!hasLines) rules.push({ rule: 'baugrenze', value: null, limit: null, status: 'unknown', buildingIds: [], note: 'no Baugrenze/Baulinie in this area' });
  else {
    const crossingIds = main.filter((m) => crosses(m.item)).map((m) => m.item.id);
    rules.push({ rule: 'baugrenze', value: crossingIds.length, limit: 0, status: crossingIds.length ? 'exceeded' : 'ok', buildingIds: crossingIds.length ? crossingIds : main.map((m) => m.item.id) });
  }
  return { areaId: a.id, kind, baugebietId, landUse: String(plan.landUse ?? ''), plotAreaM2: plot, rules };
}

function maxRule(rule: RuleName, values: { id: string; v: number }[], limit: number | undefined): RuleResult {
  const value = values.length ? Math.max(...values.map((x) => x.v)) : null;
  if (limit === undefined) return { rule, value, limit: null, status: 'unknown', buildingIds: values.map((x) => x.id) };
  const over = values.filter((x) => x.v > limit + 1e-9).map((x) => x.id);
  return { rule, value, limit, status: over.length ? 'exceeded' : 'ok', buildingIds: over.length ? over : values.map((x) => x.id) };
}

interface LineSet {
  paths: Path64[];
  boxes: [number, number, number, number][];
  index: Flatbush | null;
}

function prepareLines(features: GeoJSON.Feature[], frame: LocalFrame): LineSet {
  const paths: Path64[] = [];
  const boxes: [number, number, number, number][] = [];
  for (const f of features)
    for (const line of linesOf(f.geometry)) {
      if (line.length < 2) continue;
      const path: Path64 = [];
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const c of line) {
        const [x, y] = frame.toLocal(c);
        path.push({ x: Math.round(x * CLIP_SCALE), y: Math.round(y * CLIP_SCALE) });
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      paths.push(path);
      boxes.push([minX, minY, maxX, maxY]);
    }
  let index: Flatbush | null = null;
  if (paths.length) {
    index = new Flatbush(paths.length);
    for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
  }
  return { paths, boxes, index };
}

/**
 * A building that crosses no line but stands wholly outside every überbaubare
 * Grundstücksfläche near it (when the plan has such areas there) also counts.
 */
function outsideBuildable(b: LayerItem, buildable: PolygonLayer): boolean {
  if (!buildable.index) return false;
  const near = buildable.index.search(b.minX - 50, b.minY - 50, b.maxX + 50, b.maxY + 50);
  if (!near.length) return false;
  const x = b.polygons[0][0][0], y = b.polygons[0][0][1];
  return !near.some((i) => buildable.items[i].polygons.some((p) => pointInRings(x, y, p)));
}

/** A building crosses a Baugrenze when a line cuts its footprint shrunk inward by the tolerance. */
function buildingCrossesLines(b: LayerItem, lines: LineSet, tol: number): boolean {
  if (!lines.index) return false;
  const cand = lines.index.search(b.minX, b.minY, b.maxX, b.maxY);
  if (!cand.length) return false;
  const shrunk: Paths64 = Clipper.inflatePaths(itemPaths(b), -tol * CLIP_SCALE, JoinType.Miter, EndType.Polygon);
  if (!shrunk.length) return false;
  const c = new Clipper64();
  c.addOpenSubject(cand.map((i) => lines.paths[i]));
  c.addClip(shrunk);
  const closed: Paths64 = [], open: Paths64 = [];
  c.execute(ClipType.Intersection, FillRule.NonZero, closed, open);
  return open.some((p) => p.length >= 2);
}

/**
 * The buildings a table row names: those that break the rule. A rule that holds (or cannot be checked) counts every
 * building of its area, and writing them all on every row of the area repeated the area's whole list per rule.
 */
export function offendingBuildingIds(x: { status: string; buildingIds: string[] }): string[] {
  return x.status === 'exceeded' ? x.buildingIds : [];
}
