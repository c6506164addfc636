import { describe, expect, it } from 'vitest';
import { parseScenarioFile, parseScenarioObject, serializeScenario, MAX_SCENARIO_FILE_BYTES } from '../../../src/core/scenario/parseScenarioFile';
import { migrateScenario, SCENARIO_MIGRATIONS, type ScenarioMigration } from '../../../src/core/scenario/scenarioMigrations';
import { footprintProblems } from '../../../src/core/scenario/footprintProblems';
import { SCENARIO_SCHEMA_VERSION } from '../../../src/core/model/Scenario';
import { LocalFrame } from '../../../src/core/crs';
import { building, HH, scenario } from './fixtures';

const frame = LocalFrame.around(HH);
const ring = (pts: [number, number][]) => {
  const r = pts.map((p) => frame.toWgs84([p[0] + frame.toLocal(HH)[0], p[1] + frame.toLocal(HH)[1]]));
  return [...r, r[0]];
};

describe('scenario file round trip', () => {
  it('exports and imports a scenario unchanged', () => {
    const s = scenario();
    const r = parseScenarioFile(serializeScenario(s), 'plan.json');
    expect(r).toEqual({ ok: true, scenario: s });
  });

  it('accepts bytes with a BOM and normalises clockwise footprints to counter-clockwise', () => {
    const s = scenario();
    const cw = { ...s, variants: [{ ...s.variants[0], buildings: [{ ...s.variants[0].buildings[0], footprint: [...s.variants[0].buildings[0].footprint].reverse() }] }] };
    const r = parseScenarioFile(new TextEncoder().encode(`\uFEFF${JSON.stringify(cw)}`), 'cw.json');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.scenario.variants[0].buildings[0].footprint).toEqual(s.variants[0].buildings[0].footprint);
  });
});

describe('migrations', () => {
  const v1 = {
    schemaVersion: 1,
    kind: 'planlotse-scenario',
    id: 'old',
    name: 'Alt',
    createdAt: '2025-01-01T00:00:00Z',
    variants: [
      {
        id: 'v1',
        name: 'A',
        demolished: ['X1', 'X2'],
        buildings: [{ id: 'b', name: 'B', footprint: ring([[0, 0], [10, 0], [10, 8], [0, 8]]), storeys: 3, eaveHeightM: 9.6, ridgeHeightM: 13.1, roofType: 'gabled', ridgeAzimuthDeg: 45, use: 'office' }],
      },
    ],
  };

  it('are ordered, contiguous and end at the current version', () => {
    SCENARIO_MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(SCENARIO_MIGRATIONS[i - 1].to);
    });
    expect(SCENARIO_MIGRATIONS[SCENARIO_MIGRATIONS.length - 1].to).toBe(SCENARIO_SCHEMA_VERSION);
  });

  it('lifts a v1 file to the current schema with the same heights', () => {
    const r = parseScenarioObject(v1, 'alt.json');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const s = r.scenario;
    expect(s.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION);
    expect(s.updatedAt).toBe('2025-01-01T00:00:00Z');
    const v = s.variants[0];
    expect(v.demolishedIds).toEqual(['X1', 'X2']);
    expect(v.notes).toBe('');
    const b = v.buildings[0];
    expect(b.storeys).toBe(3);
    expect(b.storeyHeightM).toBeCloseTo(3.2, 12);
    expect(b.roof).toEqual({ type: 'gabled', roofHeightM: expect.closeTo(3.5, 12), ridgeAzimuthDeg: 45 });
  });

  it('runs custom migration chains in order and rejects gaps', () => {
    const log: number[] = [];
    const chain: ScenarioMigration[] = [1, 2, 3].map((from) => ({ from, to: from + 1, description: '', up: (d) => (log.push(from), { ...d, [`m${from}`]: true }) }));
    const out = migrateScenario({ schemaVersion: 1 }, chain, 4);
    expect(log).toEqual([1, 2, 3]);
    expect(out).toEqual({ schemaVersion: 4, m1: true, m2: true, m3: true });
    expect(() => migrateScenario({ schemaVersion: 1 }, [chain[0], chain[2]], 4)).toThrow('no migration from schemaVersion 2');
  });

  it('rejects a newer, missing or malformed version with a clear message', () => {
    const s = scenario();
    expect(parseScenarioObject({ ...s, schemaVersion: 99 }, 'neu.json')).toEqual({
      ok: false,
      errors: [`neu.json: schemaVersion 99 is newer than this Planlotse supports (${SCENARIO_SCHEMA_VERSION}); update Planlotse to open it`],
    });
    const { schemaVersion: _v, ...noVersion } = s;
    const r = parseScenarioObject(noVersion, 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/x\.json: missing "schemaVersion"/);
    const r2 = parseScenarioObject({ ...s, schemaVersion: '2' }, 'y.json');
    if (!r2.ok) expect(r2.errors[0]).toMatch(/y\.json: invalid "schemaVersion" "2"/);
    else throw new Error('string version accepted');
  });
});

