import { LocalFrame } from '../crs';
import { openRing } from '../geometry/openRing';
import { ringCentroid, type XY } from '../geometry/ringCentroid';
import { signedRingArea as signedArea } from '../geometry/signedRingArea';
import type { ProposedBuilding } from '../model/Scenario';

/** Maps every footprint vertex through `f` in a metric frame around the footprint. */
function mapFootprint(b: ProposedBuilding, f: (xy: XY, centre: XY) => XY): [number, number][] {
  const frame = LocalFrame.around(b.footprint[0]);
  const ring = openRing(b.footprint).map((p) => frame.toLocal(p) as XY);
  const centre = ringCentroid(ring);
  const out = ring.map((p) => frame.toWgs84(f(p, centre)));
  return [...out, [out[0][0], out[0][1]]];
}

/**
 * Moves a building by metres east/north.
 * @example translateBuilding(b, 5, 0) // 5 m east
 */
export function translateBuilding(b: ProposedBuilding, eastM: number, northM: number): ProposedBuilding {
  return { ...b, footprint: mapFootprint(b, ([x, y]) => [x + eastM, y + northM]) };
}

/**
 * Turns a building clockwise (seen from above, like an azimuth) by `deg` around
 * its footprint centroid; the roof ridge turns with it.
 * @example rotateBuilding(b, 90)
 */
export function rotateBuilding(b: ProposedBuilding, deg: number): ProposedBuilding {
  const r = (-deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return {
    ...b,
    footprint: mapFootprint(b, ([x, y], [cx, cy]) => [cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c]),
    roof: { ...b.roof, ridgeAzimuthDeg: (((b.roof.ridgeAzimuthDeg + deg) % 360) + 360) % 360 },
  };
}

/**
 * Moves one corner (index into the open ring) to a new WGS84 position,
 * keeping the ring closed.
 */
export function moveFootprintVertex(b: ProposedBuilding, index: number, lonLat: [number, number]): ProposedBuilding {
  const ring = openRing(b.footprint);
  if (index < 0 || index >= ring.length) throw new Error(`moveFootprintVertex: corner ${index} does not exist (building ${b.id} has ${ring.length})`);
  const next = ring.map((p, i) => (i === index ? [lonLat[0], lonLat[1]] : [p[0], p[1]]) as [number, number]);
  return { ...b, footprint: [...next, [next[0][0], next[0][1]]] };
}

/** Footprint area in m² (EPSG:25832). */
export function footprintAreaM2(footprint: readonly [number, number][]): number {
  const frame = LocalFrame.around(footprint[0]);
  return Math.abs(signedArea(openRing(footprint).map((p) => frame.toLocal(p) as XY)));
}

/**
 * A rectangular footprint of `widthM` × `depthM` metres centred on a point,
 * its `widthM` side along `azimuthDeg` — used for numeric input and tests.
 */
export function rectangleFootprint(centreLonLat: [number, number], widthM: number, depthM: number, azimuthDeg = 90): [number, number][] {
  const frame = LocalFrame.around(centreLonLat);
  const [cx, cy] = frame.toLocal(centreLonLat);
  const a = (azimuthDeg * Math.PI) / 180;
  const u: XY = [Math.sin(a), Math.cos(a)];
  const v: XY = [-u[1], u[0]];
  const corners: XY[] = [
    [-widthM / 2, -depthM / 2],
    [widthM / 2, -depthM / 2],
    [widthM / 2, depthM / 2],
    [-widthM / 2, depthM / 2],
  ];
  const ring = corners.map(([p, q]) => frame.toWgs84([cx + p * u[0] + q * v[0], cy + p * u[1] + q * v[1]]));
  return [...ring, [ring[0][0], ring[0][1]]];
}
