// Cesium exports these from its JavaScript but marks them @private, so its typings leave them out.
import type { Ellipsoid, Rectangle } from 'cesium';

declare module 'cesium' {
  /** Per-tile min/max terrain heights that ground drapes size their volumes from (see fitGroundVolumesToFlatTerrain). */
  export const ApproximateTerrainHeights: {
    _terrainHeights: unknown;
    _initPromise: Promise<void> | undefined;
    initialize(): Promise<void>;
    getMinimumMaximumHeights(rectangle: Rectangle, ellipsoid?: Ellipsoid): { minimumTerrainHeight: number; maximumTerrainHeight: number };
  };
}
