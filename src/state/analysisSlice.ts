import type { Message } from '../core/i18n/Message';
import { analysisDate } from '../core/time/zonedTime';
import type { ComplianceSummary } from '../core/analysis/compliance/complianceAnalysis';
import type { CompareSummary } from '../core/analysis/compare/compareAnalysis';
import type { OverlapsSummary } from '../core/analysis/overlaps/overlapsAnalysis';
import type { ShadowsSummary } from '../core/analysis/shadows/shadowsAnalysis';
import type { SunHoursSummary } from '../core/analysis/sunHours/sunHoursAnalysis';
import type { SunPointsSummary } from '../core/analysis/sunPoints/sunPointsAnalysis';
import { standardDate, DAYLIGHT_STANDARDS, type DaylightStandard } from '../core/analysis/daylightStandards';
import type { SliceCreator } from './AppState';

export type AnalysisKind = 'shadows' | 'sunHours' | 'sunPoints' | 'overlaps' | 'compliance';
export type { ZoneRow } from '../core/analysis/sunHours/sunHoursAnalysis';

/** A variant comparison the compare view asks for; the app's controller runs it in the worker. */
export interface CompareRun {
  runId: number;
  /** Variant ids of both sides (null: Existing). */
  left: string | null;
  right: string | null;
  /** With the sun-hour change on this local date. */
  sunDate?: string;
  /** When it was asked for (Date.now()), for the elapsed time shown. */
  startedMs?: number;
}

/**
 * A point the user placed for the sun-at-points check. A click on the ground
 * gives a ground point at 0 m (the height the sun-hours heatmap is computed
 * at, so a point and the heatmap cell under it agree); a click on a building
 * keeps the clicked height and the building id, and the analysis snaps it onto
 * that building's nearest wall (a façade point) or, well inside the footprint,
 * onto its roof (see core `buildingHit`).
 */
export interface SunPointDraft {
  id: string;
  /** [lon, lat] as clicked. */
  lonLat: [number, number];
  /** Height above ground, metres. */
  heightM: number;
  /** Id of the building clicked on (façade or roof point). */
  onBuildingId?: string;
}

/** What a result was computed from, shown in small text under it. */
export interface AnalysisInputs {
  /** Catalog id of the dataset (its data version). */
  catalogId: string;
  /** Catalog layer ids read. */
  layers: string[];
  /** Scenario variant the buildings came from (null: the existing city). */
  variant: string | null;
  timeMs?: number;
  date?: string;
  stepMin?: number;
  cellM?: number;
  /** Sun at points and the sun-hours threshold map: hours a point or cell needs to pass. */
  thresholdHours?: number;
}

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
  /** Overlaps: the two catalog layer ids. */
  overlapA?: string;
  overlapB?: string;
  /** Sun at points: the points; sun at points and sun hours: the threshold in hours. */
  points?: SunPointDraft[];
  thresholdHours?: number;
}

/** Summary of a finished analysis (numbers for the panel; geometry/raster for the viewer): the kind's descriptor summary plus the run and its inputs. */
export type AnalysisResult = (ShadowsSummary | OverlapsSummary | ComplianceSummary | SunPointsSummary | SunHoursSummary) & { runId: number; inputs: AnalysisInputs };

/** Sun hours under the pointer (hover or tap on the heatmap). */
export interface AnalysisProbe {
  lon: number;
  lat: number;
  /** null: inside a building. */
  hours: number | null;
}

