/**
 * Pure up-front checks of analysis inputs (arguments and GeoJSON inputs).
 * They run before any analysis starts so that a bad call ends at once with a
 * message naming the problem, instead of a hang, an out-of-memory crash or a
 * silently empty result. Every check returns the problem it found as a
 * message code with parameters (null when all is well), never as English or
 * German text: the caller adds the file or option name and says it in the
 * user's language (`translateNested`).
 */
import type { NestedMessage } from '../i18n/Message';
import { calendarDateIssue, dateTimeIssue, type DateIssue } from '../time/calendarDate';

/** The limits the checks enforce; stated in the README ("Bad input"). */
export const ANALYSIS_LIMITS = {
  /** Years the sun-position formulas are used for. */
  minYear: 1900,
  maxYear: 2100,
  /** Time step of sun hours / sun at points, minutes. */
  minStepMin: 1,
  maxStepMin: 120,
  /** Raster cell size of sun hours, metres. */
  minCellM: 0.1,
  maxCellM: 1000,
  /** Raster cells of one sun-hours call. */
  maxCells: 20_000_000,
  /** Cells × time steps of one sun-hours call (the work that scales the run time). */
  maxCellSteps: 2_000_000_000,
  /** Points × time steps of one sun-at-points call. */
  maxPointSteps: 50_000_000,
  /** Polygon vertices of one input file (shadow pieces, overlap and compliance geometry scale with them). */
  maxVertices: 5_000_000,
  /**
   * Largest side of the area the features of one input file may span, metres: analyses run in one local
   * EPSG:25832-based frame; a city with its outskirts (Hamburg with Neuwerk: 126 km) fits, a country does not.
   */
  maxExtentM: 200_000,
} as const;

const YEARS = [ANALYSIS_LIMITS.minYear, ANALYSIS_LIMITS.maxYear] as const;

/** A date issue as a message (`problem.date.<kind>` with the issue's values). */
function dateIssueMessage(i: DateIssue | null): NestedMessage | null {
  if (!i) return null;
  const { kind, ...params } = i;
  return { code: `problem.date.${kind}`, params };
}

/** Whether `s` is a real calendar date `YYYY-MM-DD` within the supported years; returns the problem or null. */
export function dateProblem(s: string): NestedMessage | null {
  return dateIssueMessage(calendarDateIssue(s, YEARS));
}

/**
 * Whether `s` is an ISO 8601 date-time with a zone whose calendar parts exist
 * (`Date.parse` alone rolls 2025-02-30 over into March); returns the problem or null.
 */
export function dateTimeProblem(s: string): NestedMessage | null {
  return dateIssueMessage(dateTimeIssue(s, { zone: 'required', years: YEARS }));
}

/** A number within [min, max]; returns the problem or null. */
export function rangeProblem(v: number, min: number, max: number, unit = ''): NestedMessage | null {
  if (!Number.isFinite(v)) return { code: 'problem.notANumber', params: { value: String(v) } };
  if (v < min || v > max) return { code: 'problem.outside', params: { value: String(v), unit, min: String(min), max: String(max) } };
  return null;
}

/** A WGS84 bbox `[minLon, minLat, maxLon, maxLat]` within the valid ranges and not empty; returns the problem or null. */
export function bboxProblem(b: readonly number[]): NestedMessage | null {
  if (b.length !== 4 || b.some((x) => !Number.isFinite(x))) return { code: 'problem.bbox.numbers' };
  const [minLon, minLat, maxLon, maxLat] = b;
  for (const lon of [minLon, maxLon]) if (lon < -180 || lon > 180) return { code: 'problem.bbox.lon', params: { lon: String(lon) } };
  for (const lat of [minLat, maxLat]) if (lat < -90 || lat > 90) return { code: 'problem.bbox.lat', params: { lat: String(lat) } };
  if (!(maxLon > minLon && maxLat > minLat)) return { code: 'problem.bbox.empty' };
  return null;
}

