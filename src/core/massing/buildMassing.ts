import earcut from 'earcut';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { LocalFrame } from '../crs';
import { openRing } from '../geometry/openRing';
import { signedRingArea as signedArea } from '../geometry/signedRingArea';
import { eaveHeightM, type ProposedBuilding, type RoofSpec } from '../model/Scenario';
import { planeZ, roofPlanes, type Plane } from './roofPlanes';

export type XYZ = [number, number, number];

/** A closed massing solid in local metres (x east, y north, z up from the building's ground). */
export interface MassingMesh {
  /** Indexed, welded, outward-facing triangles (three.js). */
  geometry: BufferGeometry;
  /** Roof triangles (each planar), for analyses that want LoD2-like roof surfaces. */
  roofTriangles: [XYZ, XYZ, XYZ][];
  footprintAreaM2: number;
  volumeM3: number;
  /** Highest roof point above ground. */
  maxHeightM: number;
}

// Vertices closer than this are one vertex; keeps the shell closed where
// neighbouring triangles compute the same crease point with rounding noise.
const WELD_M = 1e-6;
const EPS = 1e-9;

/**
 * Builds the massing of a proposed building in a local metric frame.
 *
 * @example
 * const m = buildMassing(building, LocalFrame.around(building.footprint[0]));
 * m.volumeM3; // e.g. 1200 for a 10 × 10 m flat block with 4 storeys of 3 m
 */
export function buildMassing(b: ProposedBuilding, frame: LocalFrame): MassingMesh {
  const ring = openRing(b.footprint).map((p) => frame.toLocal(p));
  return buildMassingLocal(ring, eaveHeightM(b), b.roof);
}

/**
 * Builds a closed (watertight, consistently outward-oriented) solid from a
 * simple footprint ring in metres: bottom face, vertical walls and a roof that
 * is the minimum of the roof planes (see {@link roofPlanes}). Works for convex
 * and concave footprints; the ring may be open or closed and in any orientation.
 */
export function buildMassingLocal(ringIn: readonly (readonly [number, number])[], eaveM: number, roof: RoofSpec): MassingMesh {
  let ring = openRing(ringIn.map((p) => [p[0], p[1]] as [number, number]));
  if (signedArea(ring) < 0) ring = ring.reverse();
  if (ring.length < 3) throw new Error(`massing: footprint needs at least 3 corners, got ${ring.length}`);
  const planes = roofPlanes(ring, eaveM, roof);
  const height = (x: number, y: number) => {
    let z = Infinity;
    for (const p of planes) z = Math.min(z, planeZ(p, x, y));
    return z;
  };

  const pos: number[] = [];
  const idx: number[] = [];
  const weld = new Map<string, number>();
  const vertex = (x: number, y: number, z: number): number => {
    const key = `${Math.round(x / WELD_M)},${Math.round(y / WELD_M)},${Math.round(z / WELD_M)}`;
    let i = weld.get(key);
    if (i === undefined) {
      i = pos.length / 3;
      pos.push(x, y, z);
      weld.set(key, i);
    }
    return i;
  };
  const roofTriangles: [XYZ, XYZ, XYZ][] = [];
  const roofVertexIds = new Set<number>();

  const flat: number[] = [];
  for (const [x, y] of ring) flat.push(x, y);
  const tris = earcut(flat);

  // Roof: split every footprint triangle into the convex pieces where one plane is lowest.
  for (let t = 0; t < tris.length; t += 3) {
    const tri: [number, number][] = [ring[tris[t]], ring[tris[t + 1]], ring[tris[t + 2]]];
    for (let i = 0; i < planes.length; i++) {
      let poly = tri;
      for (let j = 0; j < planes.length && poly.length >= 3; j++) {
        if (j !== i) poly = clipBelow(poly, planes[i], planes[j]);
      }
      if (poly.length < 3 || Math.abs(signedArea(poly)) < 1e-10) continue;
      const ids: number[] = [];
      for (const [x, y] of poly) {
        const id = vertex(x, y, height(x, y));
        if (ids[ids.length - 1] !== id && ids[0] !== id) ids.push(id);
      }
      for (let k = 1; k + 1 < ids.length; k++) {
        const tri3 = [ids[0], ids[k], ids[k + 1]];
        const p3 = tri3.map((id) => [pos[id * 3], pos[id * 3 + 1], pos[id * 3 + 2]] as XYZ) as [XYZ, XYZ, XYZ];
        if (Math.abs(signedArea(p3.map((p) => [p[0], p[1]] as [number, number]))) < 1e-12) continue;
        idx.push(...tri3);
        roofTriangles.push(p3);
        tri3.forEach((id) => roofVertexIds.add(id));
      }
    }
  }

  // Walls: one convex vertical polygon per footprint edge; its top follows the
  // roof vertices that lie on the edge, so walls and roof share every vertex.
  const roofIds = [...roofVertexIds];
  for (let e = 0; e < ring.length; e++) {
    const [ax, ay] = ring[e];
    const [bx, by] = ring[(e + 1) % ring.length];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const onEdge: { t: number; id: number }[] = [];
    for (const id of roofIds) {
      const px = pos[id * 3] - ax;
      const py = pos[id * 3 + 1] - ay;
      const t = (px * dx + py * dy) / len2;
      if (t < -EPS || t > 1 + EPS) continue;
      const dist = Math.abs(px * dy - py * dx) / Math.sqrt(len2);
      if (dist < WELD_M * 10) onEdge.push({ t, id });
    }
    onEdge.sort((p, q) => p.t - q.t);
    const a0 = vertex(ax, ay, 0);
    const b0 = vertex(bx, by, 0);
    const fan = [a0, b0, ...onEdge.map((p) => p.id).reverse()];
    for (let k = 1; k + 1 < fan.length; k++) idx.push(fan[0], fan[k], fan[k + 1]);
  }

  // Bottom, facing down.
  for (let t = 0; t < tris.length; t += 3) {
    const a = ring[tris[t]];
    const b = ring[tris[t + 1]];
    const c = ring[tris[t + 2]];
    idx.push(vertex(a[0], a[1], 0), vertex(c[0], c[1], 0), vertex(b[0], b[1], 0));
  }

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(pos, 3));
  geometry.setIndex(idx);
  let volume = 0;
  for (let k = 0; k < idx.length; k += 3) {
    const [i0, i1, i2] = [idx[k] * 3, idx[k + 1] * 3, idx[k + 2] * 3];
    volume +=
      pos[i0] * (pos[i1 + 1] * pos[i2 + 2] - pos[i1 + 2] * pos[i2 + 1]) -
      pos[i0 + 1] * (pos[i1] * pos[i2 + 2] - pos[i1 + 2] * pos[i2]) +
      pos[i0 + 2] * (pos[i1] * pos[i2 + 1] - pos[i1 + 1] * pos[i2]);
  }
  let maxHeightM = 0;
  for (let k = 2; k < pos.length; k += 3) maxHeightM = Math.max(maxHeightM, pos[k]);
  return { geometry, roofTriangles, footprintAreaM2: signedArea(ring), volumeM3: volume / 6, maxHeightM };
}

/** Sutherland–Hodgman: the part of a convex polygon where plane `p` is not above plane `q`. */
function clipBelow(poly: [number, number][], p: Plane, q: Plane): [number, number][] {
  const f = (x: number, y: number) => planeZ(p, x, y) - planeZ(q, x, y);
  const out: [number, number][] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const fa = f(a[0], a[1]);
    const fb = f(b[0], b[1]);
    const ina = fa <= EPS;
    const inb = fb <= EPS;
    if (ina) out.push(a);
    if (ina !== inb) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}
