import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { measureArea, measureDistance, measureHeight, type GeoPoint } from '../../../src/core/measure/measureGeometry';
import { fromZoned, toZoned, zoneOffsetMinutes } from '../../../src/core/time/zonedTime';
import { planzvClass } from '../../../src/core/planning/planzvColors';
import { classifyBuilding } from '../../../src/core/style/buildingStyles';

// Independent UTM definition so the test does not reuse the code under test.
const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';
const toLonLat = (x: number, y: number): GeoPoint => {
  const [lon, lat] = proj4(utm, 'WGS84', [x, y]);
  return [lon, lat, 0];
};

describe('measureGeometry', () => {
  it('measures a 300 m × 200 m rectangle in EPSG:25832 exactly', () => {
    const x = 565000, y = 5933000; // Hamburg, Binnenalster
    const ring = [toLonLat(x, y), toLonLat(x + 300, y), toLonLat(x + 300, y + 200), toLonLat(x, y + 200)];
    const a = measureArea(ring);
    expect(a.areaM2).toBeCloseTo(60000, 3);
    expect(a.perimeterM).toBeCloseTo(1000, 4);
    // Orientation does not matter.
    expect(measureArea([...ring].reverse()).areaM2).toBeCloseTo(60000, 3);
  });

  it('differs from a naive degree-based area', () => {
    const ring = [toLonLat(565000, 5933000), toLonLat(565100, 5933000), toLonLat(565100, 5933100)];
    expect(measureArea(ring).areaM2).toBeCloseTo(5000, 3);
  });

  it('sums polyline segments horizontally and along the slope', () => {
    const a = toLonLat(565000, 5933000);
    const b = toLonLat(565030, 5933040); // 50 m from a
    const c = toLonLat(565030, 5933160); // 120 m from b
    expect(measureDistance([a, b, c]).horizontalM).toBeCloseTo(170, 6);
    const up: GeoPoint = [b[0], b[1], 30];
    expect(measureDistance([a, up]).slopeM).toBeCloseTo(Math.hypot(50, 30), 6);
  });

  it('gives the height difference of two points', () => {
    const p = toLonLat(565000, 5933000);
    const h = measureHeight([p[0], p[1], 3.5], [p[0], p[1], 21]);
    expect(h.deltaM).toBeCloseTo(17.5, 9);
    expect(h.horizontalM).toBeCloseTo(0, 9);
  });

  it('returns zero area for fewer than three points', () => {
    expect(measureArea([toLonLat(565000, 5933000)]).areaM2).toBe(0);
  });
});

describe('zonedTime (Europe/Berlin)', () => {
  it('knows summer and winter offsets', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 5, 21, 10))).toBe(120);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 21, 10))).toBe(60);
  });
  it('round-trips local date and time', () => {
    const t = fromZoned('2026-06-21', 12 * 60 + 30);
    expect(new Date(t).toISOString()).toBe('2026-06-21T10:30:00.000Z');
    expect(toZoned(t)).toEqual({ date: '2026-06-21', minutes: 750 });
    const w = fromZoned('2026-12-21', 8 * 60);
    expect(new Date(w).toISOString()).toBe('2026-12-21T07:00:00.000Z');
    expect(toZoned(w)).toEqual({ date: '2026-12-21', minutes: 480 });
  });
  it('rejects a malformed date', () => {
    expect(() => fromZoned('21.06.2026', 0)).toThrow(/21.06.2026/);
  });
});

describe('style tables', () => {
  it('maps PlanZV keys case-insensitively, unknown to grey', () => {
    expect(planzvClass('wa').key).toBe('WA');
    expect(planzvClass('Grün').key).toBe('GRUEN');
    expect(planzvClass('XYZ').key).toBe('UNKNOWN');
    expect(planzvClass(undefined).key).toBe('UNKNOWN');
  });
  it('classifies buildings by height, function and roof type', () => {
    expect(classifyBuilding('height', { heightM: 12 })?.label.en).toBe('7–13 m');
    expect(classifyBuilding('height', { heightM: 45 })?.label.en).toBe('≥ 40 m');
    expect(classifyBuilding('function', { function: '31001_1010' })?.label.en).toBe('Residential');
    expect(classifyBuilding('function', { function: '51009_1610' })?.label.en).toBe('Other');
    expect(classifyBuilding('roofType', { roofType: '3100' })?.label.en).toBe('Gabled roof');
  });
});
