import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** `REGEN=1 npx vitest run <test>` rewrites the golden files that test compares with; nothing else ever writes them. */
export const REGEN = process.env.REGEN === '1';

/**
 * Compares `actual` with the golden file `file` (relative to the repository
 * root). With `REGEN=1` the file is written instead (and the comparison is
 * trivially true); without it a missing file fails with the command that
 * makes it, never silently.
 *
 * @example golden('tests/fixtures/golden/overlapsHamburg.json', JSON.stringify(result, null, 1) + '\n');
 */
export function golden(file: string, actual: string): void {
  const abs = path.resolve(file);
  if (REGEN) {
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, actual);
    return;
  }
  if (!existsSync(abs)) throw new Error(`golden file ${file} is missing: run the test with REGEN=1 to write it (and commit it)`);
  const expected = readFileSync(abs, 'utf8');
  expect(actual, `${file} differs from the output; if the change is intended, run the test with REGEN=1 and review the diff`).toBe(expected);
}

/** Reads a golden file that another test (or REGEN=1) wrote; fails clearly when missing. */
export function readGolden(file: string): string {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new Error(`golden file ${file} is missing: run the test with REGEN=1 to write it (and commit it)`);
  return readFileSync(abs, 'utf8');
}
