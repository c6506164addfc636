import type { Feature, Geometry, Position } from 'geojson';
import type { ReportBuilder } from '../model/ConversionReport';
import { finishGeometry } from './finishGeometry';
import { forEachPosition } from './featureBbox';
import { detectAxisOrder, guessProjectedCrs, parseAnyCrs } from './resolveCrs';
import { CrsResolver, isCrsProblem } from './CrsResolver';
import type { NestedMessage } from '../i18n/Message';
import { detail } from '../model/ConversionError';
import { cleanValue, type VectorLayer, type VectorReadOptions } from '../model/VectorLayer';
import { deeperThan, MAX_JSON_DEPTH, nestedNumbersProblem } from '../json/jsonLimits';

/** Array levels of `coordinates` per geometry type (Point: [x, y] is one level). */
const COORDINATE_LEVELS: Record<string, number> = { Point: 1, MultiPoint: 2, LineString: 2, MultiLineString: 3, Polygon: 3, MultiPolygon: 4 };
/** GeometryCollections inside GeometryCollections: RFC 7946 advises against any; a few levels are read. */
const MAX_COLLECTION_NESTING = 8;

/**
 * What is structurally wrong with a GeoJSON geometry (path relative to the
 * geometry, problem), checked without recursion into the coordinates, so that
 * 10,000 nested arrays are a skipped feature and not a stack overflow.
 */
