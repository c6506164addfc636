import type { DroppedFileResult } from '../core/convert/convertDroppedFile';

/** App → convert worker: one file per request; the bytes are transferred. */
export interface ConvertFileRequest {
  kind: 'convert';
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
  /** For files that name no CRS, e.g. 'EPSG:25832'. */
  crs?: string;
}

/** Convert worker → app. */
export type ConvertFileMessage =
  | { kind: 'progress'; id: number; stage: 'detect' | 'read' | 'layers' | 'done'; done: number; total: number }
  | { kind: 'result'; id: number; result: DroppedFileResult }
  | { kind: 'error'; id: number; message: string };
