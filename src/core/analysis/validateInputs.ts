/**
 * Pure up-front checks of analysis inputs (arguments and GeoJSON inputs).
 * They run before any analysis starts so that a bad call ends at once with a
 * message naming the problem, instead of a hang, an out-of-memory crash or a
 * silently empty result. Every check returns the problems it found as
 * sentences (empty when all is well); the caller adds the file or option name.
 */
import { calendarDateProblem, dateTimeProblem as zonedDateTimeProblem } from '../time/calendarDate';

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

/** Whether `s` is a real calendar date `YYYY-MM-DD` within the supported years; returns the problem or null. */
export function dateProblem(s: string): string | null {
  return calendarDateProblem(s, YEARS);
}

/**
 * Whether `s` is an ISO 8601 date-time with a zone whose calendar parts exist
 * (`Date.parse` alone rolls 2025-02-30 over into March); returns the problem or null.
 */
export function dateTimeProblem(s: string): string | null {
  return zonedDateTimeProblem(s, { zone: 'required', years: YEARS });
}

/** A number within [min, max]; returns the problem or null. */
export function rangeProblem(v: number, min: number, max: number, unit = ''): string | null {
  if (!Number.isFinite(v)) return `${v} is not a number`;
  if (v < min || v > max) return `${v}${unit} is outside ${min}–${max}${unit}`;
  return null;
}

/** A WGS84 bbox `[minLon, minLat, maxLon, maxLat]` within the valid ranges and not empty; returns the problem or null. */
export function bboxProblem(b: readonly number[]): string | null {
  if (b.length !== 4 || b.some((x) => !Number.isFinite(x))) return 'must be four numbers minLon,minLat,maxLon,maxLat';
  const [minLon, minLat, maxLon, maxLat] = b;
  for (const lon of [minLon, maxLon]) if (lon < -180 || lon > 180) return `longitude ${lon} is outside −180–180°`;
  for (const lat of [minLat, maxLat]) if (lat < -90 || lat > 90) return `latitude ${lat} is outside −90–90°`;
  if (!(maxLon > minLon && maxLat > minLat)) return 'is empty (need minLon < maxLon and minLat < maxLat)';
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
export function sunHoursWorkProblem(bbox: readonly number[], cellM: number, stepMin: number): string | null {
  const { widthM, heightM } = bboxSizeM(bbox);
  const cells = Math.ceil(widthM / cellM) * Math.ceil(heightM / cellM);
  const steps = Math.ceil((24 * 60) / stepMin);
  const L = ANALYSIS_LIMITS;
  if (cells > L.maxCells)
    return `the bbox (${fmtKm(widthM)} × ${fmtKm(heightM)}) at ${cellM} m cells is ${fmtCount(cells)} cells, more than the ceiling of ${fmtCount(L.maxCells)}: use a larger --cell or a smaller --bbox`;
  if (cells * steps > L.maxCellSteps)
    return `${fmtCount(cells)} cells × up to ${steps} steps is ${fmtCount(cells * steps)} cell-steps, more than the ceiling of ${fmtCount(L.maxCellSteps)}: use a larger --cell or --step or a smaller --bbox`;
  return null;
}

/** A problem found in one feature of a collection. */
export interface FeatureProblem {
  /** Index of the feature in `features`. */
  index: number;
  /** The feature's `properties.id` or `id`, if any. */
  id?: string;
  problem: string;
}

/** A readable "feature 3 (id "b-7")" prefix. */
export function featureLabel(p: { index: number; id?: string }): string {
  return `feature ${p.index}${p.id !== undefined ? ` (id "${p.id}")` : ''}`;
}

function featureId(f: GeoJSON.Feature): string | undefined {
  const v = (f.properties as Record<string, unknown> | null)?.id ?? f.id;
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * Structure of a parsed GeoJSON document: a FeatureCollection of Features.
 * Returns the problem or null.
 */
export function featureCollectionProblem(json: unknown, opts: { allowEmpty?: boolean } = {}): string | null {
  const fc = json as GeoJSON.FeatureCollection | null;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return 'is not a GeoJSON FeatureCollection';
  if (!opts.allowEmpty && fc.features.length === 0) return 'is an empty FeatureCollection (no features to analyse)';
  for (let i = 0; i < fc.features.length; i++) if (fc.features[i]?.type !== 'Feature') return `feature ${i} is not a GeoJSON Feature`;
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
export function coordinateProblems(features: readonly GeoJSON.Feature[]): string | null {
  const s = scanCoordinates(features);
  if (s.firstBad) {
    const p = s.firstBad;
    const at = `${featureLabel(p)}, position [${p.position.join(', ')}]`;
    if (!p.finite) return `${at}: coordinate is not a finite number`;
    const [x, y] = p.position;
    const projected = Math.abs(x) > 1000 || Math.abs(y) > 1000;
    return projected
      ? `${at}: coordinates look projected (metres, e.g. EPSG:25832), but GeoJSON is read as WGS84 longitude/latitude (RFC 7946); reproject the file to EPSG:4326 first (e.g. ogr2ogr -t_srs EPSG:4326)`
      : `${at}: longitude must be within −180–180° and latitude within −90–90°`;
  }
  if (s.vertices === 0) return 'has no coordinates (no feature has a geometry)';
  if (s.vertices > ANALYSIS_LIMITS.maxVertices) return `has ${fmtCount(s.vertices)} vertices, more than the ceiling of ${fmtCount(ANALYSIS_LIMITS.maxVertices)}`;
  const { widthM, heightM } = bboxSizeM(s.bbox);
  if (Math.max(widthM, heightM) > ANALYSIS_LIMITS.maxExtentM)
    return `spans ${fmtKm(widthM)} × ${fmtKm(heightM)} (lon ${s.bbox[0]}–${s.bbox[2]}, lat ${s.bbox[1]}–${s.bbox[3]}), more than the ${fmtKm(ANALYSIS_LIMITS.maxExtentM)} an analysis covers; cut the file to the area of interest`;
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
    const problem = raw === undefined || raw === null ? 'has no heightM and no roofs' : `heightM ${JSON.stringify(raw)} is not a height above 0 m (and no roofs)`;
    out.push({ index, id: featureId(f), problem });
  });
  return out;
}

function fmtKm(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(m >= 100_000 ? 0 : 1)} km` : `${m.toFixed(0)} m`;
}

function fmtCount(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} billion` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : String(Math.round(n));
}
