import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kioskCard, kioskProposedCard } from '../../../src/core/kiosk/kioskCard';
import { createI18n } from '../../../src/core/i18n/createI18n';
import { translateMessage } from '../../../src/core/i18n/Message';
import type { Catalog } from '../../../src/core/model/Catalog';

// Real features of the generated demo dataset (npm run demo-data).
const catalog = JSON.parse(readFileSync('data/demo/catalog.json', 'utf8')) as Catalog;
const layer = (id: string) => catalog.layers.find((l) => l.id === id)!;
const first = (file: string) => (JSON.parse(readFileSync(`data/demo/${file}.geojson`, 'utf8')) as GeoJSON.FeatureCollection).features[0].properties!;
const de = createI18n('de'), en = createI18n('en');
const say = (card: ReturnType<typeof kioskCard>, i = de) => card.lines.map((m) => translateMessage(i.t, m));

describe('kioskCard', () => {
  it('explains a Baugebiet in plain words: storeys, height and the share of a plot that may be built on', () => {
    const p = first('baugebiete');
    const card = kioskCard(layer('bplan-baugebiete'), p, 'de');
    expect(card.title).toBe((p.landUseLabel as { de: string }).de);
    const text = say(card);
    expect(text).toContain(`Hier dürfen bis zu ${p.maxStoreys} Geschosse gebaut werden, höchstens ${Math.round(p.maxHeightM)} m hoch.`);
    expect(text).toContain(`Bis zu ${Math.round(p.grz * 100)} % jedes Grundstücks dürfen bebaut werden; der Rest bleibt frei.`);
    // No codes or attribute names reach the citizen.
    expect(text.join(' ')).not.toMatch(/GRZ|GFZ|grz|landUse|BP_|\{\{/);
    const english = kioskCard(layer('bplan-baugebiete'), p, 'en');
    expect(english.title).toBe((p.landUseLabel as { en: string }).en);
    expect(say(english, en)[0]).toBe(`Up to ${p.maxStoreys} storeys may be built here, at most ${Math.round(p.maxHeightM)} m high.`);
  });

  it('names a building by its street address and says its use, storeys and height', () => {
    const p = first('buildings');
    const card = kioskCard(layer('buildings'), p, 'de');
    expect(card.title).toBe('Am Mühlenkanal 1');
    expect(say(card)).toEqual([`Genutzt als: ${p.functionLabel}.`, `${p.storeysAboveGround} Geschosse, etwa ${Math.round(p.heightM)} m hoch.`]);
  });

  it('says a building\'s use in the screen\'s language, not the German label stored in the tiles', () => {
    // A commercial building as converted from Hamburg LoD2 (ALKIS Gebäudefunktion 31001_2000).
    const hall = { id: 'DEHH_x', function: '31001_2000', functionLabel: 'Gebäude für Wirtschaft oder Gewerbe', heightM: 9.6 };
    expect(say(kioskCard(layer('buildings'), hall, 'en'), en)).toEqual(['Used as: Commercial or business building.', 'About 10 m high.']);
    expect(kioskCard(layer('buildings'), hall, 'en').title).toBe('Commercial or business building');
    expect(say(kioskCard(layer('buildings'), hall, 'de'))[0]).toBe('Genutzt als: Gebäude für Wirtschaft oder Gewerbe.');
    // An unlisted code of a known group reads as its group; an unknown code keeps the stored label.
    expect(say(kioskCard(layer('buildings'), { function: '31001_2999' }, 'en'), en)[0]).toBe('Used as: Business, trade.');
    expect(say(kioskCard(layer('buildings'), { function: '99999_0000', functionLabel: 'Sonderbau' }, 'en'), en)[0]).toBe('Used as: Sonderbau.');
  });

  it('tells that green space stays green, what a playground is for, and what the plan area is', () => {
    expect(say(kioskCard(layer('bplan-gruen'), first('gruen'), 'de'))).toEqual(['Diese Fläche bleibt grün: Parkanlage.', 'Sie ist öffentlich.']);
    expect(kioskCard(layer('bplan-gruen'), first('gruen'), 'de').title).toBe('Mühlenpark');
    expect(say(kioskCard(layer('playgrounds'), first('playgrounds'), 'de'))).toEqual(['Ein Spielplatz für Kinder von 0–12 Jahre.', 'Etwa 2.104 m² groß.']);
    const plan = kioskCard(layer('bplan-plan-areas'), first('plan-areas'), 'en');
    expect(plan.title).toBe('Planlotse-Demo 1 (generiert)');
    expect(say(plan, en)).toEqual(['Status of the plan: draft.', 'The zoning plan sets what may be built on the land.']);
  });

  it('leaves out sentences whose values are missing and falls back to the layer title', () => {
    const card = kioskCard(layer('bplan-baugebiete'), { maxStoreys: 'sechs', grz: null }, 'de');
    expect(card.title).toBe(layer('bplan-baugebiete').title.de);
    expect(say(card)).toEqual(['Zu diesem Ort gibt es keine weiteren Angaben.']);
    expect(kioskCard({ role: undefined, title: { de: 'Eigene Ebene', en: 'Own layer' } }, undefined, 'en')).toEqual({ title: 'Own layer', lines: [{ code: 'kiosk.card.noDetails' }] });
  });
});

describe('kioskProposedCard', () => {
  it('says that a draft plans the building, with storeys, height and use', () => {
    const card = kioskProposedCard({ name: 'Hofhaus', storeys: 3, storeyHeightM: 3, roof: { type: 'gabled', roofHeightM: 4, ridgeAzimuthDeg: 0 }, use: 'housing' });
    expect(card.title).toBe('Hofhaus');
    expect(say(card)).toEqual(['Geplant in diesem Entwurf: 3 Geschosse, etwa 13 m hoch.', 'Vorgesehen zum Wohnen.']);
    expect(say(card, en)).toEqual(['Planned in this draft: 3 storeys, about 13 m high.', 'Meant for homes.']);
  });
});
