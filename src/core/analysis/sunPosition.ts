/**
 * Sun position after the NOAA solar calculator (Meeus, "Astronomical
 * Algorithms", ch. 25 low-accuracy series; about 0.01° for years 1900–2100).
 * Own implementation so that the same numbers come out in the browser worker,
 * the CLI and the tests; suncalc is used in the tests as an independent check.
 */

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

export interface SunPosition {
  /** Apparent altitude above the horizon (with NOAA atmospheric refraction), degrees. */
  altitudeDeg: number;
  /** Geometric altitude (no refraction), degrees. */
  trueAltitudeDeg: number;
  /** Azimuth clockwise from true north (0 = N, 90 = E, 180 = S), degrees. */
  azimuthDeg: number;
  /** Apparent declination, degrees. */
  declinationDeg: number;
  /** Equation of time, minutes (true solar time − mean solar time). */
  equationOfTimeMin: number;
}

interface SolarTerms {
  declRad: number;
  eotMin: number;
}

/** Declination and equation of time for a Julian century T (NOAA spreadsheet formulas). */
function solarTerms(utcMs: number): SolarTerms {
  const jd = utcMs / 86400000 + 2440587.5;
  const t = (jd - 2451545) / 36525;
  const l0 = (((280.46646 + t * (36000.76983 + t * 0.0003032)) % 360) + 360) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const mr = m * RAD;
  const c =
    Math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * mr) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * mr) * 0.000289;
  const trueLong = l0 + c;
  const omega = (125.04 - 1934.136 * t) * RAD;
  const appLong = (trueLong - 0.00569 - 0.00478 * Math.sin(omega)) * RAD;
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = (eps0 + 0.00256 * Math.cos(omega)) * RAD;
  const declRad = Math.asin(Math.sin(eps) * Math.sin(appLong));
  const y = Math.tan(eps / 2) ** 2;
  const l0r = l0 * RAD;
  const eot =
    y * Math.sin(2 * l0r) -
    2 * e * Math.sin(mr) +
    4 * e * y * Math.sin(mr) * Math.cos(2 * l0r) -
    0.5 * y * y * Math.sin(4 * l0r) -
    1.25 * e * e * Math.sin(2 * mr);
  return { declRad, eotMin: 4 * eot * DEG };
}

/** NOAA refraction correction in degrees for a geometric elevation in degrees. */
export function refractionDeg(elevDeg: number): number {
  if (elevDeg > 85) return 0;
  const te = Math.tan(elevDeg * RAD);
  let arcsec: number;
  if (elevDeg > 5) arcsec = 58.1 / te - 0.07 / te ** 3 + 0.000086 / te ** 5;
  else if (elevDeg > -0.575) arcsec = 1735 + elevDeg * (-518.2 + elevDeg * (103.4 + elevDeg * (-12.79 + elevDeg * 0.711)));
  else arcsec = -20.774 / te;
  return arcsec / 3600;
}

/**
 * Sun position at an instant for a place.
 *
 * @param utcMs the instant (ms since 1970-01-01T00:00Z, e.g. `Date.parse('2026-03-20T12:00:00+01:00')`)
 * @example sunPosition(Date.parse('2026-06-21T12:00:00+02:00'), 9.99, 53.55).altitudeDeg // ≈ 59.6
 */
export function sunPosition(utcMs: number, lonDeg: number, latDeg: number): SunPosition {
  const { declRad, eotMin } = solarTerms(utcMs);
  const minutesOfDay = (((utcMs % 86400000) + 86400000) % 86400000) / 60000;
  const tst = minutesOfDay + eotMin + 4 * lonDeg;
  let ha = tst / 4 - 180;
  if (ha < -180) ha += 360;
  if (ha > 180) ha -= 360;
  const har = ha * RAD;
  const lat = latDeg * RAD;
  const cosZ = Math.min(1, Math.max(-1, Math.sin(lat) * Math.sin(declRad) + Math.cos(lat) * Math.cos(declRad) * Math.cos(har)));
  const trueAlt = 90 - Math.acos(cosZ) * DEG;
  // Azimuth from north, clockwise; atan2 avoids the NOAA spreadsheet's quadrant cases.
  const az = Math.atan2(Math.sin(har), Math.cos(har) * Math.sin(lat) - Math.tan(declRad) * Math.cos(lat)) * DEG + 180;
  return {
    altitudeDeg: trueAlt + refractionDeg(trueAlt),
    trueAltitudeDeg: trueAlt,
    azimuthDeg: ((az % 360) + 360) % 360,
    declinationDeg: declRad * DEG,
    equationOfTimeMin: eotMin,
  };
}

