import { ANALYSES, descriptorOf, type AnalysisKindId } from '../core/analysis/analysisKinds';
import { buildReport, type ReportLoader } from '../core/report/buildReport';
import { DatasetStore, type FetchJson } from './datasetStore';
import { RpcServer, type Endpoint, type RpcEvent } from './rpc';
import type { AnalysisCall, AnalysisMessages } from './workerMessages';

/**
 * Serves the analysis worker's message map on an endpoint (the worker's
 * global scope, or a MessagePort in tests): `dataset.open`, and one handler
 * per analysis kind that loads the inputs from the worker-held dataset,
 * builds the request with the kind's descriptor, runs it with the request's
 * AbortSignal and returns the descriptor's summary.
 */
export function attachAnalysisHandlers(ep: Endpoint, opts: { fetchJson?: FetchJson; onEvent?: (e: RpcEvent) => void; now?: () => number } = {}): { server: RpcServer<AnalysisMessages>; store: DatasetStore } {
  const store = new DatasetStore(opts.fetchJson);
  const server = new RpcServer<AnalysisMessages>(ep, { onEvent: opts.onEvent, now: opts.now });
  server.register('dataset.open', (d) => store.open(d));
  server.register('report', (call, ctx) => {
    const layers = store.layersOf(call.datasetId);
    const load: ReportLoader = (v, needs) => store.load({ datasetId: call.datasetId, variant: v ? { id: v.id, buildings: v.buildings, demolishedIds: v.demolishedIds } : null }, needs);
    return buildReport(call.params, { catalog: { ...call.catalog, layers }, layers, load, appVersion: call.appVersion, buildCommit: call.buildCommit, now: call.now }, ctx);
  });
  for (const kind of Object.keys(ANALYSES) as AnalysisKindId[]) {
    const d = descriptorOf(kind);
    server.register(kind, (async (call: AnalysisCall<AnalysisKindId>, ctx: Parameters<typeof d.run>[1]) => {
      const { inputs, layers } = await store.load(call.dataset, d.needs(call.params));
      ctx.signal.throwIfAborted();
      const req = d.buildRequest(inputs, call.params);
      const res = await d.run(req, ctx);
      return { summary: d.summarise(res, req), layers };
    }) as never);
  }
  return { server, store };
}
