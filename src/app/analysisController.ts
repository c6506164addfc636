import type { BuildingCollection } from '../core/model/Building';
import { CodedError, messageOf } from '../core/i18n/Message';
import type { CatalogLayer } from '../core/model/Catalog';
import { overlapGroupProperty, type AreaCompliance } from '../core/analysis';
import type { AppState, AppStore } from '../state';
import { baugebietLights, sunHoursSummary, type AnalysisInputs, type AnalysisRun, type ZoneRow } from '../state/analysisSlice';
import type { AnalysisClient } from '../workers/client';
import { effectiveBuildings } from '../core/scenario/effectiveBuildings';
import { activeVariant } from '../state/scenarioSlice';

/** Catalog roles whose polygons get per-polygon sun-hour statistics. */
const ZONE_ROLES: CatalogLayer['role'][] = ['playgrounds', 'green', 'parcels'];

/**
 * Runs the analyses the store asks for (`analysisRun`) in the worker and
 * reports progress and results back; cancels the worker request when the
 * user cancels or asks for a new run. Inputs are catalog layers found by role
 * (buildings: `buildingFootprints`/`buildings` GeoJSON; compliance: `zoning`,
 * `buildingLines`, `buildableArea`, `parcels`; sun-hour zones: `playgrounds`,
 * `green`, `parcels`) or, for overlaps, by id. Sun at points runs on the
 * points of the run (façade points resolved in the worker from the footprints). Shadows are recomputed when the
 * scene time changes while `analysisFollowTime` is on.
 */
