import { signedRingArea } from '../../../src/core/geometry/signedRingArea';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import type { Feature, Geometry, Position } from 'geojson';
import { registerCrsDefinitions } from '../../../src/core/crs';
import { forEachPosition } from '../../../src/core/vector/featureBbox';

/** ../shared/data/real (see SOURCES.md there); tests skip when it is absent. */
export const REAL = path.resolve(process.cwd(), '../shared/data/real');
export const hasReal = existsSync(path.join(REAL, 'SOURCES.md'));
if (!hasReal) console.log(`planning tests: real data not found at ${REAL}; skipping real-data tests`);

export function realBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(REAL, rel)));
}

export function realText(rel: string): string {
  return readFileSync(path.join(REAL, rel), 'utf8');
}

/** Native bbox [minX, minY, maxX, maxY] of WGS84 features projected back into `crs`. */
export function nativeBbox(features: Feature<Geometry, unknown>[], crs: string): number[] {
  registerCrsDefinitions();
  const inv = proj4('EPSG:4326', crs);
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) forEachPosition(f.geometry, (p: Position) => {
    const [x, y] = inv.forward([p[0], p[1]]);
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  });
  return b;
}

/** SOURCES.md gives WGS84 boxes as the envelope of the four native bbox corners transformed: do the same. */
export function cornerWgs84(native: number[], crs: string): number[] {
  registerCrsDefinitions();
  const fwd = proj4(crs, 'EPSG:4326');
  const corners = [[native[0], native[1]], [native[2], native[1]], [native[2], native[3]], [native[0], native[3]]].map((c) => fwd.forward(c));
  return [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))];
}

/** Planar signed area (positive = counter-clockwise). */
export const ringArea = signedRingArea;

/** Every polygon ring follows RFC 7946 (exterior CCW, holes CW); returns the number of rings checked. */
export function checkRightHandRule(features: Feature<Geometry, unknown>[]): { rings: number; bad: string[] } {
  let rings = 0;
  const bad: string[] = [];
  const polys = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
  for (const f of features) {
    for (const poly of polys(f.geometry)) {
      poly.forEach((ring, i) => {
        rings++;
        const a = ringArea(ring);
        const closed = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
        if ((i === 0 ? a <= 0 : a >= 0) || !closed || ring.length < 4) bad.push(String(f.id));
      });
    }
  }
  return { rings, bad };
}