/** Approximate width and height of a WGS84 bbox in metres (spherical Earth; good to a few per mille). */
export function bboxSizeM(b: readonly number[]): { widthM: number; heightM: number } {
  const [minLon, minLat, maxLon, maxLat] = b;
  const mPerDeg = 111_320;
  const widthM = (maxLon - minLon) * mPerDeg * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  return { widthM: Math.abs(widthM), heightM: (maxLat - minLat) * mPerDeg };
}

/**
 * The work of one sun-hours call against the ceilings: cells of the raster and
 * cells × steps (the number of steps is bounded by a whole day of steps).
 * Returns the problem or null.
 */
export function sunHoursWorkProblem(bbox: readonly number[], cellM: number, stepMin: number): NestedMessage | null {
  const { widthM, heightM } = bboxSizeM(bbox);
  const cells = Math.ceil(widthM / cellM) * Math.ceil(heightM / cellM);
  const steps = Math.ceil((24 * 60) / stepMin);
  const L = ANALYSIS_LIMITS;
  if (cells > L.maxCells)
    return { code: 'problem.work.cells', params: { width: fmtKm(widthM), height: fmtKm(heightM), cellM: String(cellM), cells: fmtCount(cells), max: fmtCount(L.maxCells) } };
  if (cells * steps > L.maxCellSteps)
    return { code: 'problem.work.cellSteps', params: { cells: fmtCount(cells), steps: String(steps), cellSteps: fmtCount(cells * steps), max: fmtCount(L.maxCellSteps) } };
  return null;
}

/** A problem found in one feature of a collection. */
export interface FeatureProblem {
  /** Index of the feature in `features`. */
  index: number;
  /** The feature's `properties.id` or `id`, if any. */
  id?: string;
  problem: NestedMessage;
}

/** A readable "feature 3 (id "b-7")" prefix. */
export function featureLabel(p: { index: number; id?: string }): NestedMessage {
  return p.id !== undefined ? { code: 'problem.featureWithId', params: { index: String(p.index), id: p.id } } : { code: 'problem.feature', params: { index: String(p.index) } };
}

function featureId(f: GeoJSON.Feature): string | undefined {
  const v = (f.properties as Record<string, unknown> | null)?.id ?? f.id;
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * Structure of a parsed GeoJSON document: a FeatureCollection of Features.
 * Returns the problem or null.
 */
export function featureCollectionProblem(json: unknown, opts: { allowEmpty?: boolean } = {}): NestedMessage | null {
  const fc = json as GeoJSON.FeatureCollection | null;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { code: 'problem.fc.notFc' };
  if (!opts.allowEmpty && fc.features.length === 0) return { code: 'problem.fc.empty' };
  for (let i = 0; i < fc.features.length; i++) if (fc.features[i]?.type !== 'Feature') return { code: 'problem.fc.notFeature', params: { index: String(i) } };
  return null;
}

/** Summary of the coordinates of a collection, read as WGS84 lon/lat. */
export interface CoordinateScan {
  /** Positions seen. */
  vertices: number;
  /** Bounding box of the positions `[minLon, minLat, maxLon, maxLat]`; Infinity when there are none. */
  bbox: [number, number, number, number];
  /** The first position that is not finite or outside lon −180–180 / lat −90–90, with its feature. */
  firstBad?: { index: number; id?: string; position: number[]; finite: boolean };
}

/** Walks every position of every geometry (GeometryCollections included). */
export function scanCoordinates(features: readonly GeoJSON.Feature[]): CoordinateScan {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let vertices = 0;
  let firstBad: CoordinateScan['firstBad'];
  let index = 0;
  let id: string | undefined;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' || c.length === 0) {
      if (c.length === 0) return;
      vertices++;
      const [lon, lat] = c as number[];
      const finite = Number.isFinite(lon) && Number.isFinite(lat);
      if (!finite || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        firstBad ??= { index, id, position: c as number[], finite };
        return;
      }
      if (lon < bbox[0]) bbox[0] = lon;
      if (lat < bbox[1]) bbox[1] = lat;
      if (lon > bbox[2]) bbox[2] = lon;
      if (lat > bbox[3]) bbox[3] = lat;
      return;
    }
    for (const x of c) visit(x);
  };
  const visitGeometry = (g: GeoJSON.Geometry | null | undefined): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries?.forEach(visitGeometry);
    else visit((g as { coordinates?: unknown }).coordinates);
  };
  features.forEach((f, i) => {
    index = i;
    id = featureId(f);
    visitGeometry(f.geometry);
  });
  return { vertices, bbox, firstBad };
}

