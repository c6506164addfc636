import type { NestedMessage } from '../i18n/Message';
import type { Position } from 'geojson';
import { CRS_DEFINITIONS, GEOGRAPHIC_CRS, makeTransform, parseCrs, type ParsedCrs } from '../crs';

/** Central meridian of a projected CRS definition, or undefined (geographic, Web Mercator). */
function centralMeridian(code: string): number | undefined {
  const def = CRS_DEFINITIONS[code];
  if (!def || GEOGRAPHIC_CRS.has(code) || code === 'EPSG:3857') return undefined;
  const zone = /\+zone=(\d+)/.exec(def);
  if (zone) return Number(zone[1]) * 6 - 183;
  const lon0 = /\+lon_0=(-?[\d.]+)/.exec(def);
  return lon0 ? Number(lon0[1]) : undefined;
}

function plausible(code: string, p: Position, lon0: number | undefined, inv: (p: Position) => [number, number]): boolean {
  if (GEOGRAPHIC_CRS.has(code)) return Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
  const [lon, lat] = inv(p);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 84) return false;
  // A transverse Mercator zone is ~6° wide; 12° of slack still separates E/N from N/E.
  return lon0 === undefined || Math.abs(lon - lon0) <= 12;
}

/**
 * Decides whether sample positions (as written in the file, after any axis
 * swap the CRS itself demands) are in the expected order for `code`, or look
 * swapped (e.g. WFS responses with `urn:ogc:def:crs:EPSG::25832` that write
 * northing, easting). Returns 'ok', 'swapped' or 'unknown'.
 *
 * @example detectAxisOrder('EPSG:25832', [[5933240.6, 565065.9]]) // 'swapped'
 */
export function detectAxisOrder(code: string, samples: Position[]): 'ok' | 'swapped' | 'unknown' {
  if (samples.length === 0 || !(code in CRS_DEFINITIONS)) return 'unknown';
  const inv = makeTransform(code, 'EPSG:4326');
  const lon0 = centralMeridian(code);
  let ok = 0, swapped = 0;
  for (const p of samples) {
    if (plausible(code, p, lon0, inv)) ok++;
    else if (plausible(code, [p[1], p[0]], lon0, inv)) swapped++;
  }
  if (ok === samples.length) return 'ok';
  if (swapped === samples.length) return 'swapped';
  return 'unknown';
}

/**
 * Guesses the CRS of coordinates that came without one (GeoJSON without a
 * `crs` member) from their magnitude. Returns undefined for WGS84-looking
 * values and for values it cannot place.
 */
export function guessProjectedCrs(samples: Position[]): { code: string; why: NestedMessage } | undefined {
  if (samples.length === 0) return undefined;
  const xs = samples.map((p) => p[0]), ys = samples.map((p) => p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return undefined;
  const desc = { minX: minX.toFixed(0), maxX: maxX.toFixed(0), minY: minY.toFixed(0), maxY: maxY.toFixed(0) };
  if (minX >= 32_000_000 && maxX < 33_000_000 && minY > 5_000_000 && maxY < 6_200_000) return { code: 'EPSG:4647', why: { code: 'convert.crs.guessUtm32Zone', params: desc } };
  if (minX >= 100_000 && maxX <= 900_000 && minY > 5_000_000 && maxY < 6_200_000) return { code: 'EPSG:25832', why: { code: 'convert.crs.guessUtm32', params: desc } };
  if (minX >= 3_200_000 && maxX <= 3_800_000 && minY > 5_200_000 && maxY < 6_200_000) return { code: 'EPSG:31467', why: { code: 'convert.crs.guessGk3', params: { ...desc, name: 'Gauß-Krüger' } } };
  return undefined;
}

/** parseCrs plus the OGC CRS84 names GeoJSON uses (lon, lat order). */
export function parseAnyCrs(ref: string | undefined): ParsedCrs | undefined {
  if (!ref) return undefined;
  if (/CRS:?84$/i.test(ref.trim()) || /OGC:[\d.]*:CRS84/i.test(ref)) return { code: 'EPSG:4326', latLonOrder: false, source: ref };
  return parseCrs(ref);
}

/**
 * Arc densification tolerance in the units of `code`: metres for projected
 * CRSs, degrees (1 m ≈ 1/111 320°) for geographic ones.
 */
export function chordErrorFor(code: string, metres = 0.1): number {
  return GEOGRAPHIC_CRS.has(code) ? metres / 111_320 : metres;
}
