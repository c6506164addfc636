import type { FeedbackPin } from './FeedbackPin';

/** A table for the staff CSV export; the project's one table writer turns it into a file. */
export interface FeedbackTable {
  header: string[];
  rows: (string | number | null)[][];
}

/** Column names of {@link feedbackTable}, in order (stable: spreadsheets built on them keep working). */
export const FEEDBACK_TABLE_HEADER = [
  'id', 'createdAt', 'updatedAt', 'hidden', 'category', 'text', 'rating', 'ageGroup', 'lon', 'lat', 'height',
  'datasetId', 'planVersion', 'variantId', 'sceneTime', 'language', 'visibleLayerIds',
  'cameraLon', 'cameraLat', 'cameraHeight', 'cameraHeadingDeg', 'cameraPitchDeg',
];

/**
 * Pins as rows for the staff CSV export: one row per pin, the scenario state
 * flattened into columns, visible layers joined with spaces, `hidden` as
 * `true`/`false`, missing rating/age group as null (an empty cell). Cells
 * are raw values: quoting, the UTF-8 BOM and the formula-injection guard
 * (a comment starting with "=") are the table writer's job.
 *
 * @example const { header, rows } = feedbackTable(pins); writeTable(header, rows);
 */
export function feedbackTable(pins: readonly FeedbackPin[], o: { includeHidden?: boolean } = {}): FeedbackTable {
  const rows = pins
    .filter((p) => o.includeHidden !== false || !p.hidden)
    .map((p) => {
      const s = p.scenario, c = s.camera;
      return [
        p.id, p.createdAt, p.updatedAt, p.hidden ? 'true' : 'false', p.category, p.text, p.rating, p.ageGroup, p.lon, p.lat, p.height,
        s.datasetId, s.planVersion, s.variantId, s.sceneTime, s.language, s.visibleLayerIds.join(' '),
        c.lon, c.lat, c.height, c.headingDeg, c.pitchDeg,
      ];
    });
  return { header: [...FEEDBACK_TABLE_HEADER], rows };
}
