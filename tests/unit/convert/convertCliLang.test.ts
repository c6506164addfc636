// `npm run convert -- … --lang de|en`: the console speaks the chosen language, report.json stays English.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { convertText, ConvertUsageError } from '../../../scripts/convert/convertText';
import { parseConvertArgs } from '../../../scripts/convert/options';
import { ReportBuilder, type ConversionReport } from '../../../src/core/model/ConversionReport';

const run = promisify(execFile);

function sample(): ConversionReport {
  const b = new ReportBuilder();
  b.count('BP_BaugebietsTeilFlaeche', 3);
  b.skip({ file: 'plan.gml', line: 4, featureId: 'g1', featureClass: 'BP_BaugebietsTeilFlaeche', message: { code: 'convert.noGeometry' } });
  b.warn({ file: 'a.geojson', featureId: 'f', path: '$.features[1]', message: { code: 'convert.geojson.duplicateId', params: { id: 'f', at: '$.features[0]' } } });
  return b.build({ kind: 'xplanung', inputs: ['plan.gml'], crs: { code: 'EPSG:25832', from: 'file' }, outputs: [], durationMs: 1234.5 });
}

describe('convert CLI --lang', () => {
  it('parses --lang; a language it does not speak is a usage error, said in the language asked for', () => {
    expect(parseConvertArgs(['vector', 'a.json', '--out', 'o', '--lang', 'de']).lang).toBe('de');
    expect(parseConvertArgs(['vector', 'a.json', '--out', 'o']).lang).toBeUndefined();
    let error: unknown;
    try {
      parseConvertArgs(['vector', 'a.json', '--out', 'o', '--lang', 'fr']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConvertUsageError);
    expect(convertText('en').error(error)).toBe('convert vector: --lang "fr" must be one of de, en');
    expect(convertText('de').error(error)).toBe('convert vector: --lang „fr“ muss eine der Sprachen de, en sein');
  });

  it('issue lines and the summary: English word for word as before, German with German words and decimal comma', () => {
    const r = sample();
    const en = convertText('en'), de = convertText('de');
    expect(r.issues.map(en.issue)).toEqual(['skipped plan.gml:4 g1 (BP_BaugebietsTeilFlaeche): no geometry', 'warning a.geojson f at $.features[1]: duplicate feature id "f" (also at $.features[0]): both kept']);
    expect(r.issues.map(de.issue)).toEqual(['übersprungen plan.gml:4 g1 (BP_BaugebietsTeilFlaeche): keine Geometrie', 'Hinweis a.geojson f bei $.features[1]: doppelte Objekt-id „f“ (auch bei $.features[0]): beide behalten']);
    // The summary line the CLI printed before --lang existed, built here by hand.
    expect(en.summary('xplanung', r, 'out/x')).toBe('xplanung: converted 3 features (3 BP_BaugebietsTeilFlaeche), skipped 1, CRS EPSG:25832, 1.23 s → out/x');
    expect(de.summary('xplanung', r, 'out/x')).toBe('xplanung: 3 Objekte umgewandelt (3 BP_BaugebietsTeilFlaeche), 1 übersprungen, Koordinatensystem EPSG:25832, 1,23 s → out/x');
  });

  it('npm run convert -- vector … --lang de: German on the console, English in report.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'planlotse-cli-lang-'));
    const input = path.join(dir, 'orte.geojson');
    await writeFile(input, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', properties: {}, geometry: { type: 'Point', coordinates: [9.99, 53.54] } }, { type: 'Feature', id: 'b', properties: {}, geometry: null }] }));
    const out = path.join(dir, 'out');
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/convert.ts', 'vector', input, '--out', out, '--lang', 'de']);
    expect(stderr).toBe('übersprungen orte.geojson b (orte) bei $.features[1]: Geometrie fehlt (null)\n');
    expect(stdout).toMatch(/^vector: 1 Objekt umgewandelt \(1 orte\), 1 übersprungen, Koordinatensystem EPSG:4326, \d+,\d\d s → /);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as ConversionReport;
    expect(report.issues).toEqual([{ file: 'orte.geojson', featureId: 'b', featureClass: 'orte', path: '$.features[1]', reason: 'missing geometry (null)', severity: 'error' }]);
  }, 60_000);
});
