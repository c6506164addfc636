import type { BuildingCollection } from '../core/model/Building';
import type { AppState, AppStore } from '../state';
import { sunHoursSummary, type AnalysisRun } from '../state/analysisSlice';
import type { AnalysisClient } from '../workers/client';
import { effectiveBuildings } from '../core/scenario/effectiveBuildings';
import { activeVariant } from '../state/scenarioSlice';

/**
 * Runs the analyses the store asks for (`analysisRun`) in the worker and
 * reports progress and results back; cancels the worker request when the
 * user cancels or asks for a new run. Buildings come from the catalog layer
 * with role `buildings`/`buildingFootprints` whose url is a GeoJSON file.
 */
export function startAnalysisController(store: AppStore, client: AnalysisClient, fetchJson: (url: string) => Promise<unknown> = (u) => fetch(u).then((r) => r.json())): () => void {
  let current: { runId: number; ctrl: AbortController } | undefined;
  let buildings: Promise<BuildingCollection> | undefined;
  let buildingsUrl: string | undefined;

  const loadBuildings = (s: AppState): Promise<BuildingCollection> => {
    const layer = s.catalog?.layers.find((l) => (l.role === 'buildingFootprints' || l.role === 'buildings') && /\.(geo)?json$/i.test(l.url));
    if (!layer) return Promise.reject(new Error('this dataset has no building footprints (buildings.geojson) for analyses'));
    // The catalog URL may itself be relative to the page.
    const url = new URL(layer.url, new URL(s.catalogUrl ?? '', globalThis.location?.href ?? 'http://localhost/')).href;
    if (url !== buildingsUrl) {
      buildingsUrl = url;
      buildings = fetchJson(url) as Promise<BuildingCollection>;
    }
    return buildings!;
  };

  const run = async (r: AnalysisRun, s: AppState) => {
    current?.ctrl.abort();
    const ctrl = new AbortController();
    current = { runId: r.runId, ctrl };
    try {
      // Analyses run on the active scenario variant: its demolished buildings out, its proposed ones in.
      const b = effectiveBuildings(await loadBuildings(s), s.scenarios ? activeVariant(s) : null);
      if (r.kind === 'shadows') {
        const res = await client.request('shadows', { buildings: b, timeMs: r.timeMs, perBuilding: false }, { signal: ctrl.signal });
        store.getState().analysisFinished({ kind: 'shadows', runId: r.runId, ...res });
      } else {
        const bbox = r.bbox ?? footprintBbox(b);
        const res = await client.request(
          'sunHours',
          { buildings: b, date: r.date, bbox, cellM: r.cellM, stepMin: r.stepMin },
          { signal: ctrl.signal, onProgress: (d, t) => store.getState().analysisProgressed(r.runId, d / t) },
        );
        store.getState().analysisFinished({ kind: 'sunHours', runId: r.runId, grid: res.grid, sunHours: res.sunHours, building: res.building, stepCount: res.stepCount, stepHours: res.stepHours, ...sunHoursSummary(res.sunHours, res.building) });
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') store.getState().analysisFailed(r.runId, (e as Error).message);
    }
  };

  let prevRun: AnalysisRun | undefined;
  let prevStatus: AppState['analysisStatus'] | undefined;
  const unsub = store.subscribe((s) => {
    if (s.analysisRun !== prevRun && s.analysisRun && s.analysisStatus === 'running') void run(s.analysisRun, s);
    if (s.analysisStatus === 'cancelled' && prevStatus === 'running') current?.ctrl.abort();
    prevRun = s.analysisRun;
    prevStatus = s.analysisStatus;
  });
  return () => {
    unsub();
    current?.ctrl.abort();
  };
}

/** Bounding box of the buildings, at most 1.2 km across around their centre (sun-hour grids stay small). */
function footprintBbox(b: BuildingCollection): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of b.features)
    for (const ring of f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]))
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const hx = Math.min((e - w) / 2 + 0.0005, 0.6 / (111.32 * Math.cos((cy * Math.PI) / 180)));
  const hy = Math.min((n - s) / 2 + 0.0005, 0.6 / 111.32);
  return [cx - hx, cy - hy, cx + hx, cy + hy];
}
