import { checkJsonShape, describe } from './FieldChecker';
import type { FeedbackPin } from './FeedbackPin';
import { FEEDBACK_GEOJSON_KIND } from './feedbackToGeoJson';
import { readFeedbackPin } from './readFeedbackPin';

/** A problem in an import: `index` of the feature (null for the file as a whole), the field's JSON path and what is wrong. */
export interface FeedbackImportError {
  index: number | null;
  path: string;
  message: string;
}

/** Bounds of one import (an all-day kiosk collects hundreds, not millions). */
export const FEEDBACK_IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, features: 100_000, depth: 10 } as const;

/**
 * Reads a feedback export ({@link feedbackToGeoJson}: text or parsed),
 * validating every feature; bad features are reported by index with the
 * path of the bad field and left out, the good ones are kept. The
 * collection must carry `kind: "planlotse-feedback"` (other GeoJSON is
 * refused as a whole). Never throws.
 *
 * @example
 * const { pins, errors } = feedbackFromGeoJson(await file.text());
 * store.importFeedback(pins); errors.forEach(showIssue);
 */
export function feedbackFromGeoJson(input: unknown): { pins: FeedbackPin[]; errors: FeedbackImportError[] } {
  const fail = (message: string) => ({ pins: [], errors: [{ index: null, path: '', message }] });
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > FEEDBACK_IMPORT_LIMITS.bytes) return fail(`the file is ${(input.length / 1024 / 1024).toFixed(1)} MB, at most ${FEEDBACK_IMPORT_LIMITS.bytes / 1024 / 1024} MB`);
    try {
      doc = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail(`not a GeoJSON FeatureCollection (got ${describe(doc)})`);
  const o = doc as Record<string, unknown>;
  if (o.type !== 'FeatureCollection') return fail(`not a GeoJSON FeatureCollection ("type" is ${JSON.stringify(o.type)})`);
  if (o.kind !== FEEDBACK_GEOJSON_KIND) return fail(`not a Planlotse feedback export ("kind" is ${JSON.stringify(o.kind)}, expected "${FEEDBACK_GEOJSON_KIND}")`);
  if (!Array.isArray(o.features)) return fail('"features" must be a list');
  if (o.features.length > FEEDBACK_IMPORT_LIMITS.features) return fail(`${o.features.length} features, at most ${FEEDBACK_IMPORT_LIMITS.features}`);
  const pins: FeedbackPin[] = [];
  const errors: FeedbackImportError[] = [];
  o.features.forEach((f, index) => {
    const path = `features[${index}]`;
    const bad = (p: string, message: string) => errors.push({ index, path: p, message });
    const shape = checkJsonShape(f, FEEDBACK_IMPORT_LIMITS.depth, 2000);
    if (shape) return bad(path, `the feature ${shape}`);
    if (typeof f !== 'object' || f === null || (f as Record<string, unknown>).type !== 'Feature') return bad(path, 'not a GeoJSON Feature');
    const feature = f as Record<string, unknown>;
    const g = feature.geometry as Record<string, unknown> | null;
    const c = g && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!c || (c.length !== 2 && c.length !== 3) || !c.every((x) => typeof x === 'number' && Number.isFinite(x))) return bad(`${path}.geometry`, 'must be a Point with [lon, lat] or [lon, lat, height]');
    const props = feature.properties;
    if (typeof props !== 'object' || props === null || Array.isArray(props)) return bad(`${path}.properties`, 'must be an object');
    if (feature.id !== undefined && feature.id !== (props as Record<string, unknown>).id) return bad(`${path}.id`, `the feature id ${JSON.stringify(feature.id)} differs from properties.id`);
    const r = readFeedbackPin({ ...props, lon: c[0], lat: c[1], height: c[2] ?? 0 }, `${path}.properties`);
    if ('errors' in r) {
      // The position came from the geometry: name the coordinate, not a property the file does not have.
      const coordinate = { lon: 0, lat: 1, height: 2 } as Record<string, number>;
      for (const e of r.errors) bad(e.path.replace(/\.properties\.(lon|lat|height)$/, (_, k: string) => `.geometry.coordinates[${coordinate[k]}]`), e.message);
    } else pins.push(r.pin);
  });
  return { pins, errors };
}
