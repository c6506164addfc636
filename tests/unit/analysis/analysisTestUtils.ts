// Shared set-up of the analysis tests: the CLI as a child process, and an app
// store wired through a real worker handler (MessageChannel) with a building layer.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import type { AppStore } from '../../../src/state/AppState';
import { createAppStore } from '../../../src/state/createAppStore';
import { attachAnalysisHandlers } from '../../../src/workers/analysisHandlers';
import type { DatasetStore, FetchJson } from '../../../src/workers/datasetStore';
import { RpcClient, type Endpoint, type RpcEvent } from '../../../src/workers/rpc';
import type { AnalysisMessages } from '../../../src/workers/workerMessages';

const run = promisify(execFile);

/** `npm run analyze -- …` as a child process; never throws, returns the exit code. */
export async function analyze(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { cwd: process.cwd() });
    return { ...r, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

export function makeStore(): AppStore {
  // The whole app store (every slice): the controller reads the layer registry, which spans catalog and dropped layers.
  return createAppStore();
}

/**
 * The analysis worker on a MessageChannel: the page's RPC client on one port,
 * the worker's handlers on the other. `fetchJson` stands in for the network
 * (the only mock); `events` records what the worker side did.
 */
export function connectAnalysisWorker(fetchJson: FetchJson): { rpc: RpcClient<AnalysisMessages>; events: RpcEvent[]; datasets: DatasetStore; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const events: RpcEvent[] = [];
  const { store: datasets } = attachAnalysisHandlers(port2 as unknown as Endpoint, { fetchJson, onEvent: (e) => events.push(e) });
  const rpc = new RpcClient<AnalysisMessages>(port1 as unknown as Endpoint);
  return { rpc, events, datasets, close: () => (port1.close(), port2.close()) };
}

/** A store with a building-footprint layer, the analysis worker on a MessageChannel serving a small generated district, and the URLs it fetched. */
export function controllerHarness(): { store: AppStore; client: RpcClient<AnalysisMessages>; buildings: ReturnType<typeof generateDistrict>; urls: string[]; datasets: DatasetStore; close: () => void } {
  const store = makeStore();
  const buildings = generateDistrict({ centre: [9.99, 53.55], sizeM: 150, count: 60, seed: 4 });
  const urls: string[] = [];
  const w = connectAnalysisWorker(async (u) => {
    urls.push(u);
    if (u !== 'http://x/data/d/buildings.geojson') throw new Error(`HTTP 404 for ${u}`);
    return buildings;
  });
  store.getState().setCatalog({ schemaVersion: 1, id: 'd', title: { de: 'd', en: 'd' }, layers: [{ id: 'b', title: { de: 'b', en: 'b' }, type: 'geojson', url: 'buildings.geojson', role: 'buildingFootprints' }] } as never, 'http://x/data/d/catalog.json');
  return { store, client: w.rpc, buildings, urls, datasets: w.datasets, close: w.close };
}
