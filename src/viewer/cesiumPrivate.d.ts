// Cesium exports these from its JavaScript but marks them @private, so its typings leave them out.
declare module 'cesium' {
  /** Per-tile min/max terrain heights that ground drapes size their volumes from (see fitGroundVolumesToFlatTerrain). */
  export const ApproximateTerrainHeights: {
    _terrainHeights: unknown;
    _initPromise: Promise<void> | undefined;
  };
}
export {};
