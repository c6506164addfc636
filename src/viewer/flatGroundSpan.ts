/**
 * Metres above and below the ellipsoid that a ground drape's volume spans on
 * the app's flat ground (FlatEllipsoidTerrainProvider, height 0 everywhere);
 * covers the sag of a 20 km polygon's flat cap (L² / 8R ≈ 8 m).
 */
export const FLAT_GROUND_SPAN_M = 10;

/**
 * Cesium's table of real terrain heights per tile (Assets/approximateTerrainHeights.json,
 * `{ "level-x-y": [min, max] }`) rewritten to the flat ground: every tile spans
 * ±FLAT_GROUND_SPAN_M. The build serves this in place of the original, because
 * ground *polylines* size their volumes in Cesium's web worker, which reads that
 * file (polygons are sized on the main thread: fitGroundVolumesToFlatTerrain).
 * Throws when the table no longer has that shape, so a Cesium upgrade that
 * changes it stops the build instead of silently keeping kilometre-deep volumes.
 */
export function flattenTerrainHeightsTable(json: string): string {
  const table = JSON.parse(json) as unknown;
  if (!table || typeof table !== 'object' || Array.isArray(table)) throw new Error('approximateTerrainHeights.json: expected an object of tiles');
  const out: Record<string, [number, number]> = {};
  for (const [key, value] of Object.entries(table)) {
    if (!/^\d+-\d+-\d+$/.test(key) || !Array.isArray(value) || value.length !== 2) throw new Error(`approximateTerrainHeights.json: tile "${key}" is not "level-x-y": [min, max]`);
    out[key] = [-FLAT_GROUND_SPAN_M, FLAT_GROUND_SPAN_M];
  }
  if (Object.keys(out).length === 0) throw new Error('approximateTerrainHeights.json: no tiles');
  return JSON.stringify(out);
}
