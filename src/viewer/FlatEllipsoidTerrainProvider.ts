import { EllipsoidTerrainProvider, type Request, type TerrainData } from 'cesium';

/** HeightmapTerrainData's mesh builder, which the globe calls (public in Cesium's source, missing from its typings). */
interface MeshBuilder {
  createMesh(options: { throttle?: boolean }): unknown;
}

/**
 * The ellipsoid as terrain (height 0 everywhere), like Cesium's
 * EllipsoidTerrainProvider, but one the globe can load in one go.
 *
 * Cesium's globe refines a tile only when it knows whether the children exist:
 * EllipsoidTerrainProvider answers "unknown", so every level waits until its
 * parent's (flat) heights have arrived, and a district view needs ≈ 17 levels
 * loaded one after the other, each taking a few rendered frames. On a software
 * renderer (the CLI's headless Chromium, a kiosk PC without a GPU) a frame costs
 * up to a second, so that descent was most of a report's first scene image.
 * Here every tile exists (it does: the ellipsoid is everywhere), so the levels
 * load side by side. The 16 × 16 flat meshes are built without Cesium's limit of
 * five meshes in flight, which otherwise spreads the two dozen tiles of a view
 * over five more frames. Measured on the demo report's first view (2 cores,
 * SwiftShader): globe loaded after 8–10 s instead of 19 s.
 */
export class FlatEllipsoidTerrainProvider extends EllipsoidTerrainProvider {
  /** Every tile of every level exists (x, y, level do not matter). */
  override getTileDataAvailable(_x: number, _y: number, _level: number): boolean {
    return true;
  }

  override requestTileGeometry(x: number, y: number, level: number, request?: Request): Promise<TerrainData> | undefined {
    return super.requestTileGeometry(x, y, level, request)?.then((data) => {
      const heightmap = data as unknown as MeshBuilder;
      const createMesh = heightmap.createMesh.bind(heightmap);
      heightmap.createMesh = (options) => createMesh({ ...options, throttle: false });
      return data;
    });
  }
}
