import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/core/i18n/createI18n';
import { LANGS } from '../../../src/core/i18n/Lang';
import { translateMessage } from '../../../src/core/i18n/Message';
import { de } from '../../../src/core/i18n/resources/de';
import { en } from '../../../src/core/i18n/resources/en';
import { textInAllLanguages } from '../../../src/core/i18n/textInAllLanguages';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('createI18n (one i18n API on i18next, the same resources for UI, CLI and reports)', () => {
  it('has the same keys and the same placeholders in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    const differing = (Object.keys(de) as (keyof typeof de)[]).filter((k) => placeholders(de[k]).join() !== placeholders(en[k]).join());
    expect(differing).toEqual([]);
    // Plural keys come in pairs.
    for (const k of Object.keys(de)) if (k.endsWith('_one')) expect(de).toHaveProperty(k.replace(/_one$/, '_other'));
  });

  it('translates in both languages and switches language on the same instance', async () => {
    const i18n = createI18n('de');
    expect(i18n.t('section.layers')).toBe('Ebenen');
    expect(i18n.t('layers.opacityOf', { name: 'Bäume' })).toBe('Deckkraft von Bäume');
    await i18n.changeLanguage('en');
    expect(i18n.t('section.layers')).toBe('Layers');
    expect(i18n.t('layers.opacityOf', { name: 'Trees' })).toBe('Opacity of Trees');
    // Text is not HTML-escaped: React escapes, the CLI writes plain text.
    expect(i18n.t('viewpoints.flyTo', { name: 'A & B <c>' })).toBe('Fly to “A & B <c>”');
  });

  it('chooses plural forms by count and formats the count (decimal comma and dot grouping in German)', () => {
    const d = createI18n('de').t;
    const e = createI18n('en').t;
    expect(d('layers.features', { count: 1 })).toBe('1 Objekt');
    expect(d('layers.features', { count: 0 })).toBe('0 Objekte');
    expect(d('layers.features', { count: 12345 })).toBe('12.345 Objekte');
    expect(e('layers.features', { count: 1 })).toBe('1 feature');
    expect(e('layers.features', { count: 12345 })).toBe('12,345 features');
    expect(d('scenario.imported', { name: 'Nord', count: 2 })).toBe('Nord: 2 Varianten importiert');
    expect(e('scenario.imported', { name: 'Nord', count: 1 })).toBe('Nord: 1 variant imported');
  });

  it('formats numbers and dates with Intl through i18next formatters (de-DE, en-GB)', () => {
    for (const lang of LANGS) {
      const i18n = createI18n(lang);
      const f = i18n.services.formatter!;
      const n = f.format(1234.5, 'number', lang, { minimumFractionDigits: 2 });
      const date = f.format(new Date(Date.UTC(2025, 2, 21, 12)), 'datetime', lang, { timeZone: 'UTC', dateStyle: 'short' });
      // Independent reference: Intl itself with the locale written out.
      expect(n).toBe(new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 2 }).format(1234.5));
      expect(date).toBe(lang === 'de' ? '21.03.25' : '21/03/2025');
    }
    expect(createI18n('de').services.formatter!.format(1234.5, 'number', 'de', { minimumFractionDigits: 2 })).toBe('1.234,50');
    expect(createI18n('de').t('measure.points', { n: 1234 })).toBe('Punkte: 1.234');
  });

  it('translates message codes from state, and types keys (an unknown key fails tsc)', () => {
    const t = createI18n('en').t;
    expect(translateMessage(t, { code: 'scenario.tooFewCorners', params: { count: 2 } })).toBe('a footprint needs at least 3 corners (2 set)');
    expect(translateMessage(createI18n('de').t, { code: 'storage.recordsSkipped', params: { count: 1, detail: 'x' } })).toMatch(/^Ein gespeichertes Szenario konnte nicht gelesen werden/);
    // @ts-expect-error -- not a key of the resources: the type check refuses it.
    expect(t('no.such.key')).toBe('no.such.key');
    expect(textInAllLanguages('drop.group')).toEqual({ de: 'Eigene Dateien', en: 'Your files' });
  });
});