describe('import validation', () => {
  const errorsOf = (doc: unknown, name = 'f.json') => {
    const r = parseScenarioFile(JSON.stringify(doc), name);
    if (r.ok) throw new Error('expected rejection');
    return r.errors;
  };

  it('names every missing field with file, variant and building', () => {
    const s = scenario();
    const b = { ...s.variants[0].buildings[0] } as Record<string, unknown>;
    delete b.storeys;
    delete b.roof;
    const { variants: _v, ...noVariants } = s;
    expect(errorsOf(noVariants)).toEqual(['f.json: missing "variants" (array)']);
    const errs = errorsOf({ ...s, name: undefined, variants: [{ ...s.variants[0], buildings: [b] }] });
    expect(errs).toContain('f.json: missing or invalid "name" (string)');
    expect(errs).toContain('f.json: variant 0 "Variante A", building 0 "Haus b1" (b1): "storeys" must be a whole number in 1–100, got undefined');
    expect(errs).toContain('f.json: variant 0 "Variante A", building 0 "Haus b1" (b1): missing "roof" object');
  });

  it('rejects wrong enums, ranges and duplicate ids', () => {
    const s = scenario();
    const errs = errorsOf({
      ...s,
      variants: [
        { ...s.variants[0], buildings: [building('a', { use: 'castle' as never, storeyHeightM: 50 }, { type: 'dome' as never }), building('a')] },
        { ...s.variants[1], id: 'v-a' },
      ],
    });
    expect(errs.some((e) => e.includes('"use" must be one of housing, office, retail, mixed, community, got "castle"'))).toBe(true);
    expect(errs.some((e) => e.includes('"storeyHeightM" must be in 2–10 m, got 50'))).toBe(true);
    expect(errs.some((e) => e.includes('roof "type" must be one of flat, gabled, hipped, shed, got "dome"'))).toBe(true);
    expect(errs.some((e) => e.includes('duplicate building id "a"'))).toBe(true);
    expect(errs.some((e) => e.includes('duplicate variant id "v-a"'))).toBe(true);
  });

  it('rejects a self-intersecting (bow-tie) footprint', () => {
    const bowtie = ring([[0, 0], [10, 10], [10, 0], [0, 10]]);
    expect(footprintProblems(bowtie)).toEqual(['footprint is self-intersecting: edges 0 and 2 cross']);
    const s = scenario();
    const errs = errorsOf({ ...s, variants: [{ ...s.variants[0], buildings: [building('x', { footprint: bowtie })] }] }, 'bow.json');
    expect(errs).toEqual(['bow.json: variant 0 "Variante A", building 0 "Haus x" (x): footprint is self-intersecting: edges 0 and 2 cross']);
  });

  it('rejects open rings, too few corners, spikes, degrees out of range and slivers', () => {
    const open = ring([[0, 0], [10, 0], [10, 10], [0, 10]]).slice(0, -1);
    expect(footprintProblems(open)).toEqual(['footprint ring is not closed (first and last position differ)']);
    expect(footprintProblems([[10, 53], [10.1, 53], [10, 53]])[0]).toMatch(/at least 4/);
    expect(footprintProblems(ring([[0, 0], [10, 0], [20, 0], [5, 0], [5, 5]]))[0]).toMatch(/self-intersecting/);
    expect(footprintProblems([[200, 53], [10.1, 53], [10, 53.1], [200, 53]])[0]).toMatch(/outside WGS84/);
    expect(footprintProblems(ring([[0, 0], [10, 0], [10, 0.01]]))[0]).toMatch(/area is 0\.05 m²/);
    expect(footprintProblems(ring([[0, 0], [10, 0], [10, 10], [0, 10]]))).toEqual([]);
    // Concave L-shape is fine.
    expect(footprintProblems(ring([[0, 0], [20, 0], [20, 8], [8, 8], [8, 20], [0, 20]]))).toEqual([]);
  });

  it('rejects non-scenario JSON and broken JSON', () => {
    expect(errorsOf({ type: 'FeatureCollection', features: [] }, 'gebaeude.geojson')).toEqual([
      'gebaeude.geojson: not a Planlotse scenario ("kind" is undefined, expected "planlotse-scenario")',
    ]);
    const r = parseScenarioFile('{"kind": "planlotse-scenario", ', 'kaputt.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^kaputt\.json: invalid JSON/);
    const r2 = parseScenarioFile(new Uint8Array([0xff, 0xfe, 0x00, 0x81]), 'bin.json');
    expect(r2).toEqual({ ok: false, errors: ['bin.json: not UTF-8 text; a scenario file is JSON'] });
  });

  it('rejects a 50 MB junk file fast, before parsing', () => {
    const junk = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < junk.length; i += 4096) junk[i] = (i * 2654435761) & 0xff;
    expect(junk.byteLength).toBeGreaterThan(MAX_SCENARIO_FILE_BYTES);
    const t0 = performance.now();
    const r = parseScenarioFile(junk, 'junk.bin');
    const ms = performance.now() - t0;
    expect(r).toEqual({ ok: false, errors: ['junk.bin: 50.0 MB is too large for a scenario file (at most 10 MB); nothing was imported'] });
    expect(ms).toBeLessThan(50);
    // Junk under the size limit still gets a clear error quickly.
    const small = junk.subarray(0, 5 * 1024 * 1024);
    const t1 = performance.now();
    const r2 = parseScenarioFile(small, 'junk-small.bin');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]).toMatch(/^junk-small\.bin: /);
    expect(performance.now() - t1).toBeLessThan(1000);
  });
});