/** UTC instant (ms) of solar noon nearest to `approxUtcMs` at `lonDeg`. */
export function solarNoon(approxUtcMs: number, lonDeg: number): number {
  const dayStart = Math.floor((approxUtcMs + lonDeg * 240000) / 86400000) * 86400000;
  let noon = dayStart + (720 - 4 * lonDeg) * 60000;
  // Two fixed-point passes: the equation of time changes little within a day.
  for (let i = 0; i < 2; i++) noon = dayStart + (720 - 4 * lonDeg - solarTerms(noon).eotMin) * 60000;
  return noon;
}

export interface SunDay {
  /**
   * Sunrise (apparent upper limb on the horizon: geometric altitude of the centre −0.833°,
   * i.e. 34′ standard refraction + 16′ semi-diameter), UTC ms; null in polar night/day, and on a 'normal' day
   * that begins with the sun up (the last day of a midnight-sun period: it only sets).
   */
  sunriseMs: number | null;
  /** Sunset, UTC ms; null in polar night/day, and on a 'normal' day that ends with the sun up (it only rises). */
  sunsetMs: number | null;
  solarNoonMs: number;
  /** 'normal' | 'polar-day' (sun never sets) | 'polar-night' (never rises). */
  kind: 'normal' | 'polar-day' | 'polar-night';
}

/**
 * Sunrise, solar noon and sunset of a calendar date (`YYYY-MM-DD`, the solar day
 * around local noon at `lonDeg`), by bisection on the geometric altitude of the
 * sun's centre against `horizonDeg` (default −0.833°, the standard almanac
 * definition used by NOAA and USNO: the −0.833° already contains the 34′ of
 * refraction at the horizon, so the refracted altitude must not be used here —
 * that counted refraction twice and made every day 4–5 minutes too long).
 *
 * @example sunDay('2026-03-20', 9.99, 53.55).sunriseMs
 */
export function sunDay(date: string, lonDeg: number, latDeg: number, horizonDeg = -0.833): SunDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`sunDay: date "${date}" is not YYYY-MM-DD`);
  const approx = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) - lonDeg * 240000;
  const noon = solarNoon(approx, lonDeg);
  const alt = (t: number) => sunPosition(t, lonDeg, latDeg).trueAltitudeDeg - horizonDeg;
  const aNoon = alt(noon);
  const half = 12 * 3600000;
  if (aNoon <= 0) return { sunriseMs: null, sunsetMs: null, solarNoonMs: noon, kind: 'polar-night' };
  // On the days a midnight-sun period begins or ends the sun is already up when the solar day begins (or still
  // up when it ends): that half has no crossing, and bisecting it would return a bogus time near noon.
  const upAtStart = alt(noon - half) > 0, upAtEnd = alt(noon + half) > 0;
  if (upAtStart && upAtEnd) return { sunriseMs: null, sunsetMs: null, solarNoonMs: noon, kind: 'polar-day' };
  const root = (lo: number, hi: number) => {
    // alt(lo) and alt(hi) have opposite signs; 40 halvings of 12 h < 1 ms.
    let flo = alt(lo);
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      const fm = alt(mid);
      if (fm > 0 === flo > 0) {
        lo = mid;
        flo = fm;
      } else hi = mid;
    }
    return Math.round((lo + hi) / 2);
  };
  return { sunriseMs: upAtStart ? null : root(noon - half, noon), sunsetMs: upAtEnd ? null : root(noon, noon + half), solarNoonMs: noon, kind: 'normal' };
}

/**
 * Unit vector toward the sun in an east-north-up grid frame.
 * `trueNorthGridDeg` is the direction of true north in the grid, clockwise from
 * grid north (EPSG:25832 grid north differs from true north by the meridian
 * convergence: about −3° in Berlin, +1.6° in Aachen), see `trueNorthGridAngleDeg`.
 */
export function sunVector(altitudeDeg: number, azimuthDeg: number, trueNorthGridDeg = 0): [number, number, number] {
  const alt = altitudeDeg * RAD;
  const az = (azimuthDeg + trueNorthGridDeg) * RAD;
  return [Math.cos(alt) * Math.sin(az), Math.cos(alt) * Math.cos(az), Math.sin(alt)];
}
