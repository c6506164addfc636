import { describe, expect, it } from 'vitest';
import { cameraBoundsViolations, clampCamera } from '../../../src/core/kiosk/cameraBounds';
import type { KioskCameraBounds, KioskCameraView } from '../../../src/core/kiosk/KioskConfig';

const bounds: KioskCameraBounds = { centre: { lon: 10.0, lat: 53.55 }, maxDistanceM: 300, groundHeightM: 8, minHeightM: 30, maxHeightM: 1500, maxTiltDeg: 70 };
const inside: KioskCameraView = { lon: 10.001, lat: 53.551, height: 400, headingDeg: 45, pitchDeg: -45 };

/**
 * Independent reference: east/north metres from the bounds' centre on the
 * WGS84 ellipsoid (radii of curvature at the centre's latitude; good to a
 * few centimetres over 1 km), not the UTM projection the code uses.
 */
function enuFromCentre(lon: number, lat: number): [number, number] {
  const a = 6378137, e2 = 0.00669437999014, phi = (bounds.centre.lat * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const n = a / w, m = (a * (1 - e2)) / w ** 3;
  return [(((lon - bounds.centre.lon) * Math.PI) / 180) * n * Math.cos(phi), (((lat - bounds.centre.lat) * Math.PI) / 180) * m];
}

describe('clampCamera', () => {
  it('leaves a view inside the bounds untouched (same object, no round-trip drift)', () => {
    expect(clampCamera(inside, bounds)).toBe(inside);
    expect(cameraBoundsViolations(inside, bounds)).toEqual([]);
  });

  it('moves a camera 0.01° east (≈ 662 m) back to 300 m from the centre on the same bearing', () => {
    // Hand calculation: 0.01° × π/180 × N cos φ = 0.01 × 0.0174533 × 6,392,133 m × 0.59385 ≈ 662.5 m.
    const [e0] = enuFromCentre(10.01, 53.55);
    expect(e0).toBeCloseTo(662.5, 0);
    const out = clampCamera({ ...inside, lon: 10.01, lat: 53.55 }, bounds);
    const [e, n] = enuFromCentre(out.lon, out.lat);
    // UTM grid distance 300 m is 300 m × scale k ≈ 0.99965 on the ground, within 0.5 m; bearing stays east
    // up to the grid convergence (≈ (10° − 9°) × sin 53.55° ≈ 0.8°).
    expect(Math.abs(Math.hypot(e, n) - 300)).toBeLessThan(0.5);
    expect(Math.abs((Math.atan2(n, e) * 180) / Math.PI)).toBeLessThan(1);
    expect(cameraBoundsViolations(out, bounds)).toEqual([]);
    expect(out).toMatchObject({ height: 400, headingDeg: 45, pitchDeg: -45 });
  });

  it('clamps a camera 500 m to the south-west (400 m west, 300 m south) to (−240 m, −180 m)', () => {
    // 3-4-5 triangle: scaled by 300/500 along the same line.
    const [dLon, dLat] = [(-400 / 6_392_133 / 0.59385) * (180 / Math.PI), (-300 / 6_391_000) * (180 / Math.PI)];
    const out = clampCamera({ ...inside, lon: 10 + dLon, lat: 53.55 + dLat }, bounds);
    const [e, n] = enuFromCentre(out.lon, out.lat);
    expect(Math.abs(Math.hypot(e, n) - 300)).toBeLessThan(0.5);
    // Within 3 m: the UTM grid is turned ≈ 0.8° against true north here (300 m × 0.014 rad ≈ 4 m of arc at most).
    expect(Math.abs(e + 240)).toBeLessThan(3);
    expect(Math.abs(n + 180)).toBeLessThan(3);
  });

  it('keeps the height between ground + min and ground + max (never under the ground or into space)', () => {
    expect(clampCamera({ ...inside, height: -50 }, bounds).height).toBe(38);
    expect(clampCamera({ ...inside, height: 37.9 }, bounds).height).toBe(38);
    expect(clampCamera({ ...inside, height: 6_000_000 }, bounds).height).toBe(1508);
    expect(cameraBoundsViolations({ ...inside, height: 6_000_000 }, bounds)).toEqual([{ field: 'height', message: '5999992.0 m above the ground, cameraBounds allow 30–1500 m' }]);
  });

  it('keeps the pitch between straight down and the maximum tilt, and normalises the heading', () => {
    expect(clampCamera({ ...inside, pitchDeg: -5 }, bounds).pitchDeg).toBe(-20); // tilt 85° > 70°
    expect(clampCamera({ ...inside, pitchDeg: 30 }, bounds).pitchDeg).toBe(-20); // looking up: into the sky
    expect(clampCamera({ ...inside, pitchDeg: -120 }, bounds).pitchDeg).toBe(-90);
    expect(clampCamera({ ...inside, headingDeg: 370 }, bounds).headingDeg).toBeCloseTo(10, 12);
    expect(clampCamera({ ...inside, headingDeg: -30 }, bounds).headingDeg).toBe(330);
  });

  it('puts a broken camera (NaN) back to a safe view over the centre', () => {
    const out = clampCamera({ lon: NaN, lat: NaN, height: NaN, headingDeg: Infinity, pitchDeg: NaN }, bounds);
    expect(out).toEqual({ lon: 10, lat: 53.55, height: 1508, headingDeg: 0, pitchDeg: -90 });
    expect(cameraBoundsViolations(out, bounds)).toEqual([]);
    expect(cameraBoundsViolations({ ...inside, lon: NaN }, bounds).map((v) => v.field)).toEqual(['position']);
  });
});
