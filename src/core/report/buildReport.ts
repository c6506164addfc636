import type { AnalysisTable, LoadedInputs, Need, RunContext } from '../analysis/AnalysisDescriptor';
import { analysisInputs } from '../analysis/analysisInputs';
import { ANALYSES, type AnalysisKindId, type ParamsOf, type SummaryOf } from '../analysis/analysisKinds';
import { baugebietLights } from '../analysis/compliance/baugebietLights';
import { LocalFrame } from '../crs/LocalFrame';
import type { BuildingFeature } from '../model/Building';
import type { Catalog, CatalogLayer } from '../model/Catalog';
import { facadeSamplePoints } from './facadeSamplePoints';
import { reportGeoJson } from './reportGeoJson';
import { reportMaps } from './reportMaps';
import { reportSceneViews } from './reportSceneViews';
import { geometryAreaM2, inputsInArea, resolveArea } from './reportArea';
import type { KeyFigure, Light, ReportDocument, ReportParams, ReportVariant } from './ReportDocument';
import { zoneHistograms } from './zoneHistograms';

/** Loads a kind's inputs for a variant (null: the existing city): the worker's dataset store or the CLI's files. */
export type ReportLoader = (variant: ReportVariant | null, needs: Need[]) => Promise<{ inputs: LoadedInputs; layers: string[] }>;

/** Where a report is built: the dataset, how to load its layers, and what the provenance names. */
export interface ReportSource {
  catalog: Catalog;
  /** Every layer of the registry (catalog + dropped). */
  layers: CatalogLayer[];
  load: ReportLoader;
  appVersion: string;
  buildCommit: string;
  /** ISO 8601 time of the build (tests fix it). */
  now: string;
}

/**
 * Builds a report: runs the analysis descriptors (layer statistics, overlaps
 * of the Baugebiete with the environment layers, compliance, sun hours,
 * façade points, and the variant comparison) on the chosen area and variants,
 * and gathers their summaries and tables into one document with key figures,
 * maps and provenance. Every figure comes from a descriptor; nothing is computed twice.
 * Progress goes to `ctx.progress` (weights by stage); `ctx.signal` cancels.
 *
 * @example const doc = await buildReport({ lang: 'de', area: { kind: 'plan' }, variants: [], date: '2025-03-21' }, source, ctx)
 */
