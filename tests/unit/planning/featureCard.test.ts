import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/core/i18n/createI18n';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { featureCard, roman, type FeatureCard } from '../../../src/core/planning/featureCard';
import { readXPlanGml, type PlanningFeature } from '../../../src/core/xplanung/readXPlanGml';
import { generateDistrict } from '../../../scripts/demo/generateDistrict';
import { writeXPlanGml } from '../../../scripts/demo/writeXPlanGml';
import { DEMO_TEXTS } from '../../../scripts/demo/demoTexts';
import { Random } from '../../../scripts/demo/random';
import { hasReal, realText } from './realData';

const de = createI18n('de');
const en = createI18n('en');

/** Every string a card shows, for checks that hold for all of them. */
function strings(c: FeatureCard): string[] {
  return [c.heading, c.subheading ?? '', c.plan ?? '', ...c.groups.flatMap((g) => [g.title, ...g.rows.flatMap((r) => [r.label, r.value])]), ...c.texts.flatMap((t) => [t.key ?? '', t.text]), ...c.all.flatMap((r) => [r.label, r.value])];
}
const row = (c: FeatureCard, label: string) => c.groups.flatMap((g) => g.rows).find((r) => r.label === label)?.value;

describe('featureCard on the demo plan (XPlanGML written by the demo generator, read by the converter)', () => {
  const gml = writeXPlanGml(generateDistrict(), new Random(1));
  const read = readXPlanGml(gml, { file: 'bplan.gml', report: new ReportBuilder() });
  const wa1 = read.features.find((f) => f.properties.gliederung1 === 'WA 1')!;

  it('WA 1 reads like the plan: heading, Festsetzungen in order, German numbers, its textual rules, the plan line', () => {
    const c = featureCard(wa1.properties, de);
    expect(c.heading).toBe('WA 1 – Allgemeines Wohngebiet');
    expect(c.subheading).toBe('Baugebietsteilfläche · Festsetzung');
    expect(c.groups.map((g) => g.title)).toEqual(['Art der Nutzung', 'Maß der baulichen Nutzung', 'Bauweise, überbaubare Grundstücksfläche']);
    expect(c.groups[1].rows).toEqual([
      { label: 'Grundflächenzahl (GRZ)', value: '0,5' },
      { label: 'Geschossflächenzahl (GFZ)', value: '2' },
      { label: 'Vollgeschosse', value: 'höchstens V' },
      { label: 'Gebäudehöhe (GBH)', value: 'höchstens 18,5 m, relativ zur Geländeoberkante' },
    ]);
    expect(row(c, 'Bauweise')).toBe('geschlossene Bauweise');
    // The rules the generator attaches to WA areas (§2 Nr. 1, 5, 6), with their text.
    const expected = DEMO_TEXTS.filter((t) => ['§2Nr.1', '§2Nr.5', '§2Nr.6'].includes(t.schluessel));
    expect(c.texts).toEqual(expected.map((t) => ({ key: t.schluessel, text: t.text })));
    expect(c.plan).toBe('Bebauungsplan Demo 1 „Planlotse-Demo 1 (generiert)“ · Entwurf · Aufstellungsbeschluss vom 12.03.2025');
    // No JSON, no GML ids, no value twice (the original GRZ/GFZ/Zmax stay out of "all attributes").
    for (const s of strings(c)) expect(s).not.toMatch(/[{}[\]]|GML_/);
    expect(c.all).toEqual([{ label: 'Flächenschluss', value: 'ja' }]);
  });

  it('in English: English labels and number format, the same texts', () => {
    const c = featureCard(wa1.properties, en);
    expect(c.heading).toBe('WA 1 – General residential area');
    expect(row(c, 'Site occupancy index (GRZ)')).toBe('0.5');
    expect(row(c, 'Full storeys')).toBe('at most V');
    expect(row(c, 'building height')).toBe('at most 18.5 m, relative to ground level');
    expect(c.texts).toHaveLength(3);
    expect(c.plan).toContain('draft');
    expect(c.plan).toContain('12/03/2025');
  });

  it('the playground: purpose as heading, its own rule; the MU 3 tower: absolute height over NHN', () => {
    const play = read.features.find((f) => f.properties.featureClass === 'BP_GruenFlaeche' && (f.properties.purpose as { code: string }[])[0].code === '1600')!;
    const c = featureCard(play.properties, de);
    expect(c.heading).toBe('Spielplatz Mühlenpark');
    expect(row(c, 'Zweckbestimmung')).toBe('Spielplatz');
    expect(row(c, 'Nutzungsform')).toBe('öffentlich');
    expect(c.texts.map((t) => t.key)).toEqual(['§2Nr.7']);
    const mu3 = featureCard(read.features.find((f) => f.properties.gliederung1 === 'MU 3')!.properties, de);
    expect(row(mu3, 'Vollgeschosse')).toBe('höchstens XVI');
    expect(row(mu3, 'Gebäudeoberkante (GOK)')).toBe('höchstens 60 m, absolut in NHN');
  });
});

