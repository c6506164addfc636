import { createContext } from 'react';
import type { ReportDocument, ReportParams } from '../../core/report/ReportDocument';

/**
 * What the report builder needs from the composition root: build a report in
 * the analysis worker (cancel with the signal, progress 0..1) and capture the
 * 3D scene as images. `app/reportService.ts` provides it.
 */
export interface ReportService {
  build(params: ReportParams, o: { signal: AbortSignal; onProgress(p: number): void }): Promise<ReportDocument>;
  captureScene(): Promise<{ title: string; dataUrl: string }[]>;
}

export const ReportServiceContext = createContext<ReportService | undefined>(undefined);
