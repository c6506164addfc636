import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConvertArgs } from '../../../scripts/convert/options';
import { convertText } from '../../../scripts/convert/convertText';
import { formatIssue, type ConversionReport } from '../../../src/core/model/ConversionReport';

/*
 * Issues got message codes so that the app and `--lang de` can say them in German; report.json and the CLI's
 * English lines must not change. The files in englishReports/ were written by the converter before the change
 * (commit 64ccb28, `npm run convert`, durationMs set to 0): report.json byte for byte, and the issue lines the CLI
 * printed on stderr. Each real file is converted again here with the CLI's code and compared.
 */
const REAL = path.resolve(process.cwd(), '../shared/data/real');
const GOLDEN = path.join(import.meta.dirname, 'englishReports');

const CASES: { name: string; kind: 'xplanung' | 'vector' | 'cityjson' | 'citygml'; input: string; reportJson: boolean }[] = [
  { name: 'x-LA22.zip', kind: 'xplanung', input: 'xplanung-hh/LA22.zip', reportJson: true },
  { name: 'x-HafenCity7.gml', kind: 'xplanung', input: 'xplanung-hh/HafenCity7.gml', reportJson: true },
  { name: 'v-GLB.zip', kind: 'vector', input: 'ni-glb-shapefile/GLB.zip', reportJson: true },
  { name: 'v-features_stadtteile.json', kind: 'vector', input: 'hh-cosi-geojson/features_stadtteile.json', reportJson: true },
  { name: 'v-testFeaturesVeloroutenMultiLineString.xml', kind: 'vector', input: 'hh-masterportal-wfs/testFeaturesVeloroutenMultiLineString.xml', reportJson: true },
  // No output written (no CRS / no buildings): only the console lines exist.
  { name: 'j-rotterdam_subset.json', kind: 'cityjson', input: 'cityjson-nl/rotterdam_subset.json', reportJson: false },
  { name: 'c-LoD2_32_324_5730_1_NW.gml', kind: 'citygml', input: 'nrw-lod2/LoD2_32_324_5730_1_NW.gml', reportJson: false },
];

async function run(kind: string, input: string): Promise<{ out: string; report: ConversionReport }> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'planlotse-english-')), 'out');
  const { convert } = (await import(`../../../scripts/convert/${kind}.ts`)) as { convert(o: ReturnType<typeof parseConvertArgs>): Promise<ConversionReport> };
  return { out, report: await convert(parseConvertArgs([kind, path.join(REAL, input), '--out', out])) };
}

describe.skipIf(!existsSync(REAL))('English conversion output is unchanged by the message codes', () => {
  it.each(CASES)('$name: report.json and the CLI issue lines are byte-identical to the converter before', async ({ name, kind, input, reportJson }) => {
    const { out, report } = await run(kind, input);
    expect(report.issues.length).toBeGreaterThan(0);
    const lines = report.issues.map((i) => `${formatIssue(i)}\n`).join('');
    expect(lines).toBe(await readFile(path.join(GOLDEN, `${name}.lines.txt`), 'utf8'));
    // The CLI's English text (default --lang) prints the same lines.
    expect(report.issues.map((i) => `${convertText('en').issue(i)}\n`).join('')).toBe(lines);
    if (reportJson) {
      const written = (await readFile(path.join(out, 'report.json'), 'utf8')).replace(/"durationMs": [0-9.]+/, '"durationMs": 0');
      expect(written).toBe(await readFile(path.join(GOLDEN, `${name}.report.json`), 'utf8'));
      // The codes are there for the app, but not in the file.
      expect(written).not.toContain('"message"');
    }
  }, 60_000);
});
