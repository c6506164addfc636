import { ApproximateTerrainHeights } from 'cesium';
import { FLAT_GROUND_SPAN_M } from './flatGroundSpan';

/**
 * Tells Cesium's ground drapes that the ground is the ellipsoid (the app's
 * FlatEllipsoidTerrainProvider), instead of the world's real terrain.
 *
 * A ground-clamped polygon is drawn by a stencil volume that must enclose the
 * terrain under it. Cesium sizes that volume from a table of real terrain
 * heights per tile (fetched at start): for Hamburg it reaches from −5974 m to
 * +218 m, so in an oblique view each of the two dozen drape batches rasterises
 * a box kilometres deep several times per frame. On a software renderer that
 * was ≈ 1.6 s of a 2.3 s full-size frame. The ground here is height 0
 * everywhere, so ±10 m encloses it; the table is replaced before any drape is
 * made (and never fetched). Rectangles too large for the table's tiles keep
 * Cesium's defaults. Ground polylines are sized in Cesium's worker from the
 * table file, which the build serves flattened the same way
 * (flattenTerrainHeightsTable).
 */
export function fitGroundVolumesToFlatTerrain(): void {
  const span = [-FLAT_GROUND_SPAN_M, FLAT_GROUND_SPAN_M];
  ApproximateTerrainHeights._terrainHeights = new Proxy({}, { get: () => span });
  ApproximateTerrainHeights._initPromise = Promise.resolve();
}
