import { describe, expect, it } from 'vitest';
import { sunDay } from '../../../src/core/analysis';

/**
 * Sunrise and sunset against independent references (issue 11 point 1).
 *
 * 1. Published values: the NOAA solar calculator (https://gml.noaa.gov/grad/solcalc/)
 *    for Hamburg (53.55° N, 9.99° E) in 2025, as quoted in issue 11 (UTC, to the second).
 * 2. The NOAA calculator's own rise/set method, re-implemented here from its published
 *    source (`main.js`: `calcSunriseSetUTC` run twice, the second time with the
 *    declination and equation of time at the first estimate; zenith 90.833°). It shares
 *    the solar series with `sunPosition` but finds the times in closed form from the
 *    hour angle, not by bisection, and knows nothing about refraction — exactly what the
 *    old double-refraction bug got wrong. It reproduces the published Hamburg values to 3 s.
 * 3. The Astronomical Almanac's low-precision solar formulae (a different series) with
 *    the geometric centre at −0.833°, found by bisection.
 */

const R = Math.PI / 180;

/** NOAA solar calculator, main.js: `calcSunriseSetUTC` (minutes after 0h UTC of `jd`'s date) — NaN if the sun does not cross the horizon. */
function noaaRiseSetUtcMin(rise: boolean, jd: number, lat: number, lon: number): number {
  const t = (jd - 2451545) / 36525;
  const l0 = (((280.46646 + t * (36000.76983 + t * 0.0003032)) % 360) + 360) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c = Math.sin(m * R) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m * R) * (0.019993 - 0.000101 * t) + Math.sin(3 * m * R) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * R);
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = eps0 + 0.00256 * Math.cos(omega * R);
  const dec = Math.asin(Math.sin(eps * R) * Math.sin(lambda * R));
  const y = Math.tan((eps * R) / 2) ** 2;
  const eqTime =
    (4 / R) *
    (y * Math.sin(2 * l0 * R) -
      2 * e * Math.sin(m * R) +
      4 * e * y * Math.sin(m * R) * Math.cos(2 * l0 * R) -
      0.5 * y * y * Math.sin(4 * l0 * R) -
      1.25 * e * e * Math.sin(2 * m * R));
  const haArg = Math.cos(90.833 * R) / (Math.cos(lat * R) * Math.cos(dec)) - Math.tan(lat * R) * Math.tan(dec);
  const ha = (rise ? 1 : -1) * Math.acos(haArg);
  return 720 - 4 * (lon + ha / R) - eqTime;
}

/** NOAA `calcSunriseSet`: two passes of `calcSunriseSetUTC`; UTC ms or null (no sunrise/sunset that day). */
function noaaRiseSet(rise: boolean, date: string, lat: number, lon: number): number | null {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const jd = midnight / 86400000 + 2440587.5;
  const first = noaaRiseSetUtcMin(rise, jd, lat, lon);
  const second = noaaRiseSetUtcMin(rise, jd + first / 1440, lat, lon);
  return Number.isFinite(second) ? midnight + second * 60000 : null;
}

/** Astronomical Almanac low-precision formulae: geometric altitude of the sun's centre, degrees. */
function almanacAltitude(utcMs: number, lon: number, lat: number): number {
  const n = utcMs / 86400000 + 2440587.5 - 2451545.0;
  const g = (357.528 + 0.9856003 * n) * R;
  const lambda = (280.46 + 0.9856474 * n + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * R;
  const eps = (23.439 - 0.0000004 * n) * R;
  const ra = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda));
  const dec = Math.asin(Math.sin(eps) * Math.sin(lambda));
  const ha = (18.697374558 + 24.06570982441908 * n) * 15 * R + lon * R - ra;
  return Math.asin(Math.sin(lat * R) * Math.sin(dec) + Math.cos(lat * R) * Math.cos(dec) * Math.cos(ha)) / R;
}

/** Time where the almanac altitude crosses −0.833° between `lo` and `hi` (opposite signs). */
function almanacCrossing(lo: number, hi: number, lon: number, lat: number): number {
  const f = (t: number) => almanacAltitude(t, lon, lat) + 0.833;
  const rising = f(lo) < 0;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0 === rising) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const places: [name: string, lat: number, lon: number][] = [
  ['Hamburg', 53.55, 9.99],
  ['Munich', 48.1374, 11.5755],
  ['Zürich', 47.3769, 8.5417],
  ['Tromsø', 69.6492, 18.9553],
  ['Delft', 52.0116, 4.3571],
];
const dates = ['2025-03-21', '2025-06-21', '2025-09-23', '2025-12-21'];
const TOL_MS = 30_000;
const hms = (ms: number) => new Date(ms).toISOString().slice(11, 19);

