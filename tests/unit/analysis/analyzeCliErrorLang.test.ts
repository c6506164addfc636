// The analyze CLI's usage and input errors are message codes rendered in the --lang language (issue 10, one i18n
// API): English stays what it always was, byte for byte; German is a real translation of each kind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analysisTestUtils';
import { parseAnalyzeArgs } from '../../../scripts/analyze/analyzeArgs';
import { AnalyzeUsageError, CliError, cliErrorText, langFromArgv } from '../../../scripts/analyze/cliError';
import { runAnalyzeCommand } from '../../../scripts/analyze/runAnalyzeCommand';
import { validateAnalyzeArgs } from '../../../scripts/analyze/validateAnalyzeArgs';
import { de } from '../../../src/core/i18n/resources/de';
import { en } from '../../../src/core/i18n/resources/en';

const dir = mkdtempSync(path.join(tmpdir(), 'planlotse-analyze-errlang-'));
const file = (name: string, text: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const square = (props: object, lon = 9.99, lat = 53.55) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat]]] } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const ok = file('ok.geojson', fc(square({ id: 'a', heightM: 10 })));
const empty = file('empty.geojson', fc());
const notJson = file('bad.json', 'nope');
const utm = file('utm.geojson', fc(square({ id: 'u', heightM: 5 }, 565000, 5933000)));
const wide = file('wide.geojson', fc(square({ id: 'w' }), square({ id: 'v' }, 9.99, 51.5)));
const flat = file('flat.geojson', fc(square({ id: 'a', heightM: 0 }), square({ id: 'b' })));
const some = file('some.geojson', fc(square({ id: 'a', heightM: 12 }), square({ id: 'b' })));
const line = file('line.geojson', fc({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[9.99, 53.55], [9.991, 53.55]] } }));
const badPoint = file('pt.geojson', fc({ type: 'Feature', properties: { heightM: 'x' }, geometry: { type: 'Point', coordinates: [9.99, 53.55] } }));
const out = path.join(dir, 'out.csv');
const bbox = '9.98,53.54,9.99,53.55';

/** Parses, validates and runs a call in-process; the error it ended with and the warnings. */
async function fail(...argv: string[]): Promise<{ error: CliError; warnings: string[] }> {
  const warnings: string[] = [];
  try {
    const a = parseAnalyzeArgs(argv);
    await validateAnalyzeArgs(a, (l) => warnings.push(l));
    await runAnalyzeCommand(a);
  } catch (e) {
    expect(e, argv.join(' ')).toBeInstanceOf(CliError);
    return { error: e as CliError, warnings };
  }
  throw new Error(`no error: ${argv.join(' ')}`);
}

