// Generated bad scenario files (impossible dates, footprints hundreds of
// kilometres wide, buildings far from the dataset): each is refused with the
// field named, and the near-misses on the good side of every limit are accepted.
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../../src/core/scenario/parseScenarioFile';
import { distanceM, footprintProblems, MAX_FOOTPRINT_SIZE_M } from '../../../src/core/scenario/footprintProblems';
import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { LIMITS } from '../../../src/core/scenario/validateScenario';
import { LocalFrame } from '../../../src/core/crs';
import { building, HH, scenario } from './fixtures';

const WHERE = 'f.json: variant 0 "Variante A", building 0 "Haus b1" (b1): ';
const parse = (doc: unknown, around?: [number, number]) => parseScenarioFile(JSON.stringify(doc), 'f.json', around ? { around } : {});
const withFootprint = (footprint: [number, number][]) => {
  const s = scenario();
  return { ...s, variants: [{ ...s.variants[0], buildings: [building('b1', { footprint })] }, s.variants[1]] };
};
/** A point `metres` away from HH towards `bearingDeg` (local EPSG:25832 frame; exact enough below 100 km). */
const away = (metres: number, bearingDeg: number): [number, number] => {
  const f = LocalFrame.around(HH);
  const [x, y] = f.toLocal(HH);
  const a = (bearingDeg * Math.PI) / 180;
  const [lon, lat] = f.toWgs84([x + metres * Math.sin(a), y + metres * Math.cos(a)]);
  return [lon, lat];
};

