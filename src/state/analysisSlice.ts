import { toZoned } from '../core/time/zonedTime';
import type { SliceCreator } from './AppState';

export type AnalysisKind = 'shadows' | 'sunHours';
export type AnalysisStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** What the user asked for; the app's analysis controller runs it in the worker. */
export interface AnalysisRun {
  /** Increases with every request, so the controller can tell runs apart. */
  runId: number;
  kind: AnalysisKind;
  /** Shadows: the instant (UTC ms). */
  timeMs: number;
  /** Sun hours: local date `YYYY-MM-DD`, cell size and step. */
  date: string;
  cellM: number;
  stepMin: number;
  /** Sun hours: WGS84 [minLon, minLat, maxLon, maxLat] (the current view or the dataset extent). */
  bbox?: [number, number, number, number];
}

/** Summary of a finished analysis (numbers for the panel; geometry/raster for the viewer). */
export type AnalysisResult =
  | {
      kind: 'shadows';
      runId: number;
      status: 'ok' | 'sun-below-horizon';
      altitudeDeg: number;
      azimuthDeg: number;
      unionAreaM2: number;
      geojson: GeoJSON.FeatureCollection;
    }
  | {
      kind: 'sunHours';
      runId: number;
      grid: { x0: number; y0: number; cellM: number; nx: number; ny: number; originX: number; originY: number };
      sunHours: Float32Array;
      building: Uint8Array;
      stepCount: number;
      stepHours: number;
      meanSunHours: number;
      shareAtLeast2h: number;
      shareAtLeast4h: number;
      groundCells: number;
    };

export interface AnalysisSlice {
  analysisKind: AnalysisKind;
  analysisDate: string;
  analysisCellM: number;
  analysisStepMin: number;
  analysisStatus: AnalysisStatus;
  /** 0…1 while running. */
  analysisProgress: number;
  analysisError: string | undefined;
  /** The run the controller should perform (undefined: nothing requested). */
  analysisRun: AnalysisRun | undefined;
  analysisResult: AnalysisResult | undefined;
  setAnalysisKind(kind: AnalysisKind): void;
  setAnalysisParams(p: { date?: string; cellM?: number; stepMin?: number }): void;
  /** Requests a run with the current parameters (shadows at the scene time). */
  requestAnalysis(bbox?: [number, number, number, number]): void;
  cancelAnalysis(): void;
  analysisProgressed(runId: number, progress: number): void;
  analysisFinished(result: AnalysisResult): void;
  analysisFailed(runId: number, message: string): void;
  clearAnalysis(): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends AnalysisSlice {}
}

/** Summary statistics of a sun-hours grid over its ground cells. */
export function sunHoursSummary(sunHours: ArrayLike<number>, building: ArrayLike<number>): { meanSunHours: number; shareAtLeast2h: number; shareAtLeast4h: number; groundCells: number } {
  let n = 0, sum = 0, n2 = 0, n4 = 0;
  for (let k = 0; k < sunHours.length; k++) {
    if (building[k]) continue;
    const h = sunHours[k];
    n++;
    sum += h;
    if (h >= 2 - 1e-6) n2++;
    if (h >= 4 - 1e-6) n4++;
  }
  return { meanSunHours: n ? sum / n : 0, shareAtLeast2h: n ? n2 / n : 0, shareAtLeast4h: n ? n4 / n : 0, groundCells: n };
}

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get) => ({
  analysisKind: 'shadows',
  analysisDate: '',
  analysisCellM: 2,
  analysisStepMin: 10,
  analysisStatus: 'idle',
  analysisProgress: 0,
  analysisError: undefined,
  analysisRun: undefined,
  analysisResult: undefined,
  setAnalysisKind: (analysisKind) => set({ analysisKind }),
  setAnalysisParams: ({ date, cellM, stepMin }) => {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`setAnalysisParams: date "${date}" is not YYYY-MM-DD`);
    if (cellM !== undefined && !(cellM >= 0.5 && cellM <= 50)) throw new Error(`setAnalysisParams: cell size ${cellM} m must be within 0.5–50 m`);
    if (stepMin !== undefined && !(stepMin >= 1 && stepMin <= 120)) throw new Error(`setAnalysisParams: step ${stepMin} min must be within 1–120 min`);
    set({
      ...(date !== undefined ? { analysisDate: date } : {}),
      ...(cellM !== undefined ? { analysisCellM: cellM } : {}),
      ...(stepMin !== undefined ? { analysisStepMin: stepMin } : {}),
    });
  },
  requestAnalysis: (bbox) => {
    const s = get() as AnalysisSlice & { timeMs?: number };
    const timeMs = s.timeMs ?? Date.now();
    const run: AnalysisRun = {
      runId: (s.analysisRun?.runId ?? 0) + 1,
      kind: s.analysisKind,
      timeMs,
      // Sun hours default to the scene's local date.
      date: s.analysisDate || toZoned(timeMs).date,
      cellM: s.analysisCellM,
      stepMin: s.analysisStepMin,
      ...(bbox ? { bbox } : {}),
    };
    set({ analysisRun: run, analysisStatus: 'running', analysisProgress: 0, analysisError: undefined });
  },
  cancelAnalysis: () => {
    if (get().analysisStatus !== 'running') return;
    set({ analysisStatus: 'cancelled', analysisProgress: 0 });
  },
  analysisProgressed: (runId, progress) => {
    const s = get();
    if (s.analysisRun?.runId !== runId || s.analysisStatus !== 'running') return;
    set({ analysisProgress: Math.min(1, Math.max(0, progress)) });
  },
  analysisFinished: (result) => {
    const s = get();
    // A result of an older or cancelled run is dropped.
    if (s.analysisRun?.runId !== result.runId || s.analysisStatus !== 'running') return;
    set({ analysisResult: result, analysisStatus: 'done', analysisProgress: 1 });
  },
  analysisFailed: (runId, message) => {
    const s = get();
    if (s.analysisRun?.runId !== runId || s.analysisStatus !== 'running') return;
    set({ analysisStatus: 'error', analysisError: message });
  },
  clearAnalysis: () => set({ analysisResult: undefined, analysisStatus: 'idle', analysisProgress: 0, analysisError: undefined }),
});
