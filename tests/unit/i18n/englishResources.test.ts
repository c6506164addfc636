import { describe, expect, it } from 'vitest';
import { de } from '../../../src/core/i18n/resources/de';
import { en } from '../../../src/core/i18n/resources/en';

/**
 * Guards en.ts against German left behind (issue 10/11): the Analyses panel's detail texts, the CSV column names,
 * the CLI's errors and every other English text are English. German planning terms get their English name
 * ("building zone" for Baugebiet, "building limit" for Baugrenze); official abbreviations (GRZ, GFZ, B-Plan) and
 * the machine names of data fields (heightM, roofs, bauweise values) stay as they are.
 */
const GERMAN_WORDS = [
  // function words that English never uses
  'und', 'oder', 'nicht', 'kein', 'keine', 'der', 'das', 'mit', 'für', 'von', 'ist', 'sind', 'wird', 'werden', 'bitte', 'auf', 'im', 'zum', 'zur',
  // planning and app nouns seen in the German resources
  'Baugebiet', 'Baugebiete', 'Baugrenze', 'Baugrenzen', 'Baulinie', 'Baulinien', 'Bebauungsplan', 'Flächenschluss', 'Gebäude', 'Fläche', 'Flächen',
  'Sonne', 'Schatten', 'Sonnenstunden', 'Stunden', 'Datei', 'Dateien', 'Ebene', 'Ebenen', 'Variante', 'Varianten', 'Bestand', 'Höhe', 'Anteil',
  'Gruppe', 'Zellen', 'Schritte', 'Punkte', 'Paare', 'Flurstück', 'Flurstücke', 'Spielplatz', 'Grünfläche', 'Geschosse', 'Abbrechen', 'Speichern', 'Fehler',
];
const wordRe = new RegExp(`(^|[^\\p{L}])(${GERMAN_WORDS.join('|')})(?=$|[^\\p{L}])`, 'u');

/** A value without its placeholders and format calls (`{{v, number(…)}}`), which are code, not language. */
const prose = (v: string) => v.replace(/\{\{[^}]*\}\}/g, ' ');

describe('en.ts is English', () => {
  it('has no umlaut or ß in any text', () => {
    const bad = Object.entries(en).filter(([, v]) => /[äöüÄÖÜß]/.test(prose(v)));
    expect(bad).toEqual([]);
  });

  it('uses no German-only word', () => {
    const bad = Object.entries(en).filter(([, v]) => wordRe.test(prose(v)));
    expect(bad).toEqual([]);
  });

  it('the guard finds German where it is (it would fail on de.ts)', () => {
    const caught = Object.values(de).filter((v) => /[äöüÄÖÜß]/.test(prose(v)) || wordRe.test(prose(v)));
    expect(caught.length).toBeGreaterThan(300);
    expect(wordRe.test('Änderungen je Baugebiet')).toBe(true);
    expect(wordRe.test('Changes per building zone')).toBe(false);
    expect(wordRe.test('the worker died')).toBe(false); // "die" is English too and not in the list
  });

  it('translates every CSV column and every analysis text of the panel into a text of its own where German has one', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('analysis.') || k.startsWith('csv.column.') || k.startsWith('sun.') || k.startsWith('compliance.'));
    expect(keys.length).toBeGreaterThan(80);
    for (const k of keys) {
      const e = en[k as keyof typeof en], d = de[k as keyof typeof de];
      expect(e, k).not.toBe('');
      // Same text in both is fine for names and symbols (GRZ, m², {{count}}), not for German sentences.
      if (e === d) expect(/[äöüÄÖÜß]/.test(prose(d)) || wordRe.test(prose(d)), `${k}: "${e}" is the German text`).toBe(false);
    }
  });
});
