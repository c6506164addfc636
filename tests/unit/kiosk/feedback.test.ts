import { describe, expect, it } from 'vitest';
import { createFeedbackPin } from '../../../src/core/kiosk/createFeedbackPin';
import type { FeedbackPin } from '../../../src/core/kiosk/FeedbackPin';
import { feedbackFromGeoJson } from '../../../src/core/kiosk/feedbackFromGeoJson';
import { FEEDBACK_TABLE_HEADER, feedbackTable } from '../../../src/core/kiosk/feedbackTable';
import { feedbackToGeoJson } from '../../../src/core/kiosk/feedbackToGeoJson';
import { mergeFeedback } from '../../../src/core/kiosk/mergeFeedback';
import { randomUuid } from '../../../src/core/kiosk/randomUuid';
import { feedbackDraft } from './kioskFixtures';

const NOW = new Date('2026-05-04T10:15:00.000Z');
const pinOf = (over = {}, o: { id?: string; now?: Date } = {}): FeedbackPin => {
  const r = createFeedbackPin(feedbackDraft(over), { now: o.now ?? NOW, id: o.id, categories: ['gruen', 'verkehr'] });
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.pin;
};

describe('createFeedbackPin', () => {
  it('makes a pin with a fresh UUID, timestamps and the scenario state, text cleaned', () => {
    const pin = pinOf({ text: '  Mehr Ba\u0308ume\u0000!  ' });
    expect(pin.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pinOf().id).not.toBe(pin.id);
    expect(pin).toMatchObject({ createdAt: '2026-05-04T10:15:00.000Z', updatedAt: '2026-05-04T10:15:00.000Z', hidden: false, category: 'gruen', text: 'Mehr Bäume!', rating: 4, ageGroup: '30-49' });
    expect(pin.scenario).toEqual(feedbackDraft().scenario);
    expect(pinOf({ rating: undefined, ageGroup: undefined })).toMatchObject({ rating: null, ageGroup: null });
    expect(pinOf({ text: 'x'.repeat(700) }).text.length).toBe(500);
  });

  it('names every bad field of the form', () => {
    const r = createFeedbackPin(feedbackDraft({ category: 'laerm', text: ' \u0000 ', rating: 6, ageGroup: '40-50' as never, lat: 91, scenario: { ...feedbackDraft().scenario, language: 'Deutsch', visibleLayerIds: ['ok', 'not ok'] } }), { now: NOW, categories: ['gruen'] });
    expect('errors' in r && r.errors).toEqual([
      { path: 'category', message: '"laerm" is not one of the categories (gruen)' },
      { path: 'text', message: 'must not be empty' },
      { path: 'rating', message: '6 is outside 1–5' },
      { path: 'ageGroup', message: 'must be null or one of under-18, 18-29, 30-49, 50-64, 65-plus' },
      { path: 'lat', message: '91° is outside -90–90°' },
      { path: 'scenario.visibleLayerIds[1]', message: '"not ok" is not an id (letters, digits, _ . : -, at most 64 characters)' },
      { path: 'scenario.language', message: '"Deutsch" is not a language code like de or en' },
    ]);
  });
});