describe('sunDay: sunrise and sunset against the almanac', () => {
  it('matches the NOAA solar calculator for Hamburg 2025 (published values, UTC) to 30 s', () => {
    const published: [date: string, sunrise: string][] = [
      ['2025-03-21', '05:19:44'],
      ['2025-06-21', '02:50:23'],
      ['2025-12-21', '07:34:24'],
    ];
    for (const [date, sunrise] of published) {
      const want = Date.parse(`${date}T${sunrise}Z`);
      // The re-implemented NOAA method reproduces the published value …
      expect(Math.abs(noaaRiseSet(true, date, 53.55, 9.99)! - want), `NOAA re-implementation ${date}`).toBeLessThan(3000);
      // … and so does sunDay (the old code was 2–3 minutes early).
      const d = sunDay(date, 9.99, 53.55);
      expect(Math.abs(d.sunriseMs! - want), `sunDay sunrise ${date}: ${hms(d.sunriseMs!)} vs ${sunrise}`).toBeLessThan(TOL_MS);
    }
  });

  it('matches the NOAA calculator method to 30 s at five places on four dates (midnight sun and polar night in Tromsø)', () => {
    let worst = 0;
    let checked = 0;
    for (const [name, lat, lon] of places)
      for (const date of dates) {
        const d = sunDay(date, lon, lat);
        const rise = noaaRiseSet(true, date, lat, lon);
        const set = noaaRiseSet(false, date, lat, lon);
        if (rise === null || set === null) {
          expect(d.sunriseMs, `${name} ${date}`).toBeNull();
          expect(d.sunsetMs, `${name} ${date}`).toBeNull();
          continue;
        }
        expect(d.kind, `${name} ${date}`).toBe('normal');
        for (const [ours, ref, what] of [
          [d.sunriseMs!, rise, 'sunrise'],
          [d.sunsetMs!, set, 'sunset'],
        ] as const) {
          const err = Math.abs(ours - ref);
          expect(err, `${name} ${date} ${what}: ${hms(ours)} vs NOAA ${hms(ref)}`).toBeLessThan(TOL_MS);
          worst = Math.max(worst, err);
          checked++;
        }
      }
    expect(checked).toBe(2 * (4 * 4 + 2)); // Tromsø has sunrise and sunset only in March and September
    expect(worst).toBeLessThan(TOL_MS);
  });

  it('gives midnight sun in Tromsø on 21 June and polar night on 21 December 2025', () => {
    expect(sunDay('2025-06-21', 18.9553, 69.6492).kind).toBe('polar-day');
    expect(sunDay('2025-12-21', 18.9553, 69.6492).kind).toBe('polar-night');
  });

  it('matches the Astronomical Almanac low-precision formulae (a different solar series) to 30 s', () => {
    for (const [name, lat, lon] of places)
      for (const date of dates) {
        const d = sunDay(date, lon, lat);
        if (d.kind !== 'normal') continue;
        const rise = almanacCrossing(d.solarNoonMs - 12 * 3600000, d.solarNoonMs, lon, lat);
        const set = almanacCrossing(d.solarNoonMs, d.solarNoonMs + 12 * 3600000, lon, lat);
        expect(Math.abs(d.sunriseMs! - rise), `${name} ${date} sunrise`).toBeLessThan(TOL_MS);
        expect(Math.abs(d.sunsetMs! - set), `${name} ${date} sunset`).toBeLessThan(TOL_MS);
      }
  });
});

/**
 * Published almanac values (issue 11 point 1). The sources print whole minutes, rounded to the nearest
 * minute (SRF Meteo's 05:29 is our 05:28:30; BR's 05:18 is our 05:17:40), so "within 30 s" is what a minute
 * value can tell: ours must round to the published minute. The publishers do not state the point of the
 * city they compute for; 5 s (0.02° of longitude) are allowed for that.
 */
