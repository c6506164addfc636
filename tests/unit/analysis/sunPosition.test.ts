import { describe, expect, it } from 'vitest';
import * as SunCalc from 'suncalc';
import { sunDay, sunPosition } from '../../../src/core/analysis';

/**
 * Independent check: the Astronomical Almanac's low-precision solar formulae
 * (Sun's apparent RA/dec to 0.01° for 1950–2050) with Greenwich mean sidereal
 * time; a different series from the NOAA/Meeus one under test.
 */
function almanacAltAz(utcMs: number, lon: number, lat: number): { alt: number; az: number } {
  const R = Math.PI / 180;
  const n = utcMs / 86400000 + 2440587.5 - 2451545.0;
  const L = 280.46 + 0.9856474 * n;
  const g = (357.528 + 0.9856003 * n) * R;
  const lambda = (L + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * R;
  const eps = (23.439 - 0.0000004 * n) * R;
  const ra = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda));
  const dec = Math.asin(Math.sin(eps) * Math.sin(lambda));
  const gmstH = 18.697374558 + 24.06570982441908 * n;
  const ha = ((gmstH * 15 + lon) * R - ra) % (2 * Math.PI);
  const phi = lat * R;
  const alt = Math.asin(Math.sin(phi) * Math.sin(dec) + Math.cos(phi) * Math.cos(dec) * Math.cos(ha));
  const az = Math.atan2(-Math.sin(ha), Math.tan(dec) * Math.cos(phi) - Math.sin(phi) * Math.cos(ha));
  return { alt: alt / R, az: (((az / R) % 360) + 360) % 360 };
}

const places: [string, number, number][] = [
  ['Hamburg', 9.99, 53.55],
  ['Essen', 7.01, 51.46],
  ['Munich', 11.58, 48.14],
  ['Quito', -78.5, -0.22],
  ['Sydney', 151.21, -33.87],
];

describe('sunPosition (NOAA/Meeus)', () => {
  it('matches the Astronomical Almanac formulae to 0.05° (geometric altitude, azimuth as angle on the sky) over a year', () => {
    let maxAlt = 0, maxAz = 0;
    for (let d = 0; d < 366; d += 5)
      for (let h = 0; h < 24; h += 0.75) {
        const t = Date.UTC(2026, 0, 1) + d * 86400000 + h * 3600000;
        for (const [, lon, lat] of places) {
          const ours = sunPosition(t, lon, lat);
          const ref = almanacAltAz(t, lon, lat);
          if (ref.alt < -1) continue;
          maxAlt = Math.max(maxAlt, Math.abs(ours.trueAltitudeDeg - ref.alt));
          // Azimuth errors grow as 1/cos(altitude) near the zenith: compare the angle on the sky.
          maxAz = Math.max(maxAz, Math.abs(((ours.azimuthDeg - ref.az + 540) % 360) - 180) * Math.cos((ref.alt * Math.PI) / 180));
        }
      }
    expect(maxAlt).toBeLessThan(0.05);
    expect(maxAz).toBeLessThan(0.05);
  });

  it('matches suncalc 2.x (apparent altitude, azimuth from north) to 0.05° above 2°', () => {
    let maxAlt = 0, maxAz = 0;
    for (let d = 0; d < 366; d += 7)
      for (let h = 0; h < 24; h += 1) {
        const t = Date.UTC(2025, 0, 1) + d * 86400000 + h * 3600000 + 777000;
        for (const [, lon, lat] of places) {
          const ours = sunPosition(t, lon, lat);
          const s = SunCalc.getPosition(new Date(t), lat, lon);
          if (s.altitude < 2 || s.altitude > 85) continue;
          maxAlt = Math.max(maxAlt, Math.abs(ours.altitudeDeg - s.altitude));
          maxAz = Math.max(maxAz, Math.abs(((ours.azimuthDeg - s.azimuth + 540) % 360) - 180) * Math.cos((s.altitude * Math.PI) / 180));
        }
      }
    expect(maxAlt).toBeLessThan(0.05);
    expect(maxAz).toBeLessThan(0.05);
  });

  it("reproduces Meeus' example 25.a: apparent declination −7.78507° on 1992-10-13 0h TD", () => {
    // TD − UT was 59 s in 1992.
    const p = sunPosition(Date.UTC(1992, 9, 13) - 59000, 0, 0);
    expect(p.declinationDeg).toBeCloseTo(-7.78507, 2);
  });

  it('gives the well-known equinox and solstice values', () => {
    // March equinox 2026: 20 March 14:46 UTC; declination ≈ 0.
    expect(Math.abs(sunPosition(Date.UTC(2026, 2, 20, 14, 46), 0, 0).declinationDeg)).toBeLessThan(0.01);
    // June solstice 2026: 21 June 08:24 UTC; declination = obliquity 23.436°.
    expect(sunPosition(Date.UTC(2026, 5, 21, 8, 24), 0, 0).declinationDeg).toBeCloseTo(23.436, 2);
    // Solar noon altitude at the equinox ≈ 90° − latitude (geometric).
    const day = sunDay('2026-03-20', 9.99, 53.55);
    const noon = sunPosition(day.solarNoonMs, 9.99, 53.55);
    expect(noon.trueAltitudeDeg).toBeCloseTo(90 - 53.55 + noon.declinationDeg, 2);
    expect(Math.abs(noon.trueAltitudeDeg - 36.45)).toBeLessThan(0.3);
    expect(Math.abs(((noon.azimuthDeg - 180 + 540) % 360) - 180)).toBeLessThan(0.05);
    // Equation of time extremes: about +16.4 min on 3 November, −14.2 min on 11 February.
    expect(sunPosition(Date.UTC(2026, 10, 3, 12), 0, 0).equationOfTimeMin).toBeCloseTo(16.4, 0);
    expect(sunPosition(Date.UTC(2026, 1, 11, 12), 0, 0).equationOfTimeMin).toBeCloseTo(-14.2, 0);
  });

  it('finds sunrise and sunset with the sun on the horizon, and polar day and night', () => {
    const d = sunDay('2026-03-20', 9.99, 53.55);
    expect(d.kind).toBe('normal');
    // −0.833° is the geometric altitude of the centre (refraction is already in it).
    expect(sunPosition(d.sunriseMs!, 9.99, 53.55).trueAltitudeDeg).toBeCloseTo(-0.833, 3);
    expect(sunPosition(d.sunsetMs!, 9.99, 53.55).trueAltitudeDeg).toBeCloseTo(-0.833, 3);
    const hours = (d.sunsetMs! - d.sunriseMs!) / 3600000;
    expect(hours).toBeGreaterThan(12);
    expect(hours).toBeLessThan(12.3);
    // suncalc uses the same horizon definition with its own (lower-precision) series.
    const s = SunCalc.getTimes(new Date(Date.UTC(2026, 2, 20, 12)), 53.55, 9.99);
    expect(Math.abs(d.sunriseMs! - s.sunrise!.getTime())).toBeLessThan(30000);
    expect(Math.abs(d.sunsetMs! - s.sunset!.getTime())).toBeLessThan(30000);
    expect(sunDay('2026-12-21', 15.6, 78.2).kind).toBe('polar-night');
    expect(sunDay('2026-06-21', 15.6, 78.2).kind).toBe('polar-day');
  });
});