export function startAnalysisController(store: AppStore, client: AnalysisClient, fetchJson: (url: string) => Promise<unknown> = (u) => fetch(u).then((r) => r.json())): () => void {
  let current: { runId: number; ctrl: AbortController } | undefined;
  const cache = new Map<string, Promise<unknown>>();

  const load = <T = GeoJSON.FeatureCollection>(s: AppState, layer: CatalogLayer): Promise<T> => {
    // The catalog URL may itself be relative to the page.
    const url = new URL(layer.url, new URL(s.catalogUrl ?? '', globalThis.location?.href ?? 'http://localhost/')).href;
    let p = cache.get(url);
    if (!p) {
      cache.set(url, (p = fetchJson(url)));
      p.catch(() => cache.delete(url));
    }
    return p as Promise<T>;
  };
  // GeoJSON layers only (a 3D Tiles tileset.json also ends in .json).
  const byRole = (s: AppState, roles: CatalogLayer['role'][]) => (s.catalog?.layers ?? []).filter((l) => roles.includes(l.role) && l.type !== '3dtiles' && /\.(geo)?json$/i.test(l.url));
  const footprintLayer = (s: AppState) => {
    const layer = byRole(s, ['buildingFootprints'])[0] ?? byRole(s, ['buildings'])[0];
    if (!layer) throw new CodedError({ code: 'analysis.noFootprints' });
    return layer;
  };

  const run = async (r: AnalysisRun, s: AppState) => {
    current?.ctrl.abort();
    const ctrl = new AbortController();
    current = { runId: r.runId, ctrl };
    const variant = s.scenarios ? activeVariant(s) : null;
    const inputs = (layers: CatalogLayer[], extra: Partial<AnalysisInputs> = {}): AnalysisInputs => ({
      catalogId: s.catalog?.id ?? '',
      layers: layers.map((l) => l.id),
      variant: variant?.name ?? null,
      ...extra,
    });
    // Analyses run on the active scenario variant: its demolished buildings out, its proposed ones in.
    const buildingsOf = async (fl: CatalogLayer) => effectiveBuildings(await load<BuildingCollection>(s, fl), variant);
    try {
      if (r.kind === 'shadows') {
        const fl = footprintLayer(s);
        const res = await client.request('shadows', { buildings: await buildingsOf(fl), timeMs: r.timeMs, perBuilding: false }, { signal: ctrl.signal });
        store.getState().analysisFinished({ kind: 'shadows', runId: r.runId, ...res, inputs: inputs([fl], { timeMs: r.timeMs }) });
      } else if (r.kind === 'sunHours') {
        const fl = footprintLayer(s);
        const b = await buildingsOf(fl);
        const bbox = r.bbox ?? footprintBbox(b);
        const zoneLayers = byRole(s, ZONE_ROLES).filter((l) => l.type === 'geojson-polygons');
        const { zones, meta } = mergeZones(zoneLayers, await Promise.all(zoneLayers.map((l) => load(s, l))));
        const res = await client.request(
          'sunHours',
          { buildings: b, date: r.date, bbox, cellM: r.cellM, stepMin: r.stepMin, zones, zoneGroupBy: '__layer' },
          { signal: ctrl.signal, onProgress: (d, t) => store.getState().analysisProgressed(r.runId, d / t) },
        );
        const zoneRows: ZoneRow[] = (res.zones ?? []).filter((z) => z.groundCells > 0).map((z) => ({ ...z, layerId: z.group, label: meta.get(z.id) ?? z.id }));
        store.getState().analysisFinished({
          kind: 'sunHours',
          runId: r.runId,
          grid: res.grid,
          sunHours: res.sunHours,
          building: res.building,
          stepCount: res.stepCount,
          stepHours: res.stepHours,
          ...sunHoursSummary(res.sunHours, res.building),
          zones: zoneRows,
          inputs: inputs([fl, ...zoneLayers], { date: r.date, stepMin: r.stepMin, cellM: r.cellM }),
        });
      } else if (r.kind === 'sunPoints') {
        const fl = footprintLayer(s);
        const points = r.points ?? [];
        const thresholdHours = r.thresholdHours ?? 1.5;
        const res = await client.request(
          'sunPoints',
          { buildings: await buildingsOf(fl), points, date: r.date, stepMin: r.stepMin, thresholdHours },
          { signal: ctrl.signal, onProgress: (d, t) => store.getState().analysisProgressed(r.runId, d / t) },
        );
        store.getState().analysisFinished({
          kind: 'sunPoints',
          runId: r.runId,
          rows: res.points,
          thresholdHours: res.thresholdHours,
          stepHours: res.stepHours,
          stepCount: res.stepCount,
          inputs: inputs([fl], { date: r.date, stepMin: r.stepMin, thresholdHours }),
        });
      } else if (r.kind === 'overlaps') {
        const la = s.catalog?.layers.find((l) => l.id === r.overlapA), lb = s.catalog?.layers.find((l) => l.id === r.overlapB);
        if (!la || !lb) throw new CodedError({ code: 'analysis.choosePolygonLayers', params: { a: r.overlapA ?? '', b: r.overlapB ?? '' } });
        const [a, b] = await Promise.all([load(s, la), load(s, lb)]);
        const res = await client.request('overlaps', { a, b, groupA: overlapGroupProperty(a.features), groupB: overlapGroupProperty(b.features), withGeometry: true }, { signal: ctrl.signal });
        store.getState().analysisFinished({
          kind: 'overlaps',
          runId: r.runId,
          groups: res.groupShares ?? [],
          pairCount: res.pairs.length,
          totalAreaM2: res.totalAreaM2,
          geojson: res.geojson ?? { type: 'FeatureCollection', features: [] },
          inputs: inputs([la, lb]),
        });
      } else {
        const fl = footprintLayer(s);
        const zoning = byRole(s, ['zoning']);
        if (!zoning.length) throw new CodedError({ code: 'analysis.noZoning' });
        const lines = byRole(s, ['buildingLines', 'buildableArea']);
        const parcels = byRole(s, ['parcels']).slice(0, 1);
        const [b, plans, lineFcs, parcelFcs] = await Promise.all([
          buildingsOf(fl),
          Promise.all(zoning.map((l) => load(s, l))),
          Promise.all(lines.map((l) => load(s, l))),
          Promise.all(parcels.map((l) => load(s, l))),
        ]);
        const plan: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: plans.flatMap((p) => p.features) };
        const areas = await client.request(
          'compliance',
          {
            buildings: b,
            plan,
            ...(lineFcs.length ? { baugrenzen: { type: 'FeatureCollection' as const, features: lineFcs.flatMap((p) => p.features) } } : {}),
            ...(parcelFcs.length ? { parcels: parcelFcs[0] } : {}),
          },
          { signal: ctrl.signal },
        );
        const labels = zoneLabels(plan);
        const closedZones = plan.features.filter((f) => f.properties?.bauweise === 'geschlossen').map((f) => String(f.properties?.id ?? f.id));
        const light = new Map(baugebietLights(areas, labels, closedZones).map((l) => [l.id, l.light]));
        store.getState().analysisFinished({
          kind: 'compliance',
          runId: r.runId,
          areas,
          labels,
          ...buildingInfo(b, areas),
          closedZones,
          lightsGeojson: {
            type: 'FeatureCollection',
            features: plan.features
              .filter((f) => light.has(String(f.properties?.id ?? f.id)))
              .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: String(f.properties?.id ?? f.id), light: light.get(String(f.properties?.id ?? f.id)) } })),
          },
          inputs: inputs([fl, ...zoning, ...lines, ...parcels]),
        });
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') store.getState().analysisFailed(r.runId, messageOf(e));
    }
  };

  let prevRun: AnalysisRun | undefined;
  let prevStatus: AppState['analysisStatus'] | undefined;
  let prevTime = store.getState().timeMs;
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follows = (s: AppState) => s.analysisFollowTime && s.analysisKind === 'shadows' && s.analysisResult?.kind === 'shadows' && s.analysisStatus !== 'cancelled';
  const unsub = store.subscribe((s) => {
    if (s.analysisRun !== prevRun && s.analysisRun && s.analysisStatus === 'running') void run(s.analysisRun, s);
    if (s.analysisStatus === 'cancelled' && prevStatus === 'running') current?.ctrl.abort();
    // Shadows follow the time slider: one recomputation shortly after the time stops changing.
    if (s.timeMs !== prevTime && follows(s)) {
      clearTimeout(followTimer);
      followTimer = setTimeout(() => {
        if (follows(store.getState())) store.getState().requestAnalysis();
      }, 150);
    }
    prevTime = s.timeMs;
    prevRun = s.analysisRun;
    prevStatus = s.analysisStatus;
  });
  return () => {
    unsub();
    clearTimeout(followTimer);
    current?.ctrl.abort();
  };
}

