import { LocalFrame } from '../crs/LocalFrame';
import { utm32ToWgs84 } from '../crs/transform';
import { openRing } from '../geometry/openRing';
import type { XY } from '../geometry/ringCentroid';
import { rectangleFootprint } from './transformBuilding';

/**
 * A rectangular footprint typed in: `widthM` along the direction
 * `rotationDeg` (clockwise from grid east: 0° = the width runs east,
 * 90° = it runs south), `depthM` to its left, from the corner `origin`
 * (WGS84). Built in EPSG:25832 metres, so its area there is exactly
 * width × depth. Returns the open ring (4 corners, counter-clockwise for
 * rotation 0).
 *
 * @example cornerRectangleFootprint([10.0445, 53.5495], 30, 20, 0) // 600 m², width east, depth north
 */
export function cornerRectangleFootprint(origin: readonly [number, number], widthM: number, depthM: number, rotationDeg: number): [number, number][] {
  if (!(widthM > 0) || !(depthM > 0) || !Number.isFinite(rotationDeg)) throw new Error(`cornerRectangleFootprint: width ${widthM} m and depth ${depthM} m must be > 0, rotation ${rotationDeg}° finite`);
  const frame = LocalFrame.around(origin);
  const [ox, oy] = frame.toLocal(origin);
  const r = (-rotationDeg * Math.PI) / 180;
  const u: XY = [Math.cos(r), Math.sin(r)];
  const v: XY = [-u[1], u[0]];
  // The centred rectangle of the numeric editor, moved so that its first corner is the origin (azimuth = 90° + rotation).
  const centre = frame.toWgs84([ox + (widthM / 2) * u[0] + (depthM / 2) * v[0], oy + (widthM / 2) * u[1] + (depthM / 2) * v[1]]) as [number, number];
  return openRing(rectangleFootprint(centre, widthM, depthM, 90 + rotationDeg));
}

/** Result of {@link parseUtmCorners}: the corners (WGS84) or the line that could not be read. */
export type ParsedCorners = { ok: true; corners: [number, number][] } | { ok: false; line: number; text: string };

/**
 * Corners typed as EPSG:25832 coordinates, one "easting northing" pair per
 * line (space, tab, semicolon or comma between them; a decimal comma is
 * accepted when the separator is not a comma). A repeated closing corner is
 * dropped. Returns the line number (1-based) that is not a pair of numbers
 * inside zone 32's easting/northing range.
 *
 * @example parseUtmCorners('569300 5934250\n569330 5934250\n569330 5934270') // 3 corners
 */
export function parseUtmCorners(text: string): ParsedCorners {
  const corners: [number, number][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const parts = raw.includes(';') || /\s/.test(raw) ? raw.split(/[\s;]+/).filter(Boolean).map((s) => s.replace(',', '.')) : raw.split(',');
    const [e, n] = parts.map(Number);
    if (parts.length !== 2 || !Number.isFinite(e) || !Number.isFinite(n) || e < 100_000 || e > 900_000 || n < 0 || n > 10_000_000) return { ok: false, line: i + 1, text: raw };
    corners.push(utm32ToWgs84([e, n]) as [number, number]);
  }
  const f = corners[0], l = corners[corners.length - 1];
  if (corners.length > 1 && f[0] === l[0] && f[1] === l[1]) corners.pop();
  return { ok: true, corners };
}
