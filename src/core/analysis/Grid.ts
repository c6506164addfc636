import type { LocalFrame } from '../crs/LocalFrame';

/**
 * A raster of square cells in local metres. Cell (i, j) has its centre at
 * (x0 + (i + ½)·cellM, y0 + (j + ½)·cellM) and index j·nx + i (row 0 = south).
 */
export interface Grid {
  x0: number;
  y0: number;
  cellM: number;
  nx: number;
  ny: number;
}

/**
 * The grid covering a WGS84 bbox, aligned to whole multiples of the cell size
 * in EPSG:25832 (so cell centres are reproducible between runs and frames).
 *
 * @example gridForBbox(frame, [9.99, 53.55, 10.0, 53.556], 2)
 */
export function gridForBbox(frame: LocalFrame, bbox: [number, number, number, number], cellM: number): Grid {
  if (!(cellM > 0)) throw new Error(`gridForBbox: cell size ${cellM} must be > 0`);
  const [minLon, minLat, maxLon, maxLat] = bbox;
  if (!(maxLon > minLon && maxLat > minLat)) throw new Error(`gridForBbox: bbox ${bbox.join(',')} is empty (need minLon,minLat,maxLon,maxLat)`);
  const corners = [frame.toUtm(frame.toLocal([minLon, minLat])), frame.toUtm(frame.toLocal([maxLon, minLat])), frame.toUtm(frame.toLocal([minLon, maxLat])), frame.toUtm(frame.toLocal([maxLon, maxLat]))];
  const minE = Math.floor(Math.min(...corners.map((c) => c[0])) / cellM) * cellM;
  const minN = Math.floor(Math.min(...corners.map((c) => c[1])) / cellM) * cellM;
  const maxE = Math.ceil(Math.max(...corners.map((c) => c[0])) / cellM) * cellM;
  const maxN = Math.ceil(Math.max(...corners.map((c) => c[1])) / cellM) * cellM;
  const nx = Math.round((maxE - minE) / cellM), ny = Math.round((maxN - minN) / cellM);
  if (nx * ny > 50_000_000) throw new Error(`gridForBbox: ${nx}×${ny} cells is too many; use a larger cell or a smaller bbox`);
  return { x0: minE - frame.originX, y0: minN - frame.originY, cellM, nx, ny };
}

/** Centre of cell k in local metres. */
export function cellCentre(g: Grid, k: number): [number, number] {
  const i = k % g.nx, j = (k - i) / g.nx;
  return [g.x0 + (i + 0.5) * g.cellM, g.y0 + (j + 0.5) * g.cellM];
}
