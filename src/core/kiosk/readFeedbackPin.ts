import { FieldChecker, fieldPath, type FieldError } from './FieldChecker';
import { FEEDBACK_AGE_GROUPS, FEEDBACK_TEXT_MAX_CHARS, type FeedbackAgeGroup, type FeedbackPin, type FeedbackScenarioState } from './FeedbackPin';
import type { KioskCameraView } from './KioskConfig';
import { graphemeCount, sanitizeComment } from './sanitizeComment';

/** A UUID in its canonical 8-4-4-4-12 hex form. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
const PIN_KEYS = ['id', 'createdAt', 'updatedAt', 'hidden', 'category', 'text', 'rating', 'ageGroup', 'lon', 'lat', 'height', 'scenario'];
const SCENARIO_KEYS = ['datasetId', 'planVersion', 'variantId', 'camera', 'sceneTime', 'visibleLayerIds', 'language'];

/**
 * Reads one feedback pin record from untrusted data (IndexedDB, an import,
 * a GeoJSON feature's properties) and checks every field; errors carry the
 * JSON path below `path`. The text is cleaned with {@link sanitizeComment}
 * (a tampered file cannot bring control characters in) but a text over the
 * length limit is an error, not cut: imported comments are never silently
 * shortened. `categories`, when given, limits the category ids.
 *
 * @example
 * const r = readFeedbackPin(record, 'pins[3]');
 * if ('errors' in r) report(r.errors);
 */
export function readFeedbackPin(v: unknown, path = '', categories?: readonly string[]): { pin: FeedbackPin } | { errors: FieldError[] } {
  const c = new FieldChecker();
  const at = (key: string) => fieldPath(path, key);
  const o = c.object(v, path, PIN_KEYS);
  if (!o) return { errors: c.errors };
  let id = c.string(o.id, at('id'), 36);
  if (id !== undefined && !UUID_PATTERN.test(id)) id = c.error(at('id'), `"${id}" is not a UUID`);
  const createdAt = instant(c, o.createdAt, at('createdAt'));
  let updatedAt = instant(c, o.updatedAt, at('updatedAt'));
  if (createdAt && updatedAt && updatedAt < createdAt) updatedAt = c.error(at('updatedAt'), `${updatedAt} is before createdAt ${createdAt}`);
  const hidden = typeof o.hidden === 'boolean' ? o.hidden : c.error(at('hidden'), o.hidden === undefined ? 'missing' : 'must be true or false');
  let category = c.id(o.category, at('category'));
  if (category !== undefined && categories && !categories.includes(category)) category = c.error(at('category'), `"${category}" is not one of the categories (${categories.join(', ')})`);
  let text: string | undefined;
  if (typeof o.text !== 'string') c.error(at('text'), o.text === undefined ? 'missing' : 'must be a string');
  else if (o.text.length > FEEDBACK_TEXT_MAX_CHARS * 16 || graphemeCount(sanitizeComment(o.text, Infinity)) > FEEDBACK_TEXT_MAX_CHARS) c.error(at('text'), `is longer than ${FEEDBACK_TEXT_MAX_CHARS} characters`);
  else if ((text = sanitizeComment(o.text)) === '') text = c.error(at('text'), 'must not be empty');
  const rating = o.rating === null ? null : (c.number(o.rating, at('rating'), 1, 5, { integer: true }) as FeedbackPin['rating'] | undefined);
  let ageGroup: FeedbackAgeGroup | null | undefined = null;
  if (o.ageGroup !== null) {
    ageGroup = FEEDBACK_AGE_GROUPS.includes(o.ageGroup as FeedbackAgeGroup) ? (o.ageGroup as FeedbackAgeGroup) : c.error(at('ageGroup'), o.ageGroup === undefined ? 'missing (null when not given)' : `must be null or one of ${FEEDBACK_AGE_GROUPS.join(', ')}`);
  }
  const lon = c.number(o.lon, at('lon'), -180, 180, { unit: '°' });
  const lat = c.number(o.lat, at('lat'), -90, 90, { unit: '°' });
  const height = c.number(o.height, at('height'), -1000, 100_000, { unit: 'm' });
  const scenario = readScenario(c, o.scenario, at('scenario'));
  if (c.errors.length > 0) return { errors: c.errors };
  return { pin: { id: id!.toLowerCase(), createdAt: createdAt!, updatedAt: updatedAt!, hidden: hidden!, category: category!, text: text!, rating: rating!, ageGroup: ageGroup!, lon: lon!, lat: lat!, height: height!, scenario: scenario! } };
}

function instant(c: FieldChecker, v: unknown, path: string): string | undefined {
  const s = c.string(v, path, 40);
  if (s === undefined) return undefined;
  if (!ISO_INSTANT.test(s) || Number.isNaN(Date.parse(s))) return c.error(path, `"${s}" is not an ISO 8601 UTC time like 2026-05-04T10:15:00.000Z`);
  return new Date(s).toISOString();
}

function readScenario(c: FieldChecker, v: unknown, path: string): FeedbackScenarioState | undefined {
  const o = c.object(v, path, SCENARIO_KEYS);
  if (!o) return undefined;
  const at = (key: string) => fieldPath(path, key);
  const datasetId = c.id(o.datasetId, at('datasetId'));
  const planVersion = o.planVersion === null ? null : c.string(o.planVersion, at('planVersion'), 120);
  const variantId = c.id(o.variantId, at('variantId'));
  const camera = readCamera(c, o.camera, at('camera'));
  const sceneTime = instant(c, o.sceneTime, at('sceneTime'));
  const layers = c.array(o.visibleLayerIds, at('visibleLayerIds'), 0, 200);
  const visibleLayerIds = layers?.map((l, i) => c.id(l, fieldPath(at('visibleLayerIds'), i)));
  let language = c.string(o.language, at('language'), 10);
  if (language !== undefined && !LANGUAGE.test(language)) language = c.error(at('language'), `"${language}" is not a language code like de or en`);
  if (datasetId === undefined || planVersion === undefined || variantId === undefined || !camera || sceneTime === undefined || !visibleLayerIds || visibleLayerIds.includes(undefined) || language === undefined) return undefined;
  return { datasetId, planVersion, variantId, camera, sceneTime, visibleLayerIds: visibleLayerIds as string[], language };
}

function readCamera(c: FieldChecker, v: unknown, path: string): KioskCameraView | undefined {
  const o = c.object(v, path, ['lon', 'lat', 'height', 'headingDeg', 'pitchDeg']);
  if (!o) return undefined;
  const lon = c.number(o.lon, fieldPath(path, 'lon'), -180, 180);
  const lat = c.number(o.lat, fieldPath(path, 'lat'), -90, 90);
  const height = c.number(o.height, fieldPath(path, 'height'), -1000, 1e8);
  const headingDeg = c.number(o.headingDeg, fieldPath(path, 'headingDeg'), -360, 360);
  const pitchDeg = c.number(o.pitchDeg, fieldPath(path, 'pitchDeg'), -90, 90);
  if (lon === undefined || lat === undefined || height === undefined || headingDeg === undefined || pitchDeg === undefined) return undefined;
  return { lon, lat, height, headingDeg, pitchDeg };
}
