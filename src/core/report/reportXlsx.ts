import ExcelJS from 'exceljs';
import type { AnalysisTable } from '../analysis/AnalysisDescriptor';

/** Units read from a column name's suffix (the tables' convention: `areaM2`, `heightM`, `sunHours`, `azimuthDeg`, shares 0..1). */
export function columnUnit(name: string): string {
  if (/M2$/.test(name)) return 'm²';
  if (/(Hours|Hours(Before|After))$|^(sunHours|deltaHours|before|after)$/.test(name)) return 'h';
  if (/Deg$/.test(name) || /^(lon|lat)$/.test(name)) return '°';
  if (/HeightM$|heightM$|M$/.test(name) && !/M2$/.test(name)) return 'm';
  if (/^share|^shareOf/.test(name)) return '0–1';
  if (/^(x|y)$/.test(name)) return 'm, EPSG:25832';
  return '';
}

/** A column header with its unit: `areaM2 (m²)`. */
export const headerWithUnit = (name: string) => (columnUnit(name) ? `${name} (${columnUnit(name)})` : name);

/** Tables above this many rows go to CSV only (the sun-hours cell grid): a spreadsheet of them helps no one. */
export const XLSX_MAX_ROWS = 20_000;

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * The report's tables as one XLSX workbook (exceljs): one sheet per table,
 * headers with units, numbers as numbers (shares written as text "0.5000" by a
 * descriptor become numbers too), the header row frozen and bold.
 *
 * @example const bytes = await reportXlsx(doc.tables)
 */
export async function reportXlsx(tables: readonly (AnalysisTable & { file: string })[], meta: { creator?: string; created?: Date } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'Planlotse';
  if (meta.created) wb.created = meta.created;
  const used = new Set<string>();
  for (const t of tables) {
    if (t.rows.length > XLSX_MAX_ROWS) continue;
    let name = t.file.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${t.file.slice(0, 28)}_${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header.map(headerWithUnit)).font = { bold: true };
    for (const row of t.rows)
      ws.addRow(row.map((v, i) => {
        if (typeof v === 'number') return Number.isFinite(v) ? (t.decimals?.[i] !== undefined ? Number(v.toFixed(t.decimals[i])) : v) : null;
        if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
        return v ?? null;
      }));
    ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, headerWithUnit(t.header[i] ?? '').length + 2))));
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