/** Zone layers as one collection, ids made unique per layer, grouped by layer id; `meta` maps the unique id to a display name. */
function mergeZones(layers: CatalogLayer[], fcs: GeoJSON.FeatureCollection[]): { zones: GeoJSON.FeatureCollection; meta: Map<string, string> } {
  const meta = new Map<string, string>();
  const features: GeoJSON.Feature[] = [];
  layers.forEach((l, li) =>
    fcs[li].features.forEach((f, i) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const orig = String(p.id ?? f.id ?? i);
      const id = `${l.id}:${orig}`;
      const name = [p.name, p.text, p.lage, p.gliederung1, p.flstkennz].find((v) => typeof v === 'string' && v) as string | undefined;
      meta.set(id, name ?? orig);
      features.push({ ...f, properties: { ...p, id, __layer: l.id } });
    }),
  );
  return { zones: { type: 'FeatureCollection', features }, meta };
}

/** Baugebiet id → its label in the plan ("WA 1"), else its land use. */
function zoneLabels(plan: GeoJSON.FeatureCollection): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of plan.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(p.id ?? f.id ?? '');
    const label = [p.gliederung1, p.landUse].find((v) => typeof v === 'string' && v) as string | undefined;
    if (id && label) out[id] = label;
  }
  return out;
}

/** Box centres and attributes of the buildings that exceed a compliance rule, to select and fly to from the panel. */
function buildingInfo(b: BuildingCollection, areas: AreaCompliance[]): { buildingCentres: Record<string, [number, number]>; buildingProperties: Record<string, Record<string, unknown>> } {
  const wanted = new Set(areas.flatMap((a) => a.rules.filter((r) => r.status === 'exceeded').flatMap((r) => r.buildingIds)));
  const buildingCentres: Record<string, [number, number]> = {};
  const buildingProperties: Record<string, Record<string, unknown>> = {};
  for (const f of b.features) {
    const id = String(f.properties.id);
    if (!wanted.has(id)) continue;
    const [w, s, e, n] = ringsBox(f.geometry);
    buildingCentres[id] = [(w + e) / 2, (s + n) / 2];
    const { roofs: _roofs, ...props } = f.properties as unknown as Record<string, unknown>;
    buildingProperties[id] = props;
  }
  return { buildingCentres, buildingProperties };
}

function ringsBox(g: BuildingCollection['features'][number]['geometry']): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const ring of g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]))
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

/** Bounding box of the buildings, at most 1.2 km across around their centre (sun-hour grids stay small). */
function footprintBbox(b: BuildingCollection): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of b.features) {
    const [a, c, d, g] = ringsBox(f.geometry);
    w = Math.min(w, a);
    s = Math.min(s, c);
    e = Math.max(e, d);
    n = Math.max(n, g);
  }
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const hx = Math.min((e - w) / 2 + 0.0005, 0.6 / (111.32 * Math.cos((cy * Math.PI) / 180)));
  const hy = Math.min((n - s) / 2 + 0.0005, 0.6 / 111.32);
  return [cx - hx, cy - hy, cx + hx, cy + hy];
}
