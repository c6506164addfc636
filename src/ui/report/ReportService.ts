import { createContext } from 'react';
import type { ReportDocument, ReportParams } from '../../core/report/ReportDocument';
import type { ReportSceneView } from '../../core/report/reportSceneViews';

/**
 * What the report builder needs from the composition root: build a report in
 * the analysis worker (cancel with the signal, progress 0..1) and capture the
 * 3D scene at the report's fixed views (one PNG data URL per view). `app/reportService.ts` provides it.
 */
export interface ReportService {
  build(params: ReportParams, o: { signal: AbortSignal; onProgress(p: number): void }): Promise<ReportDocument>;
  captureScene(views: readonly ReportSceneView[]): Promise<string[]>;
}

export const ReportServiceContext = createContext<ReportService | undefined>(undefined);