const PUBLISHED: [source: string, place: string, lat: number, lon: number, date: string, utcOffsetH: number, sunrise: string | null, sunset: string | null][] = [
  // Bayerischer Rundfunk, "Sonnenaufgang & Sonnenuntergang im Juni" (br.de/sternenhimmel, June 2020), Munich, CEST:
  // "Anfang Juni ist der Sonnenaufgang um 5.18 Uhr, Sonnenuntergang um 21.06 Uhr".
  ['BR Sternenhimmel Juni 2020', 'Munich', 48.1374, 11.5755, '2020-06-01', 2, '05:18', '21:06'],
  // ARD alpha Sterngucker, "Sonnenaufgang & Sonnenuntergang im Dezember" (ardalpha.de, 2024), Munich, CET, 21.12.:
  // 8.01 / 16.22. The same table's 1.12. and 31.12. sunsets (16.21, 16.29) are 66 s and 50 s earlier than ours in
  // every year 2020–2025 (its rises are 7–29 s earlier too): that table looks truncated for a point farther east,
  // so only the solstice row, which a second source confirms, is used.
  ['ARD alpha Sterngucker Dezember 2024', 'Munich', 48.1374, 11.5755, '2024-12-21', 1, '08:01', '16:22'],
  // payback.de "Zahl des Tages: Wintersonnenwende" (21.12.2018): München 8:01 / 16:22 Uhr (CET).
  ['payback.de 21.12.2018', 'Munich', 48.1374, 11.5755, '2018-12-21', 1, '08:01', '16:22'],
  // SRF Meteo, "Am Donnerstag frühester Sonnenaufgang des Jahres" (June 2016, Thursday 16 June 2016, CEST):
  // "In Zürich geht die Sonne um 05.29 Uhr auf".
  ['SRF Meteo June 2016', 'Zürich', 47.3769, 8.5417, '2016-06-16', 2, '05:29', null],
  // SRF Meteo, "Heute Samstag frühester Sonnenuntergang" (Saturday 10 December 2016, CET): Zürich 16.35 Uhr.
  ['SRF Meteo December 2016', 'Zürich', 47.3769, 8.5417, '2016-12-10', 1, null, '16:35'],
  // SRF Meteo, "Frühester Sonnenuntergang" (Saturday 11 December 2021, CET): Zürich 16.35 Uhr.
  ['SRF Meteo December 2021', 'Zürich', 47.3769, 8.5417, '2021-12-11', 1, null, '16:35'],
  // blue News / SRF Meteo, "Ab morgen geht die Sonne wieder später unter" (Thursday 11 December 2025, CET): Zürich 16.35 Uhr.
  ['blue News (SRF Meteo) 11.12.2025', 'Zürich', 47.3769, 8.5417, '2025-12-11', 1, null, '16:35'],
  // KNMI's sunrise table for the Netherlands (computed for 52° 00′ N, 5° 00′ E, the middle of the country; no
  // table for Delft itself, 52.01° N 4.36° E, was found: Delft is checked against it with the longitude shift
  // below), 2023, as quoted by Libelle ("Bron: KNMI", February 2023).
  ...([
    ['2023-02-04', 1, '08:16'], ['2023-02-11', 1, '08:03'], ['2023-02-18', 1, '07:50'], ['2023-02-25', 1, '07:35'],
    ['2023-03-04', 1, '07:20'], ['2023-03-11', 1, '07:04'], ['2023-03-18', 1, '06:48'], ['2023-03-25', 1, '06:32'],
    ['2023-04-01', 2, '07:16'], ['2023-04-08', 2, '07:00'], ['2023-04-15', 2, '06:44'], ['2023-04-22', 2, '06:29'],
    ['2023-04-29', 2, '06:15'], ['2023-05-06', 2, '06:02'], ['2023-05-13', 2, '05:50'],
  ] as const).map(([date, off, rise]) => ['KNMI 2023 (Libelle)', 'Netherlands 52° N 5° E', 52, 5, date, off, rise, null] as (typeof PUBLISHED)[number]),
];
const MINUTE_TOL_MS = 30_000 + 5_000;

