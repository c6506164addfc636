import { AnalysisClient } from './client';

/** Starts the analysis worker (module worker, bundled by vite) and returns its client. */
export function createAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  return new AnalysisClient(worker);
}