export interface AnalysisSlice {
  analysisKind: AnalysisKind;
  analysisDate: string;
  analysisCellM: number;
  analysisStepMin: number;
  analysisStatus: AnalysisStatus;
  /** 0…1 while running. */
  analysisProgress: number;
  analysisError: Message | undefined;
  /** The run the controller should perform (undefined: nothing requested). */
  analysisRun: AnalysisRun | undefined;
  analysisResult: AnalysisResult | undefined;
  /** Overlaps: catalog layer ids of the two polygon layers. */
  analysisOverlapA: string;
  analysisOverlapB: string;
  /** Shadows are recomputed when the scene time changes (after one run). */
  analysisFollowTime: boolean;
  analysisProbe: AnalysisProbe | undefined;
  /**
   * Sun at points: the placed points (tool `placeSunPoint` places the next one). `sunPointThresholdH` is the pass
   * threshold (h) of the points and of the sun-hours threshold map alike.
   */
  sunPoints: SunPointDraft[];
  sunPointThresholdH: number;
  /** How the sun-hours grid is drawn: hours on a colour ramp, or pass/fail against the threshold. */
  sunHoursMap: 'hours' | 'threshold';
  setSunHoursMap(map: 'hours' | 'threshold'): void;
  /**
   * A daylight standard's check (DIN 5034-1 17 January ≥ 1 h or equinox ≥ 4 h, DIN EN 17037 ≥ 1.5 h): sets the
   * analysis date and the scene date to its day in the current year, the threshold to its hours, and draws the
   * sun-hours grid as pass/fail. Points are recomputed at once; a sun-hours grid when the user runs it.
   */
  applyDaylightStandard(id: DaylightStandard['id']): void;
  /** Adds a point (id P1, P2 …), ends placing and recomputes all points. */
  addSunPoint(p: Omit<SunPointDraft, 'id'>): void;
  removeSunPoint(id: string): void;
  setSunPointThreshold(hours: number): void;
  /** Variant comparison: the run asked for, its status, progress, result and error. */
  compareRun: CompareRun | undefined;
  compareStatus: AnalysisStatus;
  compareProgress: number;
  compareResult: CompareSummary | undefined;
  compareError: Message | undefined;
  /** How long the last finished comparison took, ms (shown with the sun change). */
  compareElapsedMs: number | undefined;
  /** Asks the worker to compare two sides (with the sun-hour change on `sunDate` if given). */
  requestCompare(p: { left: string | null; right: string | null; sunDate?: string }): void;
  compareProgressed(runId: number, progress: number): void;
  compareFinished(runId: number, result: CompareSummary): void;
  compareFailed(runId: number, message: Message): void;
  setAnalysisKind(kind: AnalysisKind): void;
  setAnalysisParams(p: { date?: string; cellM?: number; stepMin?: number; overlapA?: string; overlapB?: string; followTime?: boolean }): void;
  setAnalysisProbe(probe: AnalysisProbe | undefined): void;
  /** Requests a run with the current parameters (shadows at the scene time). */
  requestAnalysis(bbox?: [number, number, number, number]): void;
  cancelAnalysis(): void;
  analysisProgressed(runId: number, progress: number): void;
  analysisFinished(result: AnalysisResult): void;
  analysisFailed(runId: number, message: Message): void;
  clearAnalysis(): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends AnalysisSlice {}
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
  analysisOverlapA: '',
  analysisOverlapB: '',
  analysisFollowTime: true,
  analysisProbe: undefined,
  sunPoints: [],
  sunPointThresholdH: 1.5,
  sunHoursMap: 'hours',
  compareRun: undefined,
  compareStatus: 'idle',
  compareProgress: 0,
  compareResult: undefined,
  compareError: undefined,
  compareElapsedMs: undefined,
  requestCompare: ({ left, right, sunDate }) => {
    if (sunDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(sunDate)) throw new Error(`requestCompare: date "${sunDate}" is not YYYY-MM-DD`);
    const runId = (get().compareRun?.runId ?? 0) + 1;
    set({ compareRun: { runId, left, right, startedMs: Date.now(), ...(sunDate ? { sunDate } : {}) }, compareStatus: 'running', compareProgress: 0, compareError: undefined });
  },
  compareProgressed: (runId, progress) => {
    if (get().compareRun?.runId !== runId || get().compareStatus !== 'running') return;
    set({ compareProgress: Math.min(1, Math.max(0, progress)) });
  },
  compareFinished: (runId, result) => {
    if (get().compareRun?.runId !== runId || get().compareStatus !== 'running') return;
    set({ compareResult: result, compareStatus: 'done', compareProgress: 1, compareElapsedMs: Date.now() - (get().compareRun?.startedMs ?? Date.now()) });
  },
  compareFailed: (runId, message) => {
    if (get().compareRun?.runId !== runId || get().compareStatus !== 'running') return;
    set({ compareStatus: 'error', compareError: message });
  },
  setAnalysisKind: (analysisKind) => set({ analysisKind, ...(analysisKind !== 'sunPoints' && get().tool === 'placeSunPoint' ? { tool: 'select' as const } : {}) }),
  addSunPoint: (p) => {
    if (!Number.isFinite(p.lonLat[0]) || !Number.isFinite(p.lonLat[1]) || !Number.isFinite(p.heightM)) throw new Error(`addSunPoint: bad point ${JSON.stringify(p)}`);
    const used = new Set(get().sunPoints.map((x) => x.id));
    let n = get().sunPoints.length + 1;
    while (used.has(`P${n}`)) n++;
    set({ sunPoints: [...get().sunPoints, { ...p, heightM: Math.max(0, p.heightM), id: `P${n}` }], ...(get().tool === 'placeSunPoint' ? { tool: 'select' as const } : {}), analysisKind: 'sunPoints' });
    get().requestAnalysis();
  },
  removeSunPoint: (id) => {
    const sunPoints = get().sunPoints.filter((p) => p.id !== id);
    set({ sunPoints });
    if (get().analysisKind !== 'sunPoints') return;
    if (sunPoints.length) get().requestAnalysis();
    else {
      get().cancelAnalysis();
      if (get().analysisResult?.kind === 'sunPoints') get().clearAnalysis();
    }
  },
  setSunPointThreshold: (hours) => {
    if (!(hours >= 0 && hours <= 24)) throw new Error(`setSunPointThreshold: ${hours} h must be within 0–24 h`);
    set({ sunPointThresholdH: hours });
    if (get().analysisKind === 'sunPoints' && get().sunPoints.length && get().analysisResult?.kind === 'sunPoints') get().requestAnalysis();
  },
  setAnalysisProbe: (analysisProbe) => set({ analysisProbe }),
  setSunHoursMap: (sunHoursMap) => set({ sunHoursMap }),
  applyDaylightStandard: (id) => {
    const std = DAYLIGHT_STANDARDS.find((x) => x.id === id);
    if (!std) throw new Error(`applyDaylightStandard: unknown standard "${id}"`);
    const s = get() as AnalysisSlice & { timeMs?: number; catalog?: { timeZone?: string } | null; setLocalDate?: (d: string) => void };
    const year = (s.analysisDate || analysisDate(s.timeMs ?? Date.now(), s.catalog?.timeZone)).slice(0, 4);
    const date = standardDate(id, year);
    set({ analysisDate: date, sunPointThresholdH: std.minHours, sunHoursMap: 'threshold' });
    // The scene shows the same day, so the shadows on screen belong to the check.
    s.setLocalDate?.(date);
    if (get().analysisKind === 'sunPoints' && get().sunPoints.length) get().requestAnalysis();
  },
  setAnalysisParams: ({ date, cellM, stepMin, overlapA, overlapB, followTime }) => {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`setAnalysisParams: date "${date}" is not YYYY-MM-DD`);
    if (cellM !== undefined && !(cellM >= 0.5 && cellM <= 50)) throw new Error(`setAnalysisParams: cell size ${cellM} m must be within 0.5–50 m`);
    if (stepMin !== undefined && !(stepMin >= 1 && stepMin <= 120)) throw new Error(`setAnalysisParams: step ${stepMin} min must be within 1–120 min`);
    set({
      ...(date !== undefined ? { analysisDate: date } : {}),
      ...(cellM !== undefined ? { analysisCellM: cellM } : {}),
      ...(stepMin !== undefined ? { analysisStepMin: stepMin } : {}),
      ...(overlapA !== undefined ? { analysisOverlapA: overlapA } : {}),
      ...(overlapB !== undefined ? { analysisOverlapB: overlapB } : {}),
      ...(followTime !== undefined ? { analysisFollowTime: followTime } : {}),
    });
  },
  requestAnalysis: (bbox) => {
    const s = get() as AnalysisSlice & { timeMs?: number };
    const timeMs = s.timeMs ?? Date.now();
    const run: AnalysisRun = {
      runId: (s.analysisRun?.runId ?? 0) + 1,
      kind: s.analysisKind,
      timeMs,
      // Sun hours default to the scene's local date in the dataset's time zone (the one date rule).
      date: s.analysisDate || analysisDate(timeMs, (s as { catalog?: { timeZone?: string } | null }).catalog?.timeZone),
      cellM: s.analysisCellM,
      stepMin: s.analysisStepMin,
      ...(bbox ? { bbox } : {}),
      ...(s.analysisKind === 'overlaps' ? { overlapA: s.analysisOverlapA, overlapB: s.analysisOverlapB } : {}),
      ...(s.analysisKind === 'sunPoints' ? { points: s.sunPoints, thresholdHours: s.sunPointThresholdH } : {}),
      ...(s.analysisKind === 'sunHours' ? { thresholdHours: s.sunPointThresholdH } : {}),
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
  clearAnalysis: () => set({ analysisResult: undefined, analysisStatus: 'idle', analysisProgress: 0, analysisError: undefined, analysisProbe: undefined }),
});
