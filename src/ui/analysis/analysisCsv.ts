import { csvTable, sunPointsCsvRows, SUN_POINTS_CSV_HEADER } from '../../core/analysis';
import { analysisTableInputs } from '../../core/analysis/analysisTableInputs';
import { offendingBuildingIds } from '../../core/analysis/computeCompliance';
import type { AnalysisResult } from '../../state/analysisSlice';

type Result<K extends AnalysisResult['kind']> = Extract<AnalysisResult, { kind: K }>;

/*
 * The tables of the Analyses panel as CSV (UTF-8 with BOM, '.' decimals, see
 * core `csvTable`): the same rows the panel shows, with full precision and
 * machine-readable column names, so a report can cite them. Every file starts
 * with the inputs it was computed from (`# key: value` lines, the format the
 * CLI writes too: analysisTableInputs).
 */

/** The `# key: value` inputs of a result's CSV. */
export function resultInputs(r: AnalysisResult) {
  const i = r.inputs;
  return analysisTableInputs({ analysis: r.kind, dataset: i.catalogId, variant: i.variant, date: i.date, stepMin: i.stepMin, cellM: i.cellM, thresholdHours: i.thresholdHours, layers: i.layers });
}

/** Per-polygon sun-hour statistics of a sun-hours result, all zone layers in one table. */
export function zonesCsv(r: Result<'sunHours'>): string {
  const th = r.thresholdHours !== undefined;
  return csvTable(
    ['layer', 'id', 'name', 'groundAreaM2', 'meanSunHours', 'shareAtLeast2h', 'shareAtLeast4h', 'complete', ...(th ? ['shareAtLeastThreshold'] : [])],
    r.zones.map((z) => [z.layerId, z.id.slice(z.layerId.length + 1) || z.id, z.label, z.groundAreaM2, z.meanSunHours, z.shareAtLeast2h, z.shareAtLeast4h, z.complete, ...(th ? [z.shareAtLeastThreshold] : [])]),
    { decimals: [undefined, undefined, undefined, 1, 4, 4, 4, undefined, 4], inputs: resultInputs(r) },
  );
}

/** Overlaps by category pair. */
export function overlapsCsv(r: Result<'overlaps'>): string {
  return csvTable(
    ['aGroup', 'bGroup', 'areaM2', 'pairs', 'shareOfA', 'shareOfB'],
    r.groups.map((g) => [g.aGroup, g.bGroup, g.areaM2, g.pairs, g.shareOfA, g.shareOfB]),
    { decimals: [undefined, undefined, 2, undefined, 6, 6], inputs: resultInputs(r) },
  );
}

/** Compliance: one row per area (Baugebiet or parcel) and rule, with the buildings that exceed it. */
export function complianceCsv(r: Result<'compliance'>): string {
  return csvTable(
    ['baugebiet', 'baugebietId', 'areaKind', 'areaId', 'rule', 'value', 'limit', 'status', 'buildingIds'],
    r.areas.flatMap((a) => a.rules.map((x) => [r.labels[a.baugebietId] ?? a.landUse, a.baugebietId, a.kind, a.areaId, x.rule, x.value, x.limit, x.status, offendingBuildingIds(x).join(' ')])),
    { decimals: [undefined, undefined, undefined, undefined, undefined, 4, 4, undefined, undefined], inputs: resultInputs(r) },
  );
}

/** Sun at points: the CLI's columns (`analyze sunpoints`) plus the point kind and the date. */
export function sunPointsCsv(r: Result<'sunPoints'>): string {
  const rows = sunPointsCsvRows({ points: r.rows });
  return csvTable(
    [...SUN_POINTS_CSV_HEADER, 'kind', 'thresholdHours', 'date'],
    rows.map((row, i) => [...row, r.rows[i].kind, r.thresholdHours, r.inputs.date ?? '']),
    { decimals: [undefined, 7, 7, 2, 2, 4, undefined, undefined, undefined, undefined], inputs: resultInputs(r) },
  );
}

/** A file name for a table: planlotse-<table>-<dataset>[-<date>].csv. */
export function csvFileName(table: string, r: { inputs: { catalogId: string; date?: string } }): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `planlotse-${safe(table)}-${safe(r.inputs.catalogId || 'data')}${r.inputs.date ? `-${r.inputs.date}` : ''}.csv`;
}

/** Offers text as a file download (the browser saves it; nothing is sent anywhere). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
