import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportJson, type ConversionReport } from '../../src/core/model/ConversionReport';

/**
 * Writes a conversion's report twice: `report.json` (the last conversion into
 * this folder, what a user opens first) and `report-<kind>.json`, which
 * survives when another kind is converted into the same dataset later
 * (e.g. buildings, then the plan, then parcels).
 */
export async function writeReports(dir: string, kind: string, report: ConversionReport): Promise<void> {
  const text = reportJson(report);
  await writeFile(path.join(dir, 'report.json'), text);
  await writeFile(path.join(dir, `report-${kind}.json`), text);
}