// [what, argv, usage error?, English (as the CLI always printed it), German]
const CASES: [string, string[], boolean, string, string][] = [
  ['missing command', [], true, 'missing <command>: one of shadows, sunhours, sunpoints, overlaps, compliance', 'fehlender <Befehl>: einer von shadows, sunhours, sunpoints, overlaps, compliance'],
  ['unknown command', ['frob', '--out', out], true, 'unknown command "frob": use one of shadows, sunhours, sunpoints, overlaps, compliance', 'unbekannter Befehl "frob": einen von shadows, sunhours, sunpoints, overlaps, compliance verwenden'],
  ['unexpected argument', ['sunhours', 'x'], true, 'analyze sunhours: unexpected argument "x" (options are --key value)', 'analyze sunhours: unerwartetes Argument "x" (Optionen werden als --schlüssel wert angegeben)'],
  ['option without value', ['sunhours', '--out'], true, 'analyze sunhours: --out needs a value', 'analyze sunhours: --out braucht einen Wert'],
  ['required option', ['sunhours', '--buildings', ok, '--date', '2025-06-21', '--bbox', bbox, '--out', out], true, 'analyze sunhours: --cell is required', 'analyze sunhours: --cell muss angegeben werden'],
  ['impossible date', ['sunhours', '--buildings', ok, '--date', '2025-02-30', '--bbox', bbox, '--cell', '2', '--out', out], true, 'analyze sunhours: --date "2025-02-30": day 30 does not exist in 2025-02 (it has 28 days)', 'analyze sunhours: --date "2025-02-30": Tag 30 gibt es in 2025-02 nicht (der Monat hat 28 Tage)'],
  ['year out of range', ['sunpoints', '--buildings', ok, '--points', ok, '--date', '1850-06-21', '--out', out], true, 'analyze sunpoints: --date "1850-06-21": year 1850 is outside 1900–2100', 'analyze sunpoints: --date "1850-06-21": Jahr 1850 liegt außerhalb von 1900–2100'],
  ['time without zone', ['shadows', '--buildings', ok, '--time', '2025-06-21T12:00:00', '--out', out], true, 'analyze shadows: --time "2025-06-21T12:00:00" is not ISO 8601 with a zone, e.g. 2026-03-20T15:00:00+01:00', 'analyze shadows: --time "2025-06-21T12:00:00" ist kein ISO-8601-Zeitpunkt mit Zeitzone, z. B. 2026-03-20T15:00:00+01:00'],
  ['number out of range', ['sunhours', '--buildings', ok, '--date', '2025-06-21', '--bbox', bbox, '--cell', '2', '--step', '1e-9', '--out', out], true, 'analyze sunhours: --step "1e-9": 1e-9 min is outside 1–120 min', 'analyze sunhours: --step "1e-9": 1e-9 min liegt außerhalb von 1–120 min'],
  ['not a number', ['sunhours', '--buildings', ok, '--date', '2025-06-21', '--bbox', bbox, '--cell', '2', '--min-altitude', 'x', '--out', out], true, 'analyze sunhours: --min-altitude "x": is not a number', 'analyze sunhours: --min-altitude "x": ist keine Zahl'],
  ['bbox latitude', ['sunhours', '--buildings', ok, '--date', '2025-06-21', '--bbox', '9.98,53.54,9.99,93.5', '--cell', '2', '--out', out], true, 'analyze sunhours: --bbox "9.98,53.54,9.99,93.5" latitude 93.5 is outside −90–90°', 'analyze sunhours: --bbox "9.98,53.54,9.99,93.5" Breite 93.5 liegt außerhalb von −90–90°'],
  ['work ceiling', ['sunhours', '--buildings', ok, '--date', '2025-06-21', '--bbox', '9,53,10,53.5', '--cell', '10', '--step', '1', '--out', out], true,
    'analyze sunhours: --bbox with --cell 10 and --step 1: the bbox (66.6 km × 55.7 km) at 10 m cells is 37.1 million cells, more than the ceiling of 20.0 million: use a larger --cell or a smaller --bbox',
    'analyze sunhours: --bbox mit --cell 10 und --step 1: die bbox (66,6 km × 55,7 km) hat bei Zellen zu 10 m 37,1 Millionen Zellen, mehr als die Obergrenze von 20,0 Millionen: eine größere --cell oder eine kleinere --bbox wählen'],
  ['positive number (compliance)', ['compliance', '--buildings', ok, '--plan', ok, '--storey-height', '0', '--out', out], true, 'analyze compliance: --storey-height "0": 0 m is outside 1–10 m', 'analyze compliance: --storey-height "0": 0 m liegt außerhalb von 1–10 m'],
  ['unknown language', ['overlaps', '--a', ok, '--b', ok, '--lang', 'fr', '--out', out], true, 'analyze overlaps: --lang "fr" must be one of de, en', 'analyze overlaps: --lang "fr" muss eine der Sprachen de, en sein'],
  ['empty file', ['overlaps', '--a', ok, '--b', empty, '--out', out], false, `${empty}: is an empty FeatureCollection (no features to analyse)`, `${empty}: ist eine leere FeatureCollection (nichts zu analysieren)`],
  ['missing file', ['overlaps', '--a', ok, '--b', path.join(dir, 'nope.geojson'), '--out', out], false, `${path.join(dir, 'nope.geojson')}: cannot read (ENOENT: no such file or directory, open '${path.join(dir, 'nope.geojson')}')`, `${path.join(dir, 'nope.geojson')}: nicht lesbar (ENOENT: no such file or directory, open '${path.join(dir, 'nope.geojson')}')`],
  ['projected coordinates', ['shadows', '--buildings', utm, '--time', '2025-06-21T12:00:00Z', '--out', out], false,
    `${utm}: feature 0 (id "u"), position [565000, 5933000]: coordinates look projected (metres, e.g. EPSG:25832), but GeoJSON is read as WGS84 longitude/latitude (RFC 7946); reproject the file to EPSG:4326 first (e.g. ogr2ogr -t_srs EPSG:4326)`,
    `${utm}: Objekt 0 (id "u"), Position [565000, 5933000]: die Koordinaten sehen projiziert aus (Meter, z. B. EPSG:25832), GeoJSON wird aber als WGS84-Länge/-Breite gelesen (RFC 7946); die Datei zuerst nach EPSG:4326 umprojizieren (z. B. ogr2ogr -t_srs EPSG:4326)`],
  ['extent', ['overlaps', '--a', wide, '--b', ok, '--out', out], false,
    `${wide}: spans 68 m × 228 km (lon 9.99–9.991, lat 51.5–${53.55 + 0.001}), more than the 200 km an analysis covers; cut the file to the area of interest`,
    `${wide}: erstreckt sich über 68 m × 228 km (Länge 9.99–9.991, Breite 51.5–${53.55 + 0.001}), mehr als die 200 km, die eine Analyse abdeckt; die Datei auf das betrachtete Gebiet zuschneiden`],
  ['no heights', ['shadows', '--buildings', flat, '--time', '2025-06-21T12:00:00Z', '--out', out], false,
    `${flat}: none of the 2 buildings has a usable height (heightM > 0 or LoD2 roofs), so nothing casts a shadow: feature 0 (id "a") heightM 0 is not a height above 0 m (and no roofs); feature 1 (id "b") has no heightM and no roofs`,
    `${flat}: keines der 2 Gebäude hat eine brauchbare Höhe (heightM > 0 oder LoD2-Dächer), also wirft nichts einen Schatten: Objekt 0 (id "a") heightM 0 ist keine Höhe über 0 m (und keine roofs); Objekt 1 (id "b") hat weder heightM noch roofs`],
  ['not a Point', ['sunpoints', '--buildings', ok, '--points', line, '--date', '2025-06-21', '--out', out], false, `${line}: feature 0 is a LineString, not a Point`, `${line}: Objekt 0 ist ein LineString, kein Point`],
  ['property not a number', ['sunpoints', '--buildings', ok, '--points', badPoint, '--date', '2025-06-21', '--out', out], false, `${badPoint}: feature 0: heightM "x" is not a number`, `${badPoint}: Objekt 0: heightM "x" ist keine Zahl`],
];

