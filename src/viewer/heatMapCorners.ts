import { LocalFrame } from '../core/crs/LocalFrame';

/** A regular grid in the dataset's local EPSG:25832 frame (as the analyses return it). */
export interface HeatGrid {
  originX: number;
  originY: number;
  x0: number;
  y0: number;
  cellM: number;
  nx: number;
  ny: number;
}

/**
 * WGS84 corners (SW, SE, NE, NW) of a local grid and the angle between grid
 * east and true east (meridian convergence), in radians.
 *
 * @example heatMapCorners(grid).gammaRad // ≈ -0.014 (−0.80°) in Hamburg, 1° east of zone 32's central meridian
 */
export function heatMapCorners(g: HeatGrid): { corners: [number, number][]; gammaRad: number } {
  const frame = new LocalFrame(g.originX, g.originY);
  const x1 = g.x0 + g.nx * g.cellM;
  const y1 = g.y0 + g.ny * g.cellM;
  const corners = [frame.toWgs84([g.x0, g.y0]), frame.toWgs84([x1, g.y0]), frame.toWgs84([x1, y1]), frame.toWgs84([g.x0, y1])] as [number, number][];
  const [sw, se] = corners;
  const gammaRad = Math.atan2((se[1] - sw[1]) * 111_132, (se[0] - sw[0]) * 111_320 * Math.cos((sw[1] * Math.PI) / 180));
  return { corners, gammaRad };
}
