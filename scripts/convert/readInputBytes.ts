import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportBuilder } from '../../src/core/model/ConversionReport';
import { detail } from '../../src/core/model/ConversionError';

/** Reads one input file; an unreadable file is reported as skipped (the other inputs still convert). */
export async function readInputBytes(input: string, report: ReportBuilder): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(input));
  } catch (e) {
    report.skip({ file: path.basename(input), message: { code: 'convert.cli.cannotRead', params: { problem: detail(e instanceof Error ? e.message : String(e)) } } });
    return undefined;
  }
}
