import type { TableInputs } from './csvTable';
import { matchStandard } from './daylightStandards';

/** What an analysis table was computed from; the panel fills it from a result's inputs, the CLI from its arguments. */
export interface AnalysisTableInputsOf {
  /** Kind of analysis: sunHours, sunPoints, compliance, overlaps. */
  analysis: string;
  /** Dataset id (panel) or input files (CLI). */
  dataset: string;
  /** Scenario variant the buildings came from; null: the existing city (Bestand). */
  variant?: string | null;
  /** Local date `YYYY-MM-DD` of a sun analysis. */
  date?: string;
  stepMin?: number;
  cellM?: number;
  thresholdHours?: number;
  /** Layer ids or files read. */
  layers?: string[];
}

/**
 * The `# key: value` inputs a CSV of an analysis starts with (one format for panel downloads and `npm run analyze`):
 * analysis, dataset, variant, date, step, cell size, threshold, the daylight standard those match, layers.
 *
 * @example analysisTableInputs({ analysis: 'sunHours', dataset: 'demo', variant: null, date: '2026-01-17', stepMin: 10, cellM: 2, thresholdHours: 1 })
 * // [['analysis','sunHours'],['dataset','demo'],['variant','Bestand'],['date','2026-01-17'],['stepMin',10],['cellM',2],['thresholdHours',1],['standard','DIN 5034-1 (01-17, ≥ 1 h)'],…]
 */
export function analysisTableInputs(i: AnalysisTableInputsOf): TableInputs {
  const std = matchStandard(i.date, i.thresholdHours);
  return [
    ['analysis', i.analysis],
    ['dataset', i.dataset],
    // null means the existing city; undefined: the analysis does not depend on a variant (overlaps).
    ['variant', i.variant === null ? 'Bestand' : i.variant],
    ['date', i.date],
    ['stepMin', i.stepMin],
    ['cellM', i.cellM],
    ['thresholdHours', i.thresholdHours],
    ['standard', std ? `${std.standard} (${std.monthDay}, ≥ ${std.minHours} h)` : undefined],
    ['layers', i.layers?.length ? i.layers.join(' ') : undefined],
    ['generator', 'Planlotse'],
  ];
}