export function geoJsonGeometryProblem(g: any, nesting = 0): { path: string; problem: NestedMessage } | undefined {
  if (g?.type === 'GeometryCollection') {
    if (nesting >= MAX_COLLECTION_NESTING) return { path: '', problem: { code: 'convert.geojson.collectionsDeep', params: { max: MAX_COLLECTION_NESTING } } };
    if (!Array.isArray(g.geometries)) return { path: '.geometries', problem: { code: 'convert.geojson.notArray' } };
    for (let i = 0; i < g.geometries.length; i++) {
      const p = geoJsonGeometryProblem(g.geometries[i], nesting + 1);
      if (p) return { path: `.geometries[${i}]${p.path}`, problem: p.problem };
    }
    return undefined;
  }
  const levels = COORDINATE_LEVELS[g?.type];
  if (!levels) return undefined; // unknown types are reported by the caller
  const p = nestedNumbersProblem(g.coordinates, levels, { minLength: 2 });
  return p === undefined ? undefined : { path: `.coordinates${p.path.startsWith('(top)') ? p.path.slice(5) : p.path}`, problem: p.problem };
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** 1-based line of a JSON.parse error ("… at position 123" or "… (line 4 column 2)"), if the message names one. */
function lineOfPosition(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  let n = 1;
  for (let i = 0; i < Number(pos[1]) && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Reads GeoJSON (FeatureCollection, Feature or bare geometry) into WGS84
 * RFC 7946 features. A `crs` member is honoured (old GeoJSON 2008); files
 * without one whose coordinates are clearly projected (e.g. EPSG:25832
 * metres) are detected by magnitude and reported, unless `--crs` says what
 * they are. Rings are validated, repaired where trivial and rewound.
 *
 * @example readGeoJson(text, { file: 'features_stadtteile.json' }, report).features.length // 2
 */
export function readGeoJson(text: string, opts: VectorReadOptions, report: ReportBuilder): VectorLayer {
  const { file } = opts;
  const name = file.replace(/\.(geo)?json$/i, '');
  const layer: VectorLayer = { name, format: 'geojson', features: [] };
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    report.skip({ file, line: lineOfPosition(text, msg), message: { code: 'convert.json.invalid', params: { problem: detail(msg) } } });
    return layer;
  }
  let raw: any[];
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) raw = doc.features;
  else if (doc?.type === 'Feature') raw = [doc];
  else if (GEOMETRY_TYPES.has(doc?.type)) raw = [{ type: 'Feature', geometry: doc, properties: {} }];
  else {
    report.skip({ file, message: { code: 'convert.geojson.notGeoJson', params: { type: String(JSON.stringify(doc?.type)) } } });
    return layer;
  }

  // Decide the CRS once per file.
  const samples: Position[] = [];
  for (const f of raw) {
    if (samples.length >= 200) break;
    if (f?.geometry && GEOMETRY_TYPES.has(f.geometry.type)) {
      try {
        forEachPosition(f.geometry, (p) => {
          if (samples.length < 200 && Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])) samples.push(p);
        });
      } catch {
        // Malformed coordinates are reported per feature below.
      }
    }
  }
  const crsMember: string | undefined = doc?.crs?.properties?.name ?? (doc?.crs?.properties?.code ? `EPSG:${doc.crs.properties.code}` : undefined);
  let srs = crsMember;
  let from: VectorLayer['crsFrom'] = 'file';
  if (!srs && opts.crs) {
    srs = opts.crs;
    from = 'option';
  } else if (!srs) {
    const guess = guessProjectedCrs(samples);
    if (guess) {
      srs = guess.code;
      from = 'default';
      report.warn({ file, message: { code: 'convert.geojson.guessedCrs', params: { why: guess.why, crs: guess.code } } });
    } else {
      srs = 'EPSG:4326';
      from = 'default';
    }
  }
  const resolver = new CrsResolver(opts.crs);
  // GeoJSON positions are x,y (lon,lat) even where a URN would say lat,lon; swap only when the numbers demand it.
  const noSwap = parseAnyCrs(srs)?.latLonOrder ?? false;
  let resolved = resolver.resolve(srs, noSwap);
  if (isCrsProblem(resolved)) {
    report.skip({ file, message: resolved });
    return layer;
  }
  if (detectAxisOrder(resolved.crs.code, samples) === 'swapped') {
    report.warn({ file, message: { code: 'convert.geojson.axesSwapped', params: { crs: resolved.crs.code } } });
    const swapped = resolver.resolve(srs, !noSwap);
    if (!isCrsProblem(swapped)) resolved = swapped;
  }
  layer.crs = resolved.crs.code;
  layer.crsFrom = from;
  const geographic = resolved.crs.code === 'EPSG:4326' || resolved.crs.code === 'EPSG:4258';
  const toWgs84 = resolved.toWgs84;

  const at = doc?.type === 'FeatureCollection' ? (i: number) => `$.features[${i}]` : () => '$';
  const seenIds = new Map<string, number>();
  raw.forEach((f, i) => {
    const rawId = f?.id ?? f?.properties?.id;
    const featureId = String(typeof rawId === 'string' || typeof rawId === 'number' ? rawId : `#${i}`);
    const base = { file, featureId, featureClass: name, path: at(i) };
    if (!f || f.type !== 'Feature') {
      report.skip({ ...base, message: { code: 'convert.geojson.notFeature', params: { i } } });
      return;
    }
    if (!f.geometry) {
      report.skip({ ...base, message: { code: 'convert.geojson.nullGeometry' } });
      return;
    }
    if (!GEOMETRY_TYPES.has(f.geometry.type)) {
      report.skip({ ...base, message: { code: 'convert.geojson.unknownType', params: { type: String(JSON.stringify(f.geometry.type)) } } });
      return;
    }
    const shape = geoJsonGeometryProblem(f.geometry);
    if (shape) {
      report.skip({ ...base, path: `${base.path}.geometry${shape.path}`, message: { code: 'convert.geojson.badCoordinates', params: { problem: shape.problem } } });
      return;
    }
    const deep = deeperThan(f.properties, MAX_JSON_DEPTH);
    if (deep !== undefined) {
      report.skip({ ...base, path: `${base.path}.properties${deep}`, message: { code: 'convert.json.nestedDeeper', params: { key: 'properties', max: MAX_JSON_DEPTH } } });
      return;
    }
    if (rawId !== undefined && seenIds.has(featureId)) {
      report.warn({ ...base, message: { code: 'convert.geojson.duplicateId', params: { id: featureId, at: at(seenIds.get(featureId)!) } } });
    } else seenIds.set(featureId, i);
    const fin = finishGeometry(f.geometry as Geometry, { toWgs84, snapTolerance: geographic ? 2e-7 : 0.02 });
    for (const w of fin.warnings) report.warn({ ...base, message: w });
    if (!fin.geometry) {
      report.skip({ ...base, message: fin.error ?? { code: 'convert.geom.invalid' } });
      return;
    }
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) properties[k] = cleanValue(v);
    const out: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', geometry: fin.geometry, properties };
    if (f.id !== undefined) out.id = f.id;
    layer.features.push(out);
    report.count(name);
  });
  return layer;
}
