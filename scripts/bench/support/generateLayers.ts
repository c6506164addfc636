import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import { mulberry32 } from './generateDistrict';

/**
 * A generated tiling for overlap tests and benchmarks: `nx × ny` quadrilateral
 * cells with shared jittered corners (so cells never overlap and leave no
 * gaps), edges optionally subdivided into wavy polylines (shared by both
 * neighbours), and every `holeEvery`-th cell given a hole. WGS84 output.
 *
 * @example generateTiling({ centre: [9.99, 53.55], sizeM: 1400, nx: 141, ny: 142, seed: 1 })
 */
export function generateTiling(o: {
  centre: [number, number];
  sizeM: number;
  nx: number;
  ny: number;
  seed?: number;
  /** Vertices added per edge (wavy boundaries); default 0. */
  edgeDetail?: number;
  holeEvery?: number;
  /** Property values cycled over the cells for grouping. */
  groups?: string[];
  idPrefix?: string;
}): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const rnd = mulberry32(o.seed ?? 1);
  const frame = LocalFrame.around(o.centre);
  const cw = o.sizeM / o.nx, ch = o.sizeM / o.ny;
  const x0 = -o.sizeM / 2, y0 = -o.sizeM / 2;
  // Shared corner grid, jittered inside, straight on the outer border.
  const cx: number[][] = [], cy: number[][] = [];
  for (let j = 0; j <= o.ny; j++) {
    cx.push([]);
    cy.push([]);
    for (let i = 0; i <= o.nx; i++) {
      const inner = i > 0 && i < o.nx && j > 0 && j < o.ny;
      cx[j].push(x0 + i * cw + (inner ? (rnd() - 0.5) * 0.5 * cw : 0));
      cy[j].push(y0 + j * ch + (inner ? (rnd() - 0.5) * 0.5 * ch : 0));
    }
  }
  const detail = o.edgeDetail ?? 0;
  // Points strictly between corner a and b; a deterministic wave so both neighbours share it.
  const edge = (ax: number, ay: number, bx: number, by: number, border: boolean): [number, number][] => {
    const out: [number, number][] = [];
    const len = Math.hypot(bx - ax, by - ay);
    const nxn = -(by - ay) / len, nyn = (bx - ax) / len;
    const phase = Math.sin((ax + bx) * 12.9898 + (ay + by) * 78.233) * 43758.5453;
    for (let k = 1; k <= detail; k++) {
      const t = k / (detail + 1);
      const w = border ? 0 : Math.sin(t * Math.PI) * Math.sin(t * Math.PI * 3 + phase) * 0.08 * len;
      out.push([ax + (bx - ax) * t + nxn * w, ay + (by - ay) * t + nyn * w]);
    }
    return out;
  };
  const features: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  let n = 0;
  for (let j = 0; j < o.ny; j++)
    for (let i = 0; i < o.nx; i++, n++) {
      const c = [
        [cx[j][i], cy[j][i]],
        [cx[j][i + 1], cy[j][i + 1]],
        [cx[j + 1][i + 1], cy[j + 1][i + 1]],
        [cx[j + 1][i], cy[j + 1][i]],
      ];
      const borders = [j === 0, i === o.nx - 1, j === o.ny - 1, i === 0];
      const ring: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const a = c[e], b = c[(e + 1) % 4];
        ring.push([a[0], a[1]]);
        // Generate the wave in a canonical direction so that both cells get the same points.
        const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
        const pts = forward ? edge(a[0], a[1], b[0], b[1], borders[e]) : edge(b[0], b[1], a[0], a[1], borders[e]).reverse();
        ring.push(...pts);
      }
      ring.push(ring[0]);
      const rings: GeoJSON.Position[][] = [ring.map((p) => frame.toWgs84(p))];
      if (o.holeEvery && n % o.holeEvery === o.holeEvery - 1) {
        const mx = (c[0][0] + c[2][0]) / 2, my = (c[0][1] + c[2][1]) / 2, s = Math.min(cw, ch) * 0.12;
        rings.push([[mx - s, my - s], [mx - s, my + s], [mx + s, my + s], [mx + s, my - s], [mx - s, my - s]].map((p) => frame.toWgs84(p)));
      }
      features.push({
        type: 'Feature',
        properties: { id: `${o.idPrefix ?? 'cell'}_${n}`, group: o.groups ? o.groups[n % o.groups.length] : '' },
        geometry: { type: 'Polygon', coordinates: rings },
      });
    }
  return { type: 'FeatureCollection', features };
}
