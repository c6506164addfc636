import type { LocalFrame } from '../crs/LocalFrame';
import type { BuildingCollection, BuildingFeature } from '../model/Building';
import type { CsvCell } from './csvTable';
import type { prepareBuildings } from './prepareBuildings';

/** What a running analysis gets: cancellation and a progress callback. */
export interface RunContext {
  /** Checked between steps; an aborted run rejects with an AbortError. */
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** Buildings as solids in a frame (see `prepareBuildings`); callers may cache it. */
export type PrepareBuildings = (features: BuildingFeature[], frame: LocalFrame) => ReturnType<typeof prepareBuildings>;

/**
 * The loaded data an analysis is built from (the worker's dataset store or
 * the CLI's files fill it): buildings with the scenario variant applied and
 * the GeoJSON of the layers `analysisInputs` picked.
 */
export interface LoadedInputs {
  buildings?: BuildingCollection;
  /** Sun-hour zones per layer (app): ids made unique per layer, grouped by layer. */
  zoneLayers?: { layerId: string; fc: GeoJSON.FeatureCollection }[];
  /** Or one zone collection as it is (CLI `--zones`). */
  zones?: GeoJSON.FeatureCollection;
  /** Compliance: Baugebiete, Baugrenzen/überbaubare Flächen, parcels. */
  plan?: GeoJSON.FeatureCollection;
  buildingLines?: GeoJSON.FeatureCollection;
  parcels?: GeoJSON.FeatureCollection;
  /** Layers by id (overlaps). */
  layers?: Record<string, GeoJSON.FeatureCollection>;
  /** Prepares buildings as solids; the worker passes a cached one so repeated runs (time-slider shadows) skip it. */
  prepare?: PrepareBuildings;
}

/** One output table: rows for the table writer (CSV today). */
export interface AnalysisTable {
  /** File suffix: '' for the main table, e.g. 'groups', 'zones'. */
  name: string;
  header: string[];
  rows: CsvCell[][];
  /** Per-column rounding of numbers. */
  decimals?: (number | undefined)[];
  /** Byte order mark and line end (the CLI's long-standing outputs: no BOM, LF). */
  bom?: boolean;
  eol?: '\n' | '\r\n';
}

/**
 * One kind of analysis, used alike by the app's worker, the variant
 * comparison and the CLI: build the request from loaded inputs and
 * parameters, run it (cancellable, with progress), summarise the result for
 * panels and map, and give its tables.
 */
export interface AnalysisDescriptor<P, Req, Res, Sum> {
  kind: string;
  /** Which loaded inputs the kind reads (the worker loads only these). */
  needs(params: P): Need[];
  buildRequest(inputs: LoadedInputs, params: P): Req;
  run(request: Req, ctx: RunContext): Promise<Res>;
  summarise(result: Res, request: Req): Sum;
  tables(result: Res): AnalysisTable[];
}

/**
 * Inputs a kind may need: buildings, sun zones, the compliance layers, layers
 * by id. `buildings?` and `zoning?` are optional (an empty collection /
 * nothing when the dataset has none) where the others fail with a message.
 */
export type Need = 'buildings' | 'buildings?' | 'sunZones' | 'compliance' | 'zoning?' | { layer: string };

/** A context that never aborts and ignores progress (CLI, tests, synchronous callers). */
export function quietContext(): RunContext {
  return { signal: new AbortController().signal, progress: () => undefined };
}