export async function buildReport(params: ReportParams, src: ReportSource, ctx: RunContext): Promise<ReportDocument> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(params.date)) throw new Error(`report: date "${params.date}" must be YYYY-MM-DD`);
  if (params.variants.length > 2) throw new Error(`report: at most two variants (got ${params.variants.length})`);
  const cellM = params.cellM ?? 2, stepMin = params.stepMin ?? 10, threshold = params.facadeThresholdHours ?? 1.5;
  const roles = analysisInputs(src.layers);
  const polygonLayers = roles.polygonLayers;
  // Default: the planning and environment layers (footprints and parcels have a category per feature, not a land use).
  const statLayers = (params.layers ?? polygonLayers.filter((l) => !['buildings', 'buildingFootprints', 'parcels'].includes(l.role ?? '')).map((l) => l.id)).filter((id) => polygonLayers.some((l) => l.id === id) || src.layers.some((l) => l.id === id));
  for (const id of params.layers ?? []) if (!src.layers.some((l) => l.id === id)) throw new Error(`report: layer "${id}" is not in dataset ${src.catalog.id} (layers: ${src.layers.map((l) => l.id).join(', ')})`);
  const zoningLayer = roles.zoning[0];
  const envLayers = polygonLayers.filter((l) => l.role && ['flood', 'protection', 'water', 'green', 'trees'].includes(l.role) && l.id !== zoningLayer?.id);
  const primary = params.variants.length === 2 ? params.variants[0] : (params.variants[0] ?? null);
  const variantName = (v: ReportVariant | null) => v?.name ?? '—';

  // Stages and weights: the sun analyses dominate.
  const stages: { id: string; w: number }[] = [
    { id: 'prepare', w: 1 },
    { id: 'layerStats', w: 1 },
    ...envLayers.map((l) => ({ id: `overlaps:${l.id}`, w: 1 })),
    { id: 'compliance', w: 2 },
    { id: 'sunHours', w: 10 },
    { id: 'sunPoints', w: 4 },
    ...(params.variants.length ? [{ id: 'compare', w: 10 }] : []),
  ];
  const total = stages.reduce((s, x) => s + x.w, 0);
  let doneW = 0;
  const stageCtx = (w: number): RunContext => ({
    signal: ctx.signal,
    progress: (d, t) => ctx.progress(Math.round(((doneW + (t > 0 ? (w * d) / t : 0)) / total) * 1000), 1000),
  });
  const analyses: ReportDocument['provenance']['analyses'] = [];
  const tables: ReportDocument['tables'] = [];
  const pushTables = (prefix: string, ts: AnalysisTable[]) => {
    for (const t of ts) tables.push({ ...t, file: t.name ? `${prefix}-${t.name}` : prefix, bom: true, eol: '\r\n' });
  };

  /** Runs one kind through its descriptor on the area's inputs. */
  async function run<K extends AnalysisKindId>(kind: K, variant: ReportVariant | null, p: ParamsOf<K>, stage: string, file = kind as string): Promise<{ summary: SummaryOf<K>; inputs: LoadedInputs }> {
    const st = stages.find((s) => s.id === stage)!;
    ctx.signal.throwIfAborted();
    const d = ANALYSES[kind] as unknown as { needs(p: unknown): Need[]; buildRequest(i: LoadedInputs, p: unknown): unknown; run(r: unknown, c: RunContext): Promise<unknown>; summarise(r: unknown, q: unknown): unknown; tables(r: unknown): AnalysisTable[] };
    const { inputs: all, layers } = await src.load(variant, d.needs(p));
    const inputs = inputsInArea(all, resolved);
    const req = d.buildRequest(inputs, p);
    const res = await d.run(req, stageCtx(st.w));
    doneW += st.w;
    ctx.progress(Math.round((doneW / total) * 1000), 1000);
    analyses.push({ kind, variant: variantName(variant), layers, params: JSON.parse(JSON.stringify(p, (k, v) => (k === 'points' && Array.isArray(v) ? `${v.length} points` : k === 'buildings' && Array.isArray(v) ? `${v.length} proposed` : v))) as Record<string, unknown> });
    pushTables(file, d.tables(res));
    return { summary: d.summarise(res, req) as SummaryOf<K>, inputs };
  }

  // The area: plan outlines and Baugebiete read through the same loader.
  ctx.progress(0, 1000);
  const planLayers = src.layers.filter((l) => l.role === 'plan' && l.type === 'geojson-polygons');
  const planNeeds: Need[] = [...planLayers.map((l) => ({ layer: l.id })), 'zoning?', 'buildings?'];
  const base = await src.load(primary, planNeeds);
  const plans = planLayers.flatMap((l) => base.inputs.layers?.[l.id]?.features ?? []);
  const resolved = resolveArea(params.area, plans, base.inputs.plan?.features ?? []);
  const buildingsAll = (base.inputs.buildings?.features ?? []) as BuildingFeature[];
  const zoningInArea = (base.inputs.plan?.features ?? []).filter((f) => resolved.contains(f));
  const extentFeatures = resolved.geometry ? [] : [...(base.inputs.plan?.features ?? []), ...buildingsAll];
  if (!resolved.geometry && !extentFeatures.length) throw new Error('report: the dataset has neither Baugebiete nor building footprints to report on');
  const bbox = resolved.bbox(extentFeatures);
  doneW += 1;

  const layerStats = statLayers.length ? (await run('layerStats', null, { layers: statLayers }, 'layerStats')).summary.layers : [];
  const overlaps: ReportDocument['overlaps'] = [];
  const overlapGeo: { b: string; fc: GeoJSON.FeatureCollection }[] = [];
  for (const env of envLayers) {
    if (!zoningLayer) break;
    const s = (await run('overlaps', null, { a: zoningLayer.id, b: env.id }, `overlaps:${env.id}`, `overlaps-${env.id}`)).summary;
    overlapGeo.push({ b: env.id, fc: s.geojson });
    overlaps.push({ a: zoningLayer.id, b: env.id, aTitle: zoningLayer.title, bTitle: env.title, totalAreaM2: s.totalAreaM2, groups: s.groups });
  }
  if (!zoningLayer) doneW += envLayers.length;

  let compliance: ReportDocument['compliance'] = { variant: variantName(primary), rows: [] };
  let complianceGeo: GeoJSON.FeatureCollection | undefined;
  if (roles.zoning.length && roles.buildings) {
    const c = (await run('compliance', primary, {}, 'compliance')).summary;
    complianceGeo = c.lightsGeojson;
    compliance = {
      variant: variantName(primary),
      rows: baugebietLights(c.areas, c.labels, c.closedZones).map((l) => ({
        baugebietId: l.id,
        label: l.label,
        landUse: l.landUse,
        plotAreaM2: l.area?.plotAreaM2 ?? 0,
        light: l.light,
        rules: (l.area?.rules ?? []).filter((r) => r.rule !== 'GR' && r.rule !== 'GF').map((r) => ({ rule: r.rule, value: r.value, limit: r.limit, status: r.status })),
        parcelsExceeded: l.parcels.length,
      })),
    };
  } else doneW += 2;

  // Without building footprints (a plan-only dataset) there is nothing to cast shadows: no sun section, façades or compliance.
  const sh = roles.buildings ? (await run('sunHours', primary, { date: params.date, cellM, stepMin, bbox: padBbox(bbox, 30) }, 'sunHours')).summary : emptySunHours(padBbox(bbox, 30), cellM);
  if (!roles.buildings) doneW += 10;
  const zoneFeatures = new Map<string, GeoJSON.Feature>();
  const shInputs = await src.load(primary, ['sunZones']);
  for (const z of (inputsInArea(shInputs.inputs, resolved).zoneLayers ?? []).filter((x) => src.layers.some((l) => l.id === x.layerId && (l.role === 'playgrounds' || l.role === 'green')))) z.fc.features.forEach((f, i) => zoneFeatures.set(`${z.layerId}:${String(f.properties?.id ?? f.id ?? i)}`, f));
  // The report's sun zones are the playgrounds and green spaces (parcels stay in the descriptor's zone table).
  const reportZoneLayers = new Set(src.layers.filter((l) => l.role === 'playgrounds' || l.role === 'green').map((l) => l.id));
  const zones = sh.zones.filter((z) => reportZoneLayers.has(z.layerId)).map((z) => ({ id: z.id, layerId: z.layerId, label: z.label, groundAreaM2: z.groundAreaM2, meanSunHours: z.meanSunHours, shareAtLeast2h: z.shareAtLeast2h, shareAtLeast4h: z.shareAtLeast4h, complete: z.complete }));
  const layerTitle = (id: string) => src.layers.find((l) => l.id === id)?.title ?? { de: id, en: id };
  const histograms = zoneHistograms(sh, zones.map((z) => ({ id: z.id, layerId: z.layerId, feature: zoneFeatures.get(z.id) })).filter((z) => z.feature) as { id: string; layerId: string; feature: GeoJSON.Feature }[]).map((h) => ({ ...h, title: layerTitle(h.layerId) }));

  const inArea = buildingsAll.filter((b) => resolved.contains(b));
  const facadeInputs = facadeSamplePoints(inArea, { max: 160 });
  const byId = new Map(facadeInputs.map((p) => [p.id, p]));
  const sp = facadeInputs.length ? (await run('sunPoints', primary, { date: params.date, stepMin, points: facadeInputs, thresholdHours: threshold }, 'sunPoints', 'facades')).summary : undefined;
  if (!sp) doneW += 4;
  const facades: ReportDocument['facades'] = {
    thresholdHours: threshold,
    points: (sp?.rows ?? []).map((r) => ({ id: r.id, buildingId: byId.get(r.id)?.buildingId ?? '', lonLat: r.lonLat, azimuthDeg: r.facadeAzimuthDeg ?? 0, heightM: r.heightM, sunHours: r.sunHours, meets: r.meetsThreshold })),
  };

  let deltas: ReportDocument['deltas'];
  let deltaSummary: SummaryOf<'compare'> | undefined;
  if (params.variants.length) {
    const before = params.variants.length === 2 ? params.variants[0] : null;
    const after = params.variants.length === 2 ? params.variants[1] : params.variants[0];
    const side = (v: ReportVariant | null) => (v ? { buildings: v.buildings, demolishedIds: v.demolishedIds } : null);
    const c = (await run('compare', null, { before: side(before), after: side(after), sun: { date: params.date, cellM: Math.max(cellM, 2), stepMin, marginM: 60 } }, 'compare')).summary;
    deltaSummary = c;
    const labels = new Map(zones.map((z) => [z.id, z.label]));
    deltas = {
      before: variantName(before),
      after: variantName(after),
      areas: c.areas.filter((a) => zoningInArea.some((z) => String(z.properties?.id ?? z.id) === a.areaId) || !resolved.geometry),
      newConflicts: c.newConflicts,
      addedBuildings: c.addedBuildingIds.length,
      removedBuildings: c.removedBuildingIds.length,
      zones: (c.sun?.zones ?? []).map((z) => ({ id: z.id, label: labels.get(z.id) ?? z.id, before: z.meanSunHoursBefore, after: z.meanSunHoursAfter, delta: z.deltaHours })),
    };
  }

  const areaM2 = geometryAreaM2(resolved.geometry, zoningInArea);
  const exceeded = compliance.rows.filter((r) => r.light === 'exceeded').length;
  const zoneShare = zones.length ? zones.reduce((s, z) => s + (z.shareAtLeast2h ?? 0) * z.groundAreaM2, 0) / Math.max(1e-9, zones.reduce((s, z) => s + z.groundAreaM2, 0)) : NaN;
  const pass = facades.points.length ? facades.points.filter((p) => p.meets).length / facades.points.length : NaN;
  const keyFigures: KeyFigure[] = [
    { id: 'areaM2', value: areaM2, unit: 'm²', light: 'grey' },
    { id: 'buildings', value: inArea.length, unit: '', light: 'grey' },
    { id: 'exceeded', value: exceeded, unit: '', light: compliance.rows.length ? (exceeded ? 'red' : 'green') : 'grey' },
    ...(deltas ? [{ id: 'newConflicts' as const, value: deltas.newConflicts.length, unit: '' as const, light: (deltas.newConflicts.length ? 'red' : 'green') as Light }] : []),
    ...(roles.buildings ? [{ id: 'meanSunHours' as const, value: sh.meanSunHours, unit: 'h' as const, light: 'grey' as Light }] : []),
    ...(Number.isFinite(zoneShare) ? [{ id: 'zoneShare2h' as const, value: zoneShare * 100, unit: '%' as const, light: lightOf(zoneShare, 0.5, 0.25) }] : []),
    ...(Number.isFinite(pass) ? [{ id: 'facadePass' as const, value: pass * 100, unit: '%' as const, light: lightOf(pass, 0.9, 0.7) }] : []),
  ];

  const frameOf = new LocalFrame(sh.grid.originX, sh.grid.originY);
  const planProps = (resolved.plan?.properties ?? (plans.length === 1 ? plans[0].properties : undefined)) as Record<string, unknown> | undefined;
  const planDate = [planProps?.technHerstellDatum, planProps?.aufstellungsbeschlussDatum].find((v) => typeof v === 'string') as string | undefined;
  const sources = uniqueBy(analyses.flatMap((a) => a.layers), (x) => x)
    .map((id) => src.layers.find((l) => l.id === id))
    .filter((l): l is CatalogLayer => !!l)
    .map((l) => ({ layerId: l.id, title: l.title, url: l.url, attribution: l.attribution }));
  const zoneTimeZone = src.catalog.timeZone ?? 'Europe/Berlin';
  return {
    schema: 'planlotse-report/1',
    lang: params.lang,
    title: {
      text: params.title ?? '',
      dataset: src.catalog.title,
      datasetId: src.catalog.id,
      ...(planProps ? { plan: { id: String(planProps.id ?? ''), name: String(planProps.planName ?? planProps.name ?? ''), ...(planProps.nummer ?? planProps.planNumber ? { number: String(planProps.nummer ?? planProps.planNumber) } : {}), ...(planDate ? { date: planDate } : {}) } } : {}),
      area: { kind: resolved.kind, label: resolved.label, areaM2 },
      variants: params.variants.map((v) => v.name),
      date: params.date,
      author: params.author ?? '',
      createdAt: src.now,
    },
    keyFigures,
    layers: layerStats.map((l) => ({ ...l, title: layerTitle(l.layerId) })),
    overlaps,
    compliance,
    sun: {
      computed: !!roles.buildings,
      date: params.date,
      cellM,
      stepMin,
      meanSunHours: sh.meanSunHours,
      shareAtLeast2h: sh.shareAtLeast2h,
      shareAtLeast4h: sh.shareAtLeast4h,
      zones,
      histograms,
    },
    facades,
    ...(deltas ? { deltas } : {}),
    maps: reportMaps({ frame: frameOf, area: resolved.geometry, zoning: base.inputs.plan?.features ?? [], lights: complianceGeo, buildings: buildingsAll, zones: [...zoneFeatures.values()], sun: sh, delta: deltaSummary?.sun, facades: facades.points }),
    sceneViews: reportSceneViews(bbox, params.date, zoneTimeZone),
    sceneImages: [],
    tables,
    geojson: reportGeoJson({ area: resolved.geometry, areaLabel: resolved.label, lights: complianceGeo, compliance: compliance.rows, zones: zones.map((z) => ({ ...z, feature: zoneFeatures.get(z.id) })), facades: facades.points, overlaps: overlapGeo }),
    provenance: {
      sources,
      attributions: uniqueBy(sources.map((s) => s.attribution).filter(Boolean), (x) => x),
      crs: src.catalog.crs,
      origin: src.catalog.origin,
      timeZone: zoneTimeZone,
      dates: [...(planDate ? [{ label: 'plan', value: planDate }] : []), { label: 'analysis', value: params.date }, ...(src.catalog.generated ? [{ label: 'generated', value: 'demo' }] : [])],
      analyses,
      appVersion: src.appVersion,
      buildCommit: src.buildCommit,
      createdAt: src.now,
    },
  };
}

