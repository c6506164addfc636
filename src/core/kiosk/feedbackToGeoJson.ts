import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FeedbackPin } from './FeedbackPin';

/** Marker of a feedback export (a foreign member, allowed by RFC 7946 §6.1), so other GeoJSON is told apart. */
export const FEEDBACK_GEOJSON_KIND = 'planlotse-feedback';
export const FEEDBACK_GEOJSON_VERSION = 1;

/** Properties of an exported pin: the pin without its position (that is the geometry). */
export type FeedbackProperties = Omit<FeedbackPin, 'lon' | 'lat' | 'height'>;

/** A feedback export. */
export interface FeedbackFeatureCollection extends FeatureCollection<Point, FeedbackProperties> {
  kind: typeof FEEDBACK_GEOJSON_KIND;
  schemaVersion: typeof FEEDBACK_GEOJSON_VERSION;
}

/**
 * Pins as an RFC 7946 FeatureCollection: one Point feature per pin,
 * `[lon, lat, height]` (WGS84, height in metres), the pin id as feature
 * `id` and in the properties, the scenario state nested under
 * `properties.scenario`. Hidden pins are kept with `hidden: true` unless
 * `includeHidden` is false. Read back with {@link feedbackFromGeoJson}; the
 * same features are what a sync POSTs to an OGC API – Features endpoint.
 *
 * @example const json = JSON.stringify(feedbackToGeoJson(pins));
 */
export function feedbackToGeoJson(pins: readonly FeedbackPin[], o: { includeHidden?: boolean } = {}): FeedbackFeatureCollection {
  return {
    type: 'FeatureCollection',
    kind: FEEDBACK_GEOJSON_KIND,
    schemaVersion: FEEDBACK_GEOJSON_VERSION,
    features: pins.filter((p) => o.includeHidden !== false || !p.hidden).map(feedbackToFeature),
  };
}

/** One pin as a GeoJSON Point feature. */
export function feedbackToFeature(pin: FeedbackPin): Feature<Point, FeedbackProperties> {
  const { lon, lat, height, ...properties } = pin;
  return { type: 'Feature', id: pin.id, geometry: { type: 'Point', coordinates: [lon, lat, height] }, properties };
}
