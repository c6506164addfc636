import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysisTestUtils';
import { runOverlaps } from '../../../src/core/analysis';
import { generateTiling } from '../../../scripts/bench/support/generateLayers';
import { cliText } from '../../../scripts/analyze/cliText';
import { de } from '../../../src/core/i18n/resources/de';
import { en } from '../../../src/core/i18n/resources/en';

const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-analyze-lang-'));
const centre: [number, number] = [9.99, 53.55];

describe('npm run analyze --lang', () => {
  it('de: summary line and CSV column names in German through i18n, the same rows as English; en stays the machine names; fr is refused', async () => {
    const a = generateTiling({ centre, sizeM: 200, nx: 6, ny: 6, seed: 2, idPrefix: 'p' });
    const b = generateTiling({ centre, sizeM: 180, nx: 3, ny: 2, seed: 4, edgeDetail: 10, groups: ['WA', 'GE'], idPrefix: 'z' });
    const aFile = path.join(dir, 'a.geojson'), bFile = path.join(dir, 'b.geojson');
    writeFileSync(aFile, JSON.stringify(a));
    writeFileSync(bFile, JSON.stringify(b));
    const core = runOverlaps({ a, b, groupB: 'group' });

    const deOut = path.join(dir, 'de.csv'), enOut = path.join(dir, 'en.csv');
    const rDe = await analyze('overlaps', '--a', aFile, '--b', bFile, '--group-b', 'group', '--lang', 'de', '--out', deOut);
    expect(rDe.code).toBe(0);
    // German summary: words and decimal comma from the de resources (total area, one decimal).
    const area = core.totalAreaM2.toFixed(1).replace('.', ',');
    expect(rDe.stdout).toMatch(new RegExp(`^overlaps: ${core.pairs.length} Paare in ${core.groups.length} Gruppen, insgesamt ${area} m², \\d+,\\d\\d s → `));
    const rEn = await analyze('overlaps', '--a', aFile, '--b', bFile, '--group-b', 'group', '--out', enOut);
    expect(rEn.stdout).toMatch(new RegExp(`^overlaps: ${core.pairs.length} pairs in ${core.groups.length} groups, ${core.totalAreaM2.toFixed(1)} m² in total, \\d+\\.\\d\\d s → `));

    // The files start with `# key: value` lines naming the inputs (same in both languages); the table follows.
    const tableLines = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => !l.startsWith('#'));
    const deLines = tableLines(deOut), enLines = tableLines(enOut);
    expect(enLines[0]).toBe('aId,bId,aGroup,bGroup,areaM2,shareOfA,shareOfB');
    expect(deLines[0]).toBe('A_ID,B_ID,A_Gruppe,B_Gruppe,FlächeM2,AnteilVonA,AnteilVonB');
    // Only the header is translated: the rows stay machine-readable and equal.
    expect(deLines.slice(1)).toEqual(enLines.slice(1));
    expect(tableLines(path.join(dir, 'de.groups.csv'))[0]).toBe('A_Gruppe,B_Gruppe,FlächeM2,Paare');

    const bad = await analyze('overlaps', '--a', aFile, '--b', bFile, '--lang', 'fr', '--out', path.join(dir, 'fr.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang "fr" must be one of de, en');
  });

  it('every CSV column has a German name and keeps its machine name in English', () => {
    const columns = Object.keys(de).filter((k) => k.startsWith('csv.column.'));
    expect(columns.length).toBeGreaterThan(40);
    for (const k of columns) {
      const name = k.slice('csv.column.'.length);
      expect(en[k as keyof typeof en]).toBe(name);
      expect(de[k as keyof typeof de]).not.toBe('');
    }
    expect(cliText('de').header(['sunHours', 'meanSunHours'])).toEqual(['Sonnenstunden', 'MittlereSonnenstunden']);
    expect(() => cliText('de').header(['noSuchColumn'])).toThrow('CSV column "noSuchColumn" has no name');
    expect(cliText('de').num(1234.5, 2)).toBe('1234,50');
    expect(cliText('en').num(1234.5, 2)).toBe('1234.50');
  });
});
