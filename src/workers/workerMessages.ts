import type { AnalysisKindId, ParamsOf, SummaryOf } from '../core/analysis/analysisKinds';
import type { CatalogLayer } from '../core/model/Catalog';
import type { Variant } from '../core/model/Scenario';
import type { Catalog } from '../core/model/Catalog';
import type { ReportDocument, ReportParams } from '../core/report/ReportDocument';
import type { DroppedFileResult } from '../core/convert/convertDroppedFile';

/** The variant an analysis runs on: only what changes the buildings (small; the worker caches by content). */
export type VariantContent = Pick<Variant, 'buildings' | 'demolishedIds'> & { id?: string };

/** What the page sends instead of data: which opened dataset, which variant (null: the existing city). */
export interface DatasetHandle {
  datasetId: string;
  variant: VariantContent | null;
}

/** One analysis call: the dataset handle and the kind's parameters. */
export interface AnalysisCall<K extends AnalysisKindId> {
  dataset: DatasetHandle;
  params: ParamsOf<K>;
}

/** One analysis answer: the kind's summary (panels, map) and the ids of the layers read. */
export interface AnalysisAnswer<K extends AnalysisKindId> {
  summary: SummaryOf<K>;
  layers: string[];
}

/** `dataset.open`: the catalog URL (absolute) and every layer of the registry (`allCatalogLayers`). */
export interface DatasetOpen {
  catalogUrl: string;
  layers: CatalogLayer[];
}

/**
 * The analysis worker's message map: one request type per analysis kind, plus
 * `dataset.open`. The worker loads and caches the GeoJSON itself.
 */
export type AnalysisMessages = { [K in AnalysisKindId]: { request: AnalysisCall<K>; response: AnalysisAnswer<K> } } & {
  'dataset.open': { request: DatasetOpen; response: { datasetId: string } };
  /** A whole report (`buildReport`) on the opened dataset: every analysis in one cancellable request with progress. */
  report: { request: ReportCall; response: ReportDocument };
};

/** `report`: the opened dataset, the catalog (title, CRS, zone; its layers are the opened ones), the choices and the app's version. */
export interface ReportCall {
  datasetId: string;
  catalog: Omit<Catalog, 'layers'>;
  params: ReportParams;
  appVersion: string;
  buildCommit: string;
  now: string;
}

/** The convert worker's message map: a dropped file's bytes (transferred) in, GeoJSON layers and the report out. */
export type ConvertMessages = {
  convertFile: { request: { fileName: string; bytes: ArrayBuffer; crs?: string }; response: DroppedFileResult };
};