describe.skipIf(!hasReal)('featureCard on a real Hamburg plan (HafenCity7.gml, XPlanGML 5.2)', () => {
  const xml = realText('xplanung-hh/HafenCity7.gml');
  const read = readXPlanGml(xml, { file: 'HafenCity7.gml', report: new ReportBuilder() });
  const byId = (id: string) => read.features.find((f) => f.id === id)! as PlanningFeature;

  it('the Mischgebiet shows every textual rule it refers to, in the plan order, with the text of the file', () => {
    const mi = byId('GML_21f1e4ac-6237-479a-815d-b9d94bf441e0');
    const c = featureCard(mi.properties, de);
    expect(c.heading).toBe('MI – Mischgebiet');
    expect(row(c, 'Grundflächenzahl (GRZ)')).toBe('1');
    // Independent count on the raw XML: the refTextInhalt links inside this feature's element.
    const el = xml.slice(xml.indexOf('gml:id="GML_21f1e4ac-6237-479a-815d-b9d94bf441e0"'));
    const refs = [...el.slice(0, el.indexOf('</xplan:BP_BaugebietsTeilFlaeche>')).matchAll(/refTextInhalt xlink:href="#([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toHaveLength(16);
    expect(c.texts).toHaveLength(16);
    const keys = c.texts.map((t) => Number(t.key!.replace('§2Nr.', '')));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    // §2 Nr. 18 as the file writes it.
    const nr18 = /<xplan:schluessel>§2Nr\.18<\/xplan:schluessel>\s*<xplan:text>([^<]+)<\/xplan:text>/.exec(xml)![1].trim();
    expect(c.texts.find((t) => t.key === '§2Nr.18')!.text).toBe(nr18);
    expect(c.plan).toBe('Bebauungsplan „HafenCity7“ · Satzung · Rechtsverordnung vom 18.06.2019');
    expect(c.all).toContainEqual({ label: 'Gliederung', value: '(B, C, E, F, G, H, I,  K, L)' });
    for (const s of strings(c)) expect(s).not.toMatch(/[{}[\]]|GML_/);
  });

  it('an überbaubare Fläche with storeys XIV to XVI and a height of 65.5 m over NHN as the file gives it (h, no maximum); the plan itself with its dates', () => {
    const ugf = featureCard(byId('GML_ee89b16f-c94d-4f6b-9ebb-29a5cc18e56c').properties, de);
    expect(ugf.heading).toBe('Überbaubare Grundstücksfläche');
    expect(row(ugf, 'Vollgeschosse')).toBe('XIV bis XVI');
    expect(row(ugf, 'Gebäudehöhe (GBH)')).toBe('65,5 m, absolut in NHN');
    const plan = featureCard(read.features.find((f) => f.properties.featureClass === 'BP_Plan')!.properties, de);
    expect(plan.heading).toBe('Bebauungsplan HafenCity7');
    expect(row(plan, 'Rechtsverordnung vom')).toBe('18.06.2019');
    expect(plan.all).toContainEqual({ label: 'Verfahren', value: 'Normalverfahren' });
    for (const s of strings(plan)) expect(s).not.toMatch(/[{}[\]]|GML_/);
  });
});

describe('featureCard of buildings and other features', () => {
  const building = {
    id: 'DEMO_BLDG_0001', function: '31001_1000', functionLabel: 'Wohngebäude', roofType: '1000', roofTypeLabel: 'Flachdach', groundHeightM: 6.4, heightM: 17.25,
    storeysAboveGround: 5, address: 'Am Mühlenkanal 1, Hamburg', source: 'buildings.gml', lod: 2,
  };
  it('a building from the footprints (attributes as an object) and from 3D Tiles (attributes as a JSON string) read the same', () => {
    const attributes = { Gemeindeschluessel: '02000000', DatenquelleDachhoehe: 'generiert (Planlotse)' };
    const a = featureCard({ ...building, attributes }, de);
    const b = featureCard({ ...building, attributes: JSON.stringify(attributes) }, de);
    expect(b).toEqual(a);
    expect(a.heading).toBe('Wohngebäude');
    expect(row(a, 'Gebäudehöhe')).toBe('17,3 m');
    expect(row(a, 'Oberirdische Geschosse')).toBe('5');
    expect(a.all).toContainEqual({ label: 'Gemeindeschluessel', value: '02000000' });
    expect(a.all).toContainEqual({ label: 'Datenquelle Dachhoehe', value: 'generiert (Planlotse)' });
    for (const s of strings(a)) expect(s).not.toMatch(/[{}[\]]/);
  });

  it('a building\'s function and roof type in the card\'s language (the tiles store German labels)', () => {
    const c = featureCard(building, en);
    expect(c.heading).toBe('Residential building');
    expect(row(c, 'Roof type')).toBe('Flat roof');
    expect(featureCard(building, de).heading).toBe('Wohngebäude');
    expect(row(featureCard(building, de), 'Dachform')).toBe('Flachdach');
  });

  it('a WFS feature: named by its name attribute, every attribute one row, the layer as subheading', () => {
    const c = featureCard({ planrecht: 'Bahrenfeld18   ', feststellung: '12.03.1999', hektar: 1.25, tags: ['a', 'b'] }, de, { layerTitle: 'Festgestellte Bebauungspläne' });
    expect(c.heading).toBe('Bahrenfeld18');
    expect(c.subheading).toBe('Festgestellte Bebauungspläne');
    expect(c.all).toEqual([
      { label: 'Planrecht', value: 'Bahrenfeld18' },
      { label: 'Feststellung', value: '12.03.1999' },
      { label: 'Hektar', value: '1,25' },
      { label: 'Tags', value: 'a; b' },
    ]);
  });

  it('roman numerals as plans write Vollgeschosse', () => {
    expect([1, 4, 9, 14, 16, 40].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XVI', 'XL']);
  });
});