describe('analyze CLI errors in English and German', () => {
  it.each(CASES)('%s', async (_what, argv, usage, english, german) => {
    const { error } = await fail(...argv);
    expect(error instanceof AnalyzeUsageError).toBe(usage);
    expect(error.message).toBe(english);
    expect(cliErrorText(error, 'en')).toBe(english);
    expect(cliErrorText(error, 'de')).toBe(german);
  });

  it('a file that is not JSON: the file in both languages, the parser detail as Node gives it', async () => {
    const { error } = await fail('overlaps', '--a', notJson, '--b', ok, '--out', out);
    expect(error.message).toMatch(new RegExp(`^${notJson.replace(/[.\\/]/g, '\\$&')}: not JSON \\(Unexpected token`));
    expect(cliErrorText(error, 'de')).toMatch(new RegExp(`^${notJson.replace(/[.\\/]/g, '\\$&')}: kein JSON \\(Unexpected token`));
  });

  it('warns about buildings without height in the --lang language', async () => {
    const warnings: string[] = [];
    await validateAnalyzeArgs(parseAnalyzeArgs(['shadows', '--buildings', some, '--time', '2025-06-21T12:00:00Z', '--lang', 'de', '--out', out]), (l) => warnings.push(l));
    await validateAnalyzeArgs(parseAnalyzeArgs(['shadows', '--buildings', some, '--time', '2025-06-21T12:00:00Z', '--out', out]), (l) => warnings.push(l));
    expect(warnings).toEqual([
      `${some}: 1 von 2 Gebäuden haben keine brauchbare Höhe und bleiben außen vor: Objekt 1 (id "b") hat weder heightM noch roofs`,
      `${some}: 1 of 2 buildings have no usable height and are left out: feature 1 (id "b") has no heightM and no roofs`,
    ]);
  });

  it('reads the language from the raw arguments (errors can come before parsing); a bad value reports in English', () => {
    expect(langFromArgv(['sunhours', '--lang', 'de'])).toBe('de');
    expect(langFromArgv(['sunhours', '--lang', 'fr'])).toBe('en');
    expect(langFromArgv(['sunhours', '--lang'])).toBe('en');
    expect(langFromArgv([])).toBe('en');
  });

  it('every error and problem text has its own German wording (not the English one copied)', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('cli.error.') || k.startsWith('problem.') || k === 'cli.analyze.usage');
    expect(keys.length).toBeGreaterThan(50);
    // Templates made only of placeholders, punctuation and format calls read the same in both languages.
    const onlyTemplate = (s: string) => s.replace(/\{\{[^}]+\}\}/g, '').replace(/\b(km|m|analyze|--[a-z-]+)\b/g, '').replace(/[\s"':;,.()[\]…-]/g, '') === '';
    for (const k of keys) {
      const e = en[k as keyof typeof en], d = de[k as keyof typeof de];
      if (onlyTemplate(e)) expect(onlyTemplate(d), k).toBe(true);
      else expect(d, k).not.toBe(e);
    }
  });

  it('the process prints the error and the usage in German with --lang de (exit 2), English by default', async () => {
    const argv = ['sunhours', '--buildings', ok, '--date', '2025-13-45', '--bbox', bbox, '--cell', '2', '--out', out];
    const [rDe, rEn] = await Promise.all([analyze(...argv, '--lang', 'de'), analyze(...argv)]);
    expect(rDe.code).toBe(2);
    expect(rDe.stderr).toBe(`analyze sunhours: --date "2025-13-45": Monat 13 gibt es nicht\n${de['cli.analyze.usage']}\n`);
    expect(rEn.code).toBe(2);
    expect(rEn.stderr).toBe(`analyze sunhours: --date "2025-13-45": month 13 does not exist\n${en['cli.analyze.usage']}\n`);
    expect(en['cli.analyze.usage']).toMatch(/^usage:\n {2}npm run analyze -- sunhours/);
  });
});
