import { toZoned } from '../core/time/zonedTime';
import type { AreaCompliance, OverlapGroupShare, RuleStatus, SunPointRow, ZoneSunStats } from '../core/analysis';
import type { SliceCreator } from './AppState';

export type AnalysisKind = 'shadows' | 'sunHours' | 'sunPoints' | 'overlaps' | 'compliance';

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
  /** Sun at points: hours a point needs to pass. */
  thresholdHours?: number;
}

/** Sun-hour statistics of one polygon of a zone layer (playgrounds, green spaces, parcels). */
export interface ZoneRow extends ZoneSunStats {
  /** Catalog layer id the polygon comes from. */
  layerId: string;
  /** Display name (the feature's name/label, else its id). */
  label: string;
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
  /** Sun at points: the points and the threshold in hours. */
  points?: SunPointDraft[];
  thresholdHours?: number;
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
      inputs: AnalysisInputs;
    }
  | {
      kind: 'overlaps';
      runId: number;
      /** Category pairs with their area and the share of each side's category area. */
      groups: OverlapGroupShare[];
      pairCount: number;
      totalAreaM2: number;
      /** Overlap polygons (WGS84) for the map. */
      geojson: GeoJSON.FeatureCollection;
      inputs: AnalysisInputs;
    }
  | {
      kind: 'compliance';
      runId: number;
      areas: AreaCompliance[];
      /** Baugebiet id → its label in the plan ("WA 1"). */
      labels: Record<string, string>;
      /** Building id → [lon, lat] of its footprint's box centre, to fly to. */
      buildingCentres: Record<string, [number, number]>;
      /** Attributes of those buildings (from the footprints, roof geometry left out), shown when one is selected. */
      buildingProperties: Record<string, Record<string, unknown>>;
      /** The Baugebiete (WGS84) with property `light` (ok | exceeded | unknown), for the map. */
      lightsGeojson: GeoJSON.FeatureCollection;
      /** Baugebiete with closed building pattern (bauweise geschlossen): density is judged for the zone, not per parcel. */
      closedZones: string[];
      inputs: AnalysisInputs;
    }
  | {
      kind: 'sunPoints';
      runId: number;
      /** One row per point, where it was tested (façade points on the wall) and its hours. */
      rows: SunPointRow[];
      thresholdHours: number;
      stepHours: number;
      stepCount: number;
      inputs: AnalysisInputs;
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
      /** Per-polygon statistics of the catalog's playgrounds, green spaces and parcels. */
      zones: ZoneRow[];
      inputs: AnalysisInputs;
    };

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
  analysisError: string | undefined;
  /** The run the controller should perform (undefined: nothing requested). */
  analysisRun: AnalysisRun | undefined;
  analysisResult: AnalysisResult | undefined;
  /** Overlaps: catalog layer ids of the two polygon layers. */
  analysisOverlapA: string;
  analysisOverlapB: string;
  /** Shadows are recomputed when the scene time changes (after one run). */
  analysisFollowTime: boolean;
  analysisProbe: AnalysisProbe | undefined;
  /** Sun at points: the placed points (tool `placeSunPoint` places the next one) and the pass threshold (h). */
  sunPoints: SunPointDraft[];
  sunPointThresholdH: number;
  /** Adds a point (id P1, P2 …), ends placing and recomputes all points. */
  addSunPoint(p: Omit<SunPointDraft, 'id'>): void;
  removeSunPoint(id: string): void;
  setSunPointThreshold(hours: number): void;
  setAnalysisKind(kind: AnalysisKind): void;
  setAnalysisParams(p: { date?: string; cellM?: number; stepMin?: number; overlapA?: string; overlapB?: string; followTime?: boolean }): void;
  setAnalysisProbe(probe: AnalysisProbe | undefined): void;
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
  analysisOverlapA: '',
  analysisOverlapB: '',
  analysisFollowTime: true,
  analysisProbe: undefined,
  sunPoints: [],
  sunPointThresholdH: 1.5,
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
      // Sun hours default to the scene's local date.
      date: s.analysisDate || toZoned(timeMs).date,
      cellM: s.analysisCellM,
      stepMin: s.analysisStepMin,
      ...(bbox ? { bbox } : {}),
      ...(s.analysisKind === 'overlaps' ? { overlapA: s.analysisOverlapA, overlapB: s.analysisOverlapB } : {}),
      ...(s.analysisKind === 'sunPoints' ? { points: s.sunPoints, thresholdHours: s.sunPointThresholdH } : {}),
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

/** One Baugebiet's traffic light and the rows behind it. */
export interface BaugebietLight {
  id: string;
  label: string;
  landUse: string;
  /** exceeded: some rule of the zone or of one of its parcels is exceeded; ok: none exceeded and at least one rule checked; unknown: the plan sets no checkable limit. */
  light: RuleStatus;
  area: AreaCompliance | undefined;
  /** Parcel rows of this Baugebiet that exceed a rule (none in closed-pattern zones). */
  parcels: AreaCompliance[];
}

/**
 * Traffic lights per Baugebiet from compliance rows (zone rows and parcel rows).
 * In closed-pattern zones (`closedZones`) parcel rows are left out: perimeter-block
 * corner lots are densely built by design, so GRZ/GFZ count for the zone as a whole,
 * and the per-building rules (storeys, height, Baugrenze) are already on the zone row.
 *
 * @example baugebietLights(result.areas, result.labels, result.closedZones).filter((b) => b.light === 'exceeded')
 */
export function baugebietLights(areas: AreaCompliance[], labels: Record<string, string> = {}, closedZones: string[] = []): BaugebietLight[] {
  const byId = new Map<string, BaugebietLight>();
  const closed = new Set(closedZones);
  for (const a of areas) {
    if (a.kind === 'parcel' && closed.has(a.baugebietId)) continue;
    let l = byId.get(a.baugebietId);
    if (!l) byId.set(a.baugebietId, (l = { id: a.baugebietId, label: labels[a.baugebietId] ?? a.landUse ?? a.baugebietId, landUse: a.landUse, light: 'unknown', area: undefined, parcels: [] }));
    if (a.kind === 'baugebiet') l.area = a;
    const exceeded = a.rules.some((r) => r.status === 'exceeded');
    if (a.kind === 'parcel' && exceeded) l.parcels.push(a);
    if (exceeded) l.light = 'exceeded';
    else if (l.light === 'unknown' && a.kind === 'baugebiet' && a.rules.some((r) => r.status === 'ok')) l.light = 'ok';
  }
  return [...byId.values()].sort((x, y) => x.label.localeCompare(y.label, 'de', { numeric: true }));
}

/**
 * The sun hours of the grid cell containing local point (x, y) in the grid's frame:
 * a number, null inside a building, undefined outside the grid.
 *
 * @example sunHoursAt(result, ...frame.toLocal([lon, lat]))
 */
export function sunHoursAt(r: { grid: { x0: number; y0: number; cellM: number; nx: number; ny: number }; sunHours: ArrayLike<number>; building: ArrayLike<number> }, x: number, y: number): number | null | undefined {
  const g = r.grid;
  const i = Math.floor((x - g.x0) / g.cellM), j = Math.floor((y - g.y0) / g.cellM);
  if (!(i >= 0 && j >= 0 && i < g.nx && j < g.ny)) return undefined;
  const k = j * g.nx + i;
  return r.building[k] ? null : r.sunHours[k];
}
