// Shared set-up of the analysis tests: the CLI as a child process, and an app
// store wired through a real worker handler (MessageChannel) with a building layer.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createStore } from 'zustand/vanilla';
import { generateDistrict } from '../../../scripts/bench/support/generateDistrict';
import type { AppState, AppStore } from '../../../src/state/AppState';
import { createAnalysisSlice } from '../../../src/state/analysisSlice';
import { createLayersSlice } from '../../../src/state/layersSlice';
import { createTimeSlice } from '../../../src/state/timeSlice';
import { attachAnalysisHandler } from '../../../src/workers/analysisHandler';
import { AnalysisClient } from '../../../src/workers/client';
import type { Endpoint } from '../../../src/workers/protocol';

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
  return createStore<AppState>()((set, get) => Object.assign({} as AppState, createLayersSlice(set, get), createTimeSlice(set, get), createAnalysisSlice(set, get)));
}

/** A store with a building-footprint layer, a worker client on a MessageChannel, and a small generated district. */
export function controllerHarness(): { store: AppStore; client: AnalysisClient; buildings: ReturnType<typeof generateDistrict>; close: () => void } {
  const store = makeStore();
  const { port1, port2 } = new MessageChannel();
  attachAnalysisHandler(port2 as unknown as Endpoint);
  const client = new AnalysisClient(port1 as unknown as Endpoint);
  const buildings = generateDistrict({ centre: [9.99, 53.55], sizeM: 150, count: 60, seed: 4 });
  store.getState().setCatalog({ schemaVersion: 1, id: 'd', title: { de: 'd', en: 'd' }, layers: [{ id: 'b', title: { de: 'b', en: 'b' }, type: 'geojson', url: 'buildings.geojson', role: 'buildingFootprints' }] } as never, 'http://x/data/d/catalog.json');
  return { store, client, buildings, close: () => (port1.close(), port2.close()) };
}
