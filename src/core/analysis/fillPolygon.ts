import type { Grid } from './Grid';

let xsBuf = new Float64Array(64);

/** Index of the first cell whose centre lies at or after `v` on an axis starting at `origin` (`inv` = 1 / cell size). */
function firstCentre(v: number, origin: number, inv: number): number {
  return Math.ceil((v - origin) * inv - 0.5);
}

/**
 * The grid rows whose centre y lies in [min y, max y) of the rings (the
 * half-open centre rule of every fill here), clamped to the grid; none when
 * `j0 > j1`.
 */
function centreRows(g: Grid, rings: readonly ArrayLike<number>[]): { j0: number; j1: number } {
  let minY = Infinity, maxY = -Infinity;
  for (const r of rings)
    for (let i = 1; i < r.length; i += 2) {
      const y = r[i];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  const inv = 1 / g.cellM;
  let j0 = firstCentre(minY, g.y0, inv);
  let j1 = firstCentre(maxY, g.y0, inv) - 1;
  if (j0 < 0) j0 = 0;
  if (j1 > g.ny - 1) j1 = g.ny - 1;
  return { j0, j1 };
}

/**
 * Scanline fill of a polygon (even-odd over its rings) into a byte mask:
 * sets `mask[k] = value` for every cell whose centre lies inside. No polygon
 * clipping or union is needed: overlapping pieces simply set the same cells.
 * Returns the number of cells set (including cells already set).
 */
export function fillPolygon(mask: Uint8Array, g: Grid, rings: ArrayLike<number>[], value = 1): number {
  const { j0, j1 } = centreRows(g, rings);
  if (j0 > j1) return 0;
  const inv = 1 / g.cellM;
  let edges = 0;
  for (const r of rings) edges += r.length / 2;
  if (xsBuf.length < edges) xsBuf = new Float64Array(edges * 2);
  const xs = xsBuf;
  const nx = g.nx;
  let set = 0;
  for (let j = j0; j <= j1; j++) {
    const yc = g.y0 + (j + 0.5) * g.cellM;
    let n = 0;
    for (const r of rings) {
      const len = r.length;
      let px = r[len - 2], py = r[len - 1];
      for (let i = 0; i < len; i += 2) {
        const x = r[i], y = r[i + 1];
        if (y > yc !== py > yc) xs[n++] = x + ((yc - y) * (px - x)) / (py - y);
        px = x;
        py = y;
      }
    }
    if (n < 2) continue;
    // Insertion sort: a handful of crossings per row.
    for (let a = 1; a < n; a++) {
      const v = xs[a];
      let b = a - 1;
      while (b >= 0 && xs[b] > v) {
        xs[b + 1] = xs[b];
        b--;
      }
      xs[b + 1] = v;
    }
    const row = j * nx;
    for (let a = 0; a + 1 < n; a += 2) {
      let i0 = firstCentre(xs[a], g.x0, inv);
      let i1 = firstCentre(xs[a + 1], g.x0, inv);
      if (i0 < 0) i0 = 0;
      if (i1 > nx) i1 = nx;
      if (i1 <= i0) continue;
      set += i1 - i0;
      if (i1 - i0 > 32) mask.fill(value, row + i0, row + i1);
      else for (let k = row + i0; k < row + i1; k++) mask[k] = value;
    }
  }
  return set;
}

let rowMin = new Float64Array(256);
let rowMax = new Float64Array(256);

/**
 * Scanline fill of one convex ring: each edge updates the x range of the rows
 * it crosses (O(edges + rows) instead of O(edges × rows)). Same centre rule
 * as `fillPolygon`.
 */
export function fillConvex(mask: Uint8Array, g: Grid, r: ArrayLike<number>, value = 1): void {
  const { j0, j1 } = centreRows(g, [r]);
  if (j0 > j1) return;
  const len = r.length;
  const inv = 1 / g.cellM;
  const rows = j1 - j0 + 1;
  if (rowMin.length < rows) {
    rowMin = new Float64Array(rows * 2);
    rowMax = new Float64Array(rows * 2);
  }
  rowMin.fill(Infinity, 0, rows);
  rowMax.fill(-Infinity, 0, rows);
  let px = r[len - 2], py = r[len - 1];
  for (let i = 0; i < len; i += 2) {
    const x = r[i], y = r[i + 1];
    if (y !== py) {
      const ylo = y < py ? y : py, yhi = y < py ? py : y;
      // Rows with centre in [ylo, yhi): the half-open rule of fillPolygon.
      let a = firstCentre(ylo, g.y0, inv);
      let b = firstCentre(yhi, g.y0, inv) - 1;
      if (a < j0) a = j0;
      if (b > j1) b = j1;
      const slope = (px - x) / (py - y);
      for (let j = a; j <= b; j++) {
        const xc = x + (g.y0 + (j + 0.5) * g.cellM - y) * slope;
        const t = j - j0;
        if (xc < rowMin[t]) rowMin[t] = xc;
        if (xc > rowMax[t]) rowMax[t] = xc;
      }
    }
    px = x;
    py = y;
  }
  const nx = g.nx;
  for (let t = 0; t < rows; t++) {
    if (!(rowMax[t] > rowMin[t])) continue;
    let i0 = firstCentre(rowMin[t], g.x0, inv);
    let i1 = firstCentre(rowMax[t], g.x0, inv);
    if (i0 < 0) i0 = 0;
    if (i1 > nx) i1 = nx;
    const row = (j0 + t) * nx;
    for (let k = row + i0; k < row + i1; k++) mask[k] = value;
  }
}
