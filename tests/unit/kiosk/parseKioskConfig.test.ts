import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_DURATION_S, KIOSK_LIMITS, parseKioskConfig } from '../../../src/core/kiosk/parseKioskConfig';
import { validKioskJson } from './kioskFixtures';

const errorsOf = (input: unknown, context = {}) => {
  const r = parseKioskConfig(input, context);
  return 'errors' in r ? r.errors : [];
};
const paths = (input: unknown, context = {}) => errorsOf(input, context).map((e) => e.path);

describe('parseKioskConfig', () => {
  it('accepts a valid config, from text or parsed, and returns its fields', () => {
    const json = validKioskJson();
    const r = parseKioskConfig('\uFEFF' + JSON.stringify(json));
    expect(r).toEqual({ config: json });
    expect(parseKioskConfig(json)).toEqual({ config: json });
    // Optional fields come through; references to the dataset are checked when known.
    const more = { ...json, attractStoryId: 'schatten', syncEndpoint: '/api/collections/feedback/items' };
    expect(parseKioskConfig(more, { layerIds: ['buildings', 'bplan-baugebiete', 'trees'], variantIds: ['entwurf-a'] })).toEqual({ config: more });
    // A step without durationS gets the default.
    const noDuration = validKioskJson();
    delete noDuration.stories[0].steps[0].durationS;
    const r2 = parseKioskConfig(noDuration);
    expect('config' in r2 && r2.config.stories[0].steps[0].durationS).toBe(DEFAULT_STEP_DURATION_S);
  });

  it('names the JSON path of every problem at once', () => {
    const json = validKioskJson();
    delete json.stories[2].steps[0].caption.en;
    json.stories[1].steps[0].dateTime = '2026-02-30T12:00'; // no 30 February
    json.variants[1].plainCaption.de = '   ';
    json.idleTimeoutS = 2;
    json.feedbackCategories[1].id = 'mit leerzeichen';
    json.cameraBounds.maxTiltDeg = 90;
    const errors = errorsOf(json);
    expect(errors.map((e) => e.path)).toEqual([
      'variants[1].plainCaption.de',
      'stories[1].steps[0].dateTime',
      'stories[2].steps[0].caption.en',
      'feedbackCategories[1].id',
      'idleTimeoutS',
      'cameraBounds.maxTiltDeg',
    ]);
    expect(errors[1].message).toBe('"2026-02-30T12:00" is not a local date and time like 2026-06-21T13:00');
    expect(errors[2].message).toBe('missing');
    expect(errors[4].message).toBe('2 s is outside 5–3600 s');
  });

  it('refuses a PIN in clear text, wherever it is, and says how to hash it', () => {
    for (const mutate of [
      (j: any) => (j.pin = '2468'),
      (j: any) => (j.staffPin = '2468'),
      (j: any) => (j.staffPin = 2468),
      (j: any) => (j.staffPin.pin = '2468'),
    ]) {
      const json = validKioskJson();
      mutate(json);
      const errors = errorsOf(json);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].message).toContain('npm run kiosk-pin');
      expect(errors[0].path).toMatch(/^(pin|staffPin|staffPin\.pin)$/);
    }
    const json = validKioskJson();
    json.staffPin.iterations = 1000;
    json.staffPin.hash = 'AB'.repeat(32);
    expect(paths(json)).toEqual(['staffPin.hash', 'staffPin.iterations']);
  });

  it('reports unknown fields (typos must not become silent defaults)', () => {
    const json = validKioskJson();
    json.idleTimeout = 60;
    json.stories[0].steps[1].captoin = { de: 'x', en: 'y' };
    const errors = errorsOf(json);
    expect(errors.map((e) => e.path)).toEqual(['idleTimeout', 'stories[0].steps[1].captoin']);
    expect(errors[0].message).toMatch(/^unknown field \(allowed: version, title/);
  });

  it('checks references: step variants, attract story, duplicates, and the dataset when known', () => {
    const json = validKioskJson();
    json.stories[0].steps[1].variant = 'entwurf-b';
    json.attractStoryId = 'nope';
    json.stories[2].id = 'intro';
    json.toggleableLayers = ['trees', 'trees'];
    expect(errorsOf(json)).toEqual([
      { path: 'toggleableLayers[1]', message: 'layer "trees" appears twice' },
      { path: 'stories[0].steps[1].variant', message: '"entwurf-b" is not one of the configured variants (existing, entwurf-a)' },
      { path: 'stories[2].id', message: 'story "intro" appears twice' },
      { path: 'attractStoryId', message: 'no story has the id "nope"' },
    ]);
    expect(errorsOf(validKioskJson(), { layerIds: ['buildings', 'trees'], variantIds: [] })).toEqual([
      { path: 'toggleableLayers[0]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'variants[1].id', message: 'the dataset\'s scenario has no variant "entwurf-a" (use "existing" for the city as it is)' },
      { path: 'stories[0].steps[0].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'stories[0].steps[1].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'stories[1].steps[0].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'stories[1].steps[1].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'stories[1].steps[2].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
      { path: 'stories[2].steps[0].layers[1]', message: 'the dataset\'s catalog has no layer "bplan-baugebiete"' },
    ]);
  });

  it('requires start view and story viewpoints inside the camera bounds', () => {
    const json = validKioskJson();
    json.startView.height = 8 + 2000; // 2000 m above the ground, at most 1500
    json.stories[1].steps[2].view.lon = 10.05; // ≈ 3.3 km east of the centre
    json.stories[0].steps[0].view.pitchDeg = -10; // tilt 80°, at most 70°
    expect(errorsOf(json)).toEqual([
      { path: 'startView', message: 'lies outside cameraBounds: 2000.0 m above the ground, cameraBounds allow 30–1500 m' },
      { path: 'stories[0].steps[0].view', message: 'lies outside cameraBounds: pitch -10° is outside -90° … -20° (maxTiltDeg 70)' },
      { path: 'stories[1].steps[2].view', message: expect.stringMatching(/^lies outside cameraBounds: 33\d\d\.\d m from the centre of cameraBounds, at most 1500 m$/) },
    ]);
    json.cameraBounds.maxHeightM = 20;
    expect(errorsOf(json)).toContainEqual({ path: 'cameraBounds.maxHeightM', message: '20 m must be above minHeightM (30 m)' });
  });

  it('accepts only https or same-origin sync endpoints', () => {
    const check = (syncEndpoint: unknown) => paths({ ...validKioskJson(), syncEndpoint });
    expect(check('https://geo.example.de/ogc/collections/feedback/items')).toEqual([]);
    expect(check('/ogc/collections/feedback/items')).toEqual([]);
    for (const bad of ['http://geo.example.de/items', '//evil.example/items', 'ftp://x/y', 'javascript:alert(1)', 'items', '/a b', 'https://user:pw@geo.example.de/items', '', 42]) {
      expect(check(bad), String(bad)).toEqual(['syncEndpoint']);
    }
  });

  it('bounds size and depth and never throws on hostile input', () => {
    expect(errorsOf('x'.repeat(KIOSK_LIMITS.fileBytes + 1))[0].message).toMatch(/^kiosk\.json is 256 KB, at most 256 KB$/);
    expect(errorsOf('{"version": 1,')[0].message).toMatch(/^kiosk\.json is not valid JSON/);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorsOf({ ...validKioskJson(), comment: deep })).toEqual([{ path: '', message: 'kiosk.json nests deeper than 12 levels' }]);
    expect(errorsOf('['.repeat(100_000) + ']'.repeat(100_000))).toEqual([{ path: '', message: 'kiosk.json nests deeper than 12 levels' }]);
    expect(errorsOf({ ...validKioskJson(), stories: Array.from({ length: 21 }, () => ({})) })).toEqual([{ path: 'stories', message: 'has 21 entries, at most 20' }]);
    for (const doc of [null, 7, 'null', '[]', [], '"text"']) expect(errorsOf(doc)).toEqual([{ path: '', message: expect.any(String) }]);
    // Every field of a valid config replaced by every wrong kind of value: errors name that field, nothing throws.
    const weird = [null, 0, -1, 1e308, 'x', '', [], [null], {}, { de: 1 }, true];
    const leaves: string[][] = [];
    const walk = (v: unknown, p: string[]) => {
      if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) walk(c, [...p, k]);
      leaves.push(p);
    };
    walk(validKioskJson(), []);
    for (const p of leaves.filter((l) => l.length > 0)) {
      for (const w of weird) {
        const json = validKioskJson();
        let o: any = json;
        for (const k of p.slice(0, -1)) o = o[k];
        o[p[p.length - 1]] = w;
        const r = parseKioskConfig(json);
        const root = p[0];
        if ('config' in r) continue; // e.g. an empty list of toggleable layers is allowed
        for (const e of r.errors) expect(e.path.startsWith(root) || e.path.startsWith('stories') || e.path === 'startView', `${p.join('.')} = ${JSON.stringify(w)} → ${e.path}`).toBe(true);
      }
    }
    expect(leaves.length).toBeGreaterThan(100);
  });
});
