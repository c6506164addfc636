import { RpcClient } from './rpc';
import type { AnalysisMessages, ConvertMessages } from './workerMessages';

export type AnalysisRpc = RpcClient<AnalysisMessages>;
export type ConvertRpc = RpcClient<ConvertMessages>;

/** Starts the analysis worker (module worker, bundled by vite) and returns its RPC client. */
export function startAnalysisWorker(): AnalysisRpc {
  return new RpcClient<AnalysisMessages>(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }));
}

/** Starts the convert worker (its own instance, so a long conversion does not hold up analyses). */
export function startConvertWorker(): ConvertRpc {
  return new RpcClient<ConvertMessages>(new Worker(new URL('./convert.worker.ts', import.meta.url), { type: 'module', name: 'convert' }));
}