/** A sun-hours summary with no cells, on a grid over the bbox (the maps' frame and extent when no sun analysis ran). */
function emptySunHours(b: [number, number, number, number], cellM: number): SummaryOf<'sunHours'> {
  const frame = LocalFrame.around([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]);
  const [x0, y0] = frame.toLocal([b[0], b[1]]), [x1, y1] = frame.toLocal([b[2], b[3]]);
  const grid = { x0, y0, cellM, nx: Math.max(1, Math.ceil((x1 - x0) / cellM)), ny: Math.max(1, Math.ceil((y1 - y0) / cellM)), originX: frame.originX, originY: frame.originY };
  return { kind: 'sunHours', grid, sunHours: new Float32Array(0), building: new Uint8Array(0), stepCount: 0, stepHours: 0, meanSunHours: 0, shareAtLeast2h: 0, shareAtLeast4h: 0, groundCells: 0, zones: [] };
}

function lightOf(v: number, green: number, amber: number): Light {
  return v >= green ? 'green' : v >= amber ? 'amber' : 'red';
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/** A WGS84 bbox grown by `m` metres on each side (so shadows cast into the area from outside are on the grid). */
function padBbox(b: [number, number, number, number], m: number): [number, number, number, number] {
  const dLat = m / 111_320, dLon = m / (111_320 * Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180));
  return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}
