import type { AnalysisDescriptor, PrepareBuildings } from '../AnalysisDescriptor';
import { prepareBuildings } from '../prepareBuildings';
import { runSunPoints, sunPointsCsvRows, SUN_POINTS_CSV_HEADER, type SunPointInput, type SunPointRow, type SunPointsRequest, type SunPointsResponse } from '../runAnalysis';
import { runSteps } from '../runSteps';

export interface SunPointsParams {
  /** Local date `YYYY-MM-DD` (see `analysisDate`). */
  date: string;
  stepMin: number;
  points: SunPointInput[];
  /** Hours a point needs to pass (default 1.5). */
  thresholdHours?: number;
  minAltitudeDeg?: number;
}

export interface SunPointsAnalysisRequest extends SunPointsRequest {
  prepare: PrepareBuildings;
}

/** Panel and map: one row per point. */
export interface SunPointsSummary {
  kind: 'sunPoints';
  /** One row per point, where it was tested (façade points on the wall) and its hours. */
  rows: SunPointRow[];
  thresholdHours: number;
  stepHours: number;
  stepCount: number;
}

/** Sun hours at points on the ground, on façades and on roofs (see `runSunPoints`). */
export const sunPointsAnalysis: AnalysisDescriptor<SunPointsParams, SunPointsAnalysisRequest, SunPointsResponse, SunPointsSummary> = {
  kind: 'sunPoints',
  needs: () => ['buildings'],
  buildRequest(inputs, p) {
    if (!inputs.buildings) throw new Error('sun points: no buildings');
    return {
      buildings: inputs.buildings,
      points: p.points,
      date: p.date,
      stepMin: p.stepMin,
      thresholdHours: p.thresholdHours ?? 1.5,
      ...(p.minAltitudeDeg !== undefined ? { minAltitudeDeg: p.minAltitudeDeg } : {}),
      prepare: inputs.prepare ?? prepareBuildings,
    };
  },
  run: (req, ctx) => runSteps(runSunPoints(req, req.prepare), ctx),
  summarise: (r) => ({ kind: 'sunPoints', rows: r.points, thresholdHours: r.thresholdHours, stepHours: r.stepHours, stepCount: r.stepCount }),
  tables: (r) => [{ name: '', header: SUN_POINTS_CSV_HEADER, rows: sunPointsCsvRows(r), decimals: [undefined, 7, 7, 2, 2, 4, undefined] }],
};
