import type {
  AreaCompliance,
  ComplianceRequest,
  OverlapsRequest,
  OverlapsResponse,
  ShadowsRequest,
  ShadowsResponse,
  SunHoursRequest,
  SunHoursResponse,
  SunPointsRequest,
  SunPointsResponse,
} from '../core/analysis';

/** The one typed request → response map of the analysis worker. */
export interface AnalysisMessages {
  sunHours: { request: SunHoursRequest; response: SunHoursResponse };
  shadows: { request: ShadowsRequest; response: ShadowsResponse };
  overlaps: { request: OverlapsRequest; response: OverlapsResponse };
  compliance: { request: ComplianceRequest; response: AreaCompliance[] };
  sunPoints: { request: SunPointsRequest; response: SunPointsResponse };
}

export type AnalysisType = keyof AnalysisMessages;
export type AnalysisRequest<T extends AnalysisType> = AnalysisMessages[T]['request'];
export type AnalysisResponse<T extends AnalysisType> = AnalysisMessages[T]['response'];

/** Client → worker. */
export type ToWorker =
  | { kind: 'request'; id: number; type: AnalysisType; payload: unknown }
  | { kind: 'cancel'; id: number };

/** Worker → client. */
export type FromWorker =
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; name: string; message: string };

/** The part of a Worker / DedicatedWorkerGlobalScope / MessagePort both sides use. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (ev: MessageEvent) => void): void;
  /** MessagePorts need start() when used with addEventListener. */
  start?(): void;
}
