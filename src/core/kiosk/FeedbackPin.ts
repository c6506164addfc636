import type { KioskCameraView } from './KioskConfig';

/** Age groups a citizen may pick (optional); fixed, so exports from several kiosks can be compared. */
export const FEEDBACK_AGE_GROUPS = ['under-18', '18-29', '30-49', '50-64', '65-plus'] as const;
export type FeedbackAgeGroup = (typeof FEEDBACK_AGE_GROUPS)[number];

/** Longest comment, in user-perceived characters (grapheme clusters). */
export const FEEDBACK_TEXT_MAX_CHARS = 500;

/** What the citizen was looking at when placing the pin ("show what this person saw"). */
export interface FeedbackScenarioState {
  /** Catalog id of the dataset. */
  datasetId: string;
  /** Version of the plan shown (e.g. the scenario's updatedAt or a plan id), null when unknown. */
  planVersion: string | null;
  /** Variant id, or `existing` for the city as it is. */
  variantId: string;
  camera: KioskCameraView;
  /** Scene time, ISO 8601 instant (UTC, `…Z`). */
  sceneTime: string;
  /** Catalog layer ids visible at the time. */
  visibleLayerIds: string[];
  /** UI language, e.g. `de`, `en`. */
  language: string;
}

/**
 * One citizen comment as a pin on the map. Text is stored as typed (after
 * {@link sanitizeComment}) and always *shown* as text, never as HTML, so it
 * is not HTML-escaped. Pins are never hard-deleted by staff: `hidden`
 * takes them off the public list and the export keeps the flag.
 */
export interface FeedbackPin {
  /** UUID (v4), stable across kiosks and exports: the merge key. */
  id: string;
  /** ISO 8601 instant (UTC) of the confirmation. */
  createdAt: string;
  /** ISO 8601 instant (UTC) of the last change (hide/restore); the newest wins when merging. */
  updatedAt: string;
  hidden: boolean;
  /** Id of a kiosk.json feedback category. */
  category: string;
  text: string;
  rating: 1 | 2 | 3 | 4 | 5 | null;
  ageGroup: FeedbackAgeGroup | null;
  /** Where the pin stands: WGS84 degrees, height in metres (same datum as the camera). */
  lon: number;
  lat: number;
  height: number;
  scenario: FeedbackScenarioState;
}