describe('randomUuid', () => {
  it('makes v4 UUIDs also where crypto.randomUUID is missing (plain http, not a secure context)', () => {
    const insecure = { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) };
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid(insecure)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('feedback GeoJSON', () => {
  it('round-trips pins through an RFC 7946 FeatureCollection (text, JSON and hidden flag intact)', () => {
    const pins = [pinOf({ text: 'Ampel <hier> & "dort"\nbitte' }), { ...pinOf({ category: 'verkehr', rating: null }), hidden: true, updatedAt: '2026-05-05T08:00:00.000Z' }];
    const fc = feedbackToGeoJson(pins);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.kind).toBe('planlotse-feedback');
    expect(fc.features[0]).toMatchObject({ type: 'Feature', id: pins[0].id, geometry: { type: 'Point', coordinates: [10.0012, 53.5498, 9.5] } });
    expect(fc.features[0].properties).not.toHaveProperty('lon');
    expect(feedbackFromGeoJson(JSON.stringify(fc))).toEqual({ pins, errors: [] });
    expect(feedbackToGeoJson(pins, { includeHidden: false }).features.map((f) => f.id)).toEqual([pins[0].id]);
  });

  it('reports bad features by index and field, and keeps the good ones', () => {
    const pins = [pinOf(), pinOf(), pinOf(), pinOf(), pinOf()];
    const fc = JSON.parse(JSON.stringify(feedbackToGeoJson(pins)));
    fc.features[1].properties.text = 'x'.repeat(501);
    fc.features[2].geometry.coordinates = [200, 53.5];
    delete fc.features[3].properties.scenario.camera.pitchDeg;
    fc.features[4] = { type: 'Feature', geometry: null, properties: {} };
    fc.features.push('junk');
    const r = feedbackFromGeoJson(fc);
    expect(r.pins).toEqual([pins[0]]);
    expect(r.errors).toEqual([
      { index: 1, path: 'features[1].properties.text', message: 'is longer than 500 characters' },
      { index: 2, path: 'features[2].geometry.coordinates[0]', message: '200° is outside -180–180°' },
      { index: 3, path: 'features[3].properties.scenario.camera.pitchDeg', message: 'missing' },
      { index: 4, path: 'features[4].geometry', message: 'must be a Point with [lon, lat] or [lon, lat, height]' },
      { index: 5, path: 'features[5]', message: 'not a GeoJSON Feature' },
    ]);
  });

  it('refuses files that are not feedback exports as a whole, without throwing', () => {
    for (const bad of ['{', '[]', 'null', JSON.stringify({ type: 'FeatureCollection', features: [] }), JSON.stringify({ type: 'Feature' }), 42]) {
      const r = feedbackFromGeoJson(bad);
      expect(r.pins).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].index).toBeNull();
    }
    expect(feedbackFromGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [] })).errors[0].message).toBe('not a Planlotse feedback export ("kind" is undefined, expected "planlotse-feedback")');
  });
});

describe('mergeFeedback', () => {
  it('merges several kiosks by pin id without duplicates; the newest update wins, a hide is kept', () => {
    const a = pinOf({}, { now: new Date('2026-05-01T09:00:00.000Z') });
    const b = pinOf({ category: 'verkehr' }, { now: new Date('2026-05-02T09:00:00.000Z') });
    const c = pinOf({}, { now: new Date('2026-05-03T09:00:00.000Z') });
    const bHidden = { ...b, hidden: true, updatedAt: '2026-05-04T12:00:00.000Z' };
    const aHiddenSameTime = { ...a, hidden: true };
    const kiosk1 = [c, a, bHidden];
    const kiosk2 = [b, aHiddenSameTime];
    const kiosk3 = [c];
    const m = mergeFeedback([kiosk1, kiosk2, kiosk3]);
    expect(m.pins).toEqual([aHiddenSameTime, bHidden, c]);
    expect(m.duplicates).toBe(3);
    // Any order gives the same result.
    expect(mergeFeedback([kiosk3, kiosk2, kiosk1]).pins).toEqual(m.pins);
    // A later restore wins over the earlier hide.
    const bRestored = { ...b, hidden: false, updatedAt: '2026-05-05T12:00:00.000Z' };
    expect(mergeFeedback([kiosk1, [bRestored]]).pins[1]).toBe(bRestored);
    // Merging exports read back from GeoJSON changes nothing.
    const back = feedbackFromGeoJson(JSON.stringify(feedbackToGeoJson(m.pins))).pins;
    expect(mergeFeedback([m.pins, back])).toEqual({ pins: m.pins, duplicates: 3 });
  });
});

describe('feedbackTable', () => {
  it('flattens pins into CSV rows with the scenario state', () => {
    const p = pinOf({ rating: null, ageGroup: null, text: '=1+1 "quoted", comma' });
    const t = feedbackTable([p, { ...p, id: '00000000-0000-4000-8000-000000000000', hidden: true }]);
    expect(t.header).toEqual(FEEDBACK_TABLE_HEADER);
    expect(t.rows[0]).toEqual([
      p.id, '2026-05-04T10:15:00.000Z', '2026-05-04T10:15:00.000Z', 'false', 'gruen', '=1+1 "quoted", comma', null, null, 10.0012, 53.5498, 9.5,
      'demo', 'bplan-demo-1', 'existing', '2026-06-21T11:00:00.000Z', 'de', 'buildings trees',
      10.0, 53.545, 600, 20, -45,
    ]);
    expect(t.rows.every((r) => r.length === t.header.length)).toBe(true);
    expect(t.rows[1][3]).toBe('true');
    expect(feedbackTable([p, { ...p, hidden: true }], { includeHidden: false }).rows).toHaveLength(1);
  });
});
