import { Cartesian3, EllipsoidSurfaceAppearance, GeometryInstance, Material, PolygonGeometry, PolygonHierarchy, Primitive, type Viewer } from 'cesium';
import { heatMapCorners, type HeatGrid } from './heatMapCorners';

export type { HeatGrid };

/** RGBA (0–255) of cell `k` (row-major, row 0 south), or undefined for a transparent cell. */
export type CellColour = (k: number) => readonly [number, number, number, number] | undefined;

/**
 * The one heat-map renderer (sun hours, sun change): the grid as an image on
 * the ground. The grid is in the local EPSG:25832 frame, whose grid north is
 * turned against true north by the meridian convergence (≈ 1–3° in Germany),
 * so the corners are placed through the frame's `toWgs84` and the image is
 * rotated by the same angle — cells land where the analysis computed them.
 * A synchronous primitive (not an entity): it shows on the next frame.
 */
export class GroundHeatMap {
  private primitive: Primitive | undefined;

  constructor(
    private readonly viewer: Viewer,
    /** Metres above the ellipsoid, so heat maps and drapes do not fight. */
    private readonly heightM: number,
  ) {}

  /** Draws the grid (replacing what was drawn), or clears it with `undefined`. */
  show(grid: HeatGrid | undefined, colour?: CellColour): void {
    this.clear();
    if (grid && colour && typeof document !== 'undefined') {
      const canvas = document.createElement('canvas');
      canvas.width = grid.nx;
      canvas.height = grid.ny;
      const ctx = canvas.getContext('2d');
      if (ctx) {
        const img = ctx.createImageData(grid.nx, grid.ny);
        for (let j = 0; j < grid.ny; j++)
          for (let i = 0; i < grid.nx; i++) {
            const c = colour(j * grid.nx + i);
            // Row 0 of the grid is south; row 0 of the image is north.
            if (c) img.data.set(c, ((grid.ny - 1 - j) * grid.nx + i) * 4);
          }
        ctx.putImageData(img, 0, 0);
        const { corners, gammaRad } = heatMapCorners(grid);
        this.primitive = new Primitive({
          geometryInstances: new GeometryInstance({
            geometry: new PolygonGeometry({
              polygonHierarchy: new PolygonHierarchy(corners.map((c) => Cartesian3.fromDegrees(c[0], c[1], 0))),
              height: this.heightM,
              stRotation: gammaRad,
              vertexFormat: EllipsoidSurfaceAppearance.VERTEX_FORMAT,
            }),
          }),
          appearance: new EllipsoidSurfaceAppearance({ material: Material.fromType('Image', { image: canvas }), aboveGround: true, translucent: true }),
          asynchronous: false,
        });
        this.viewer.scene.primitives.add(this.primitive);
      }
    }
    this.viewer.scene.requestRender();
  }

  clear(): void {
    if (this.primitive) this.viewer.scene.primitives.remove(this.primitive); // remove() destroys it
    this.primitive = undefined;
  }

  /** True while a grid is drawn. */
  get shown(): boolean {
    return !!this.primitive;
  }
}