describe('scenario dates', () => {
  // 2 fields × 14 months (0–13) × 6 days (0, 1, 28, 29, 30, 31, 32) in a leap and a common year: 392 files.
  const cases: { field: 'createdAt' | 'updatedAt'; value: string; real: boolean }[] = [];
  for (const field of ['createdAt', 'updatedAt'] as const)
    for (const year of [2024, 2025])
      for (let m = 0; m <= 13; m++)
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          const value = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00.000Z`;
          const t = new Date(Date.UTC(year, m - 1, d));
          cases.push({ field, value, real: m >= 1 && m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d });
        }

  it(`accepts exactly the real calendar dates (${cases.length} generated files)`, () => {
    let refused = 0;
    for (const c of cases) {
      const r = parse(scenario({ [c.field]: c.value }));
      expect(r.ok, c.value).toBe(c.real);
      if (!r.ok) {
        refused++;
        expect(r.errors, c.value).toHaveLength(1);
        expect(r.errors[0]).toMatch(new RegExp(`^f\\.json: missing or invalid "${c.field}" \\(ISO 8601 date\\): "${c.value.slice(0, 10)}": (month \\d+|day \\d+) does not exist`));
      }
    }
    expect(refused).toBe(cases.filter((c) => !c.real).length);
    expect(refused).toBeGreaterThan(150);
  });

  it('refuses 2025-02-30 that Date.parse would turn into 2 March, impossible clock times and years out of range; accepts a plain date', () => {
    expect(Number.isNaN(Date.parse('2025-02-30T10:00:00Z'))).toBe(false);
    const err = (v: string) => {
      const r = parse(scenario({ updatedAt: v }));
      return r.ok ? null : r.errors[0];
    };
    expect(err('2025-02-30T10:00:00Z')).toBe('f.json: missing or invalid "updatedAt" (ISO 8601 date): "2025-02-30": day 30 does not exist in 2025-02 (it has 28 days)');
    expect(err('2025-06-21T25:00:00Z')).toMatch(/time 25:00:00 does not exist/);
    expect(err('0001-06-21T10:00:00Z')).toMatch(/year 1 is outside 1970–2200/);
    expect(err('gestern')).toMatch(/"gestern" is not ISO 8601/);
    expect(err('2025-06-21')).toBeNull();
    expect(err('2025-06-21T10:00:00')).toBeNull();
  });
});

describe('footprint size', () => {
  it('refuses a vertex at latitude −1 in a Hamburg scenario, naming the footprint position', () => {
    const fp = rectangleFootprint(HH, 20, 12, 90);
    fp[2] = [fp[2][0], -1];
    const r = parse(withFootprint(fp), HH);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([`${WHERE}footprint spans 30 m × 6,066 km (position 2 is farthest from position 0); at most 1000 m across`]);
  });

  it(`refuses every footprint wider than ${MAX_FOOTPRINT_SIZE_M} m and accepts the ones below (generated: 12 sizes × 4 corners × 4 orientations)`, () => {
    const f = LocalFrame.around(HH);
    const [cx, cy] = f.toLocal(HH);
    let checked = 0, wideCount = 0;
    for (const sizeM of [30, 120, 400, 700, 950, 990, 1010, 1500, 5000, 50_000, 400_000, 3_000_000])
      for (const azimuth of [0, 30, 60, 90])
        for (let corner = 0; corner < 4; corner++) {
          // A 20 × 12 m house with one corner pulled out along its diagonal to sizeM metres from the centre (the ring stays simple).
          const fp = rectangleFootprint(HH, 20, 12, azimuth);
          const c = f.toLocal(fp[corner]);
          const k = sizeM / Math.hypot(c[0] - cx, c[1] - cy);
          fp[corner] = f.toWgs84([cx + (c[0] - cx) * k, cy + (c[1] - cy) * k]) as [number, number];
          if (corner === 0) fp[fp.length - 1] = fp[0];
          // Independent expectation: the extent in the local EPSG:25832 frame.
          const local = fp.map((p) => f.toLocal(p));
          const extent = Math.max(Math.max(...local.map((p) => p[0])) - Math.min(...local.map((p) => p[0])), Math.max(...local.map((p) => p[1])) - Math.min(...local.map((p) => p[1])));
          const probs = footprintProblems(fp);
          const what = `${sizeM} m, corner ${corner}, azimuth ${azimuth}: ${probs.join('; ')}`;
          if (extent > MAX_FOOTPRINT_SIZE_M * 1.01) {
            expect(probs, what).toEqual([expect.stringMatching(new RegExp(`^footprint spans .* \\(position \\d+ is farthest from position 0\\); at most 1000 m across$`))]);
            wideCount++;
          } else if (extent < MAX_FOOTPRINT_SIZE_M * 0.99) expect(probs, what).toEqual([]);
          checked++;
        }
    expect(checked).toBe(192);
    expect(wideCount).toBeGreaterThanOrEqual(5 * 16);
  });
});

describe('distance from the dataset', () => {
  const moved = (metres: number, bearing: number) => withFootprint(rectangleFootprint(away(metres, bearing), 20, 12, 90));

  it('refuses buildings more than 20 km from the dataset home, accepts those within (generated: 13 distances × 8 directions)', () => {
    let refused = 0, accepted = 0;
    for (const km of [0, 0.5, 2, 8, 15, 19, 19.9, 20.1, 21, 40, 100, 500, 3000])
      for (let bearing = 0; bearing < 360; bearing += 45) {
        const r = parse(moved(km * 1000, bearing), HH);
        // The footprint reaches ±12 m around its centre.
        if (km * 1000 + 15 < LIMITS.maxDistanceFromDatasetM) {
          expect(r.ok, `${km} km at ${bearing}°`).toBe(true);
          accepted++;
        } else if (km * 1000 - 15 > LIMITS.maxDistanceFromDatasetM) {
          expect(r.ok, `${km} km at ${bearing}°`).toBe(false);
          if (!r.ok) expect(r.errors[0]).toMatch(new RegExp(`^${WHERE.replace(/[().]/g, '\\$&')}footprint position 0 \\([\\d.-]+, [\\d.-]+\\) is [\\d,]+ (k)?m from the dataset's home \\(9\\.9937, 53\\.5511\\); at most 20 km$`));
          refused++;
        }
      }
    expect(accepted).toBe(7 * 8);
    expect(refused).toBe(6 * 8);
  });

  it('without a dataset, buildings far from the scenario’s first building are refused; the first decides', () => {
    const s = scenario();
    const far = { ...s, variants: [{ ...s.variants[0], buildings: [building('b1'), building('b2', { footprint: rectangleFootprint(away(60_000, 30), 20, 12, 90) })] }] };
    const r = parse(far);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(/^f\.json: variant 0 "Variante A", building 1 "Haus b2" \(b2\): footprint position 0 .* is 6\d km from the scenario's first building/)]);
    // Around a dataset at the far building, it is b1 that is refused.
    const r2 = parse(far, away(60_000, 30));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors).toEqual([expect.stringMatching(/building 0 "Haus b1" \(b1\): footprint position 0 .* from the dataset's home/)]);
    // The haversine distance agrees with the local frame to 0.5 %.
    expect(distanceM(HH, away(60_000, 30)) / 60_000).toBeCloseTo(1, 2);
  });
});