describe('sunDay against published almanac values (whole minutes)', () => {
  it.each(PUBLISHED)('%s: %s %s', (source, place, lat, lon, date, off, sunrise, sunset) => {
    const d = sunDay(date, lon, lat);
    expect(d.kind).toBe('normal');
    for (const [ours, published, what] of [
      [d.sunriseMs, sunrise, 'sunrise'],
      [d.sunsetMs, sunset, 'sunset'],
    ] as const) {
      if (published === null) continue;
      const want = Date.parse(`${date}T${published}:00Z`) - off * 3600000;
      expect(Math.abs(ours! - want), `${place} ${date} ${what}: ours ${hms(ours! + off * 3600000)} vs ${published} (${source})`).toBeLessThanOrEqual(MINUTE_TOL_MS);
    }
  });

  it('gives Delft the KNMI times shifted by its longitude (4 min per degree west of 5° E, by hand)', () => {
    // Delft, Markt: 52.0116° N, 4.3571° E. The sun crosses every hour angle 4 min per degree later west of
    // 5° E: (5 − 4.3571) × 4 min = 2 min 34 s later than KNMI's table for 52° N 5° E; 0.0116° of latitude moves
    // spring sunrises by under 5 s. So Delft's sunrise is the published minute + 154 s, within the same tolerance.
    const [lat, lon] = [52.0116, 4.3571];
    const shiftMs = (5 - lon) * 4 * 60_000;
    for (const [, , , , date, off, rise] of PUBLISHED.filter(([source]) => source.startsWith('KNMI'))) {
      const want = Date.parse(`${date}T${rise}:00Z`) - off * 3600000 + shiftMs;
      const ours = sunDay(date, lon, lat).sunriseMs!;
      expect(Math.abs(ours - want), `Delft ${date}: ours ${hms(ours + off * 3600000)} vs KNMI ${rise} + 2:34`).toBeLessThanOrEqual(MINUTE_TOL_MS);
    }
  });

  it('gives the day lengths SRF Meteo publishes for Zürich (8 h 27 min on 21 December 2016 and 2021, 15 h 57 min on 21 June 2016)', () => {
    // SRF Meteo (December 2016, December 2021, June 2016 stories quoted above): day length to the minute.
    for (const [date, minutes] of [
      ['2016-12-21', 8 * 60 + 27],
      ['2021-12-21', 8 * 60 + 27],
      ['2016-06-21', 15 * 60 + 57],
    ] as const) {
      const d = sunDay(date, 8.5417, 47.3769);
      expect(Math.abs((d.sunsetMs! - d.sunriseMs!) / 60000 - minutes), `${date}`).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives Tromsø the midnight sun and the polar night of the Norwegian almanac tables', () => {
    // Store norske leksikon, "midnattssol" (table: Tromsø 69,7° N, upper limb visible: 18. mai–25. juli) and
    // "mørketid" ("Datoene kan variere med én dag fra år til år"); Nordlys/Krysspress, "Mørketid" (2015):
    // Tromsø 49 days, 27/11–15/1 (the sun is back on 15 January, as NTB reported in 2019).
    const [lat, lon] = [69.6492, 18.9553];
    const kinds = (from: string, to: string) => {
      const out: [string, string][] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 86400000) {
        const date = new Date(t).toISOString().slice(0, 10);
        out.push([date, sunDay(date, lon, lat).kind]);
      }
      return out;
    };
    const summer = kinds('2025-05-10', '2025-08-01').filter(([, k]) => k === 'polar-day').map(([d]) => d);
    const dayDiff = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86400000;
    // Midnight sun: the first and last whole days without sunset, within the table's one day.
    expect(dayDiff(summer[0], '2025-05-18'), `first midnight-sun day ${summer[0]}`).toBeLessThanOrEqual(1);
    expect(dayDiff(summer.at(-1)!, '2025-07-25'), `last midnight-sun day ${summer.at(-1)}`).toBeLessThanOrEqual(1);
    expect(kinds('2025-06-01', '2025-06-30').every(([, k]) => k === 'polar-day')).toBe(true); // all of June
    const winter = kinds('2025-11-15', '2026-01-25').filter(([, k]) => k === 'polar-night').map(([d]) => d);
    expect(winter.length).toBe(49);
    expect(winter[0]).toBe('2025-11-27');
    expect(winter.at(-1)).toBe('2026-01-14'); // sunrise again on 15 January
    expect(kinds('2025-12-01', '2025-12-31').every(([, k]) => k === 'polar-night')).toBe(true); // all of December
  });

  it('gives the last day of the midnight sun a sunset and no sunrise (the sun is up when the day begins)', () => {
    // 25 July 2025 in Tromsø: the sun is still up at local midnight and sets late in the evening; the old code
    // bisected the morning half without a crossing and returned a "sunrise" near noon.
    const d = sunDay('2025-07-25', 18.9553, 69.6492);
    expect(d.kind).toBe('normal');
    expect(d.sunriseMs).toBeNull();
    expect(d.sunsetMs! - d.solarNoonMs).toBeGreaterThan(10 * 3600000);
  });
});