/**
 * Coordinates of a collection that analyses read as WGS84 lon/lat (RFC 7946):
 * every position finite and in range, some positions at all, not more
 * vertices than the ceiling, and an extent within the maximum. Projected
 * coordinates (e.g. EPSG:25832 metres: 565 000, 5 933 000) are named as such.
 */
export function coordinateProblems(features: readonly GeoJSON.Feature[]): NestedMessage | null {
  const s = scanCoordinates(features);
  if (s.firstBad) {
    const p = s.firstBad;
    const at: NestedMessage = { code: 'problem.coord.at', params: { feature: featureLabel(p), position: p.position.join(', ') } };
    if (!p.finite) return { code: 'problem.coord.notFinite', params: { at } };
    const [x, y] = p.position;
    const projected = Math.abs(x) > 1000 || Math.abs(y) > 1000;
    return { code: projected ? 'problem.coord.projected' : 'problem.coord.range', params: { at } };
  }
  if (s.vertices === 0) return { code: 'problem.coord.none' };
  if (s.vertices > ANALYSIS_LIMITS.maxVertices) return { code: 'problem.coord.vertices', params: { count: fmtCount(s.vertices), max: fmtCount(ANALYSIS_LIMITS.maxVertices) } };
  const { widthM, heightM } = bboxSizeM(s.bbox);
  if (Math.max(widthM, heightM) > ANALYSIS_LIMITS.maxExtentM) {
    const [minLon, minLat, maxLon, maxLat] = s.bbox.map(String);
    return { code: 'problem.coord.extent', params: { width: fmtKm(widthM), height: fmtKm(heightM), minLon, maxLon, minLat, maxLat, max: fmtKm(ANALYSIS_LIMITS.maxExtentM) } };
  }
  return null;
}

/**
 * Buildings that the shadow and sun analyses cannot raise: no LoD2 `roofs`
 * and no `heightM` > 0. Such buildings would cast no shadow, so they are
 * reported rather than silently counted as flat.
 */
export function buildingHeightProblems(features: readonly GeoJSON.Feature[]): FeatureProblem[] {
  const out: FeatureProblem[] = [];
  features.forEach((f, index) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (Array.isArray(p.roofs) && p.roofs.length > 0) return;
    const raw = p.heightM;
    const h = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (Number.isFinite(h) && h > 0) return;
    const problem: NestedMessage = raw === undefined || raw === null ? { code: 'problem.height.none' } : { code: 'problem.height.bad', params: { raw: JSON.stringify(raw) } };
    out.push({ index, id: featureId(f), problem });
  });
  return out;
}

/** A length for people: "850 m", "1.5 km", "126 km" (the number in the reader's language). */
function fmtKm(m: number): NestedMessage {
  return m >= 1000 ? { code: m >= 100_000 ? 'problem.kmWhole' : 'problem.km', params: { v: m / 1000 } } : { code: 'problem.m', params: { v: m } };
}

/** A count for people: "999", "20.0 million", "2.3 billion". */
function fmtCount(n: number): NestedMessage {
  return n >= 1e9 ? { code: 'problem.billion', params: { v: n / 1e9 } } : n >= 1e6 ? { code: 'problem.million', params: { v: n / 1e6 } } : { code: 'problem.count', params: { v: Math.round(n) } };
}
