import type { ReportSceneView } from '../core/report/reportSceneViews';
import type { AppStore } from '../state';
import { allCatalogLayers } from '../state/selectors';
import type { ReportService } from '../ui/report/ReportService';
import type { AnalysisRpc } from '../workers/startWorkers';

declare const __APP_VERSION__: string;
declare const __BUILD_COMMIT__: string;

/**
 * The report builder's service: opens the dataset in the analysis worker (the
 * same `dataset.open` as the analyses) and runs `report` there, with the
 * request's AbortSignal and progress; `captureViews` takes the scene images at the report's fixed views.
 */
export function createReportService(store: AppStore, rpc: AnalysisRpc, captureViews: (views: readonly ReportSceneView[]) => Promise<string[]>): ReportService {
  return {
    async build(params, o) {
      const s = store.getState();
      if (!s.catalog) throw new Error('no dataset loaded');
      const layers = allCatalogLayers(s);
      const catalogUrl = new URL(s.catalogUrl ?? '', globalThis.location?.href ?? 'http://localhost/').href;
      const { datasetId } = await rpc.request('dataset.open', { catalogUrl, layers });
      const { layers: _omit, ...catalog } = s.catalog;
      void _omit;
      return rpc.request(
        'report',
        { datasetId, catalog, params, appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev', buildCommit: typeof __BUILD_COMMIT__ === 'string' ? __BUILD_COMMIT__ : 'dev', now: new Date().toISOString() },
        { signal: o.signal, onProgress: (d: number, t: number) => o.onProgress(t ? d / t : 0) },
      );
    },
    captureScene: (views) => captureViews(views),
  };
}
