import type { DemoBuilding, Xy, Xyz } from './DemoDistrict';

export type SurfaceKind = 'RoofSurface' | 'WallSurface' | 'GroundSurface';

export interface BuildingSurface {
  kind: SurfaceKind;
  /** Closed ring (last point = first), heights above the building's ground, outward-facing (right-hand rule). */
  ring: Xyz[];
}

/**
 * The LoD2 boundary surfaces of a building: ground, walls and roof, together
 * a closed solid with outward normals. Flat roofs work on any
 * counter-clockwise footprint; shed, gabled and hipped roofs need a rectangle
 * whose first edge (footprint[0]→[1]) gives the ridge direction (for shed
 * roofs: the low eave).
 *
 * @example buildingSurfaces(b).filter((s) => s.kind === 'RoofSurface').length // 2 for a gabled roof
 */
export function buildingSurfaces(b: DemoBuilding): BuildingSurface[] {
  const f = b.footprint;
  if (b.roof !== 'flat' && f.length !== 4) throw new Error(`building ${b.id}: ${b.roof} roof needs a rectangular footprint, got ${f.length} corners`);
  const surfaces: BuildingSurface[] = [];
  // Ground: clockwise seen from above, so its normal points down.
  surfaces.push({ kind: 'GroundSurface', ring: close([...f].reverse().map(([x, y]) => [x, y, 0] as Xyz)) });
  const he = b.eaveHeightM, hr = b.ridgeHeightM;
  switch (b.roof) {
    case 'flat':
      for (let i = 0; i < f.length; i++) surfaces.push(wall(f[i], f[(i + 1) % f.length], he, he));
      surfaces.push({ kind: 'RoofSurface', ring: close(f.map(([x, y]) => [x, y, he] as Xyz)) });
      break;
    case 'shed': {
      // Low eave along p0→p1 at `he`, high eave along p2→p3 at `hr`.
      const [p0, p1, p2, p3] = f;
      surfaces.push(wall(p0, p1, he, he), wall(p1, p2, he, hr), wall(p2, p3, hr, hr), wall(p3, p0, hr, he));
      surfaces.push({ kind: 'RoofSurface', ring: close([at(p0, he), at(p1, he), at(p2, hr), at(p3, hr)]) });
      break;
    }
    case 'gabled': {
      const [p0, p1, p2, p3] = f;
      const r0 = mid(p3, p0), r1 = mid(p1, p2);
      surfaces.push(wall(p0, p1, he, he), wall(p2, p3, he, he));
      // Gable walls: pentagons up to the ridge.
      surfaces.push({ kind: 'WallSurface', ring: close([at(p1, 0), at(p2, 0), at(p2, he), at(r1, hr), at(p1, he)]) });
      surfaces.push({ kind: 'WallSurface', ring: close([at(p3, 0), at(p0, 0), at(p0, he), at(r0, hr), at(p3, he)]) });
      surfaces.push({ kind: 'RoofSurface', ring: close([at(p0, he), at(p1, he), at(r1, hr), at(r0, hr)]) });
      surfaces.push({ kind: 'RoofSurface', ring: close([at(p2, he), at(p3, he), at(r0, hr), at(r1, hr)]) });
      break;
    }
    case 'hipped': {
      const [p0, p1, p2, p3] = f;
      const len = dist(p0, p1), depth = dist(p1, p2);
      for (let i = 0; i < 4; i++) surfaces.push(wall(f[i], f[(i + 1) % 4], he, he));
      // Equal slopes on all sides: the ridge is shorter than the eave by the depth.
      const ridgeHalf = Math.max(0, (len - depth) / 2);
      const c = mid(mid(p0, p1), mid(p2, p3));
      const u: Xy = [(p1[0] - p0[0]) / len, (p1[1] - p0[1]) / len];
      const r0: Xy = [c[0] - u[0] * ridgeHalf, c[1] - u[1] * ridgeHalf];
      const r1: Xy = [c[0] + u[0] * ridgeHalf, c[1] + u[1] * ridgeHalf];
      if (ridgeHalf > 0) {
        surfaces.push({ kind: 'RoofSurface', ring: close([at(p0, he), at(p1, he), at(r1, hr), at(r0, hr)]) });
        surfaces.push({ kind: 'RoofSurface', ring: close([at(p2, he), at(p3, he), at(r0, hr), at(r1, hr)]) });
      } else {
        surfaces.push({ kind: 'RoofSurface', ring: close([at(p0, he), at(p1, he), at(c, hr)]) });
        surfaces.push({ kind: 'RoofSurface', ring: close([at(p2, he), at(p3, he), at(c, hr)]) });
      }
      surfaces.push({ kind: 'RoofSurface', ring: close([at(p1, he), at(p2, he), at(r1, hr)]) });
      surfaces.push({ kind: 'RoofSurface', ring: close([at(p3, he), at(p0, he), at(r0, hr)]) });
      break;
    }
  }
  return surfaces;
}

/** A vertical wall above edge a→b of a counter-clockwise footprint, outward-facing. */
function wall(a: Xy, b: Xy, ha: number, hb: number): BuildingSurface {
  return { kind: 'WallSurface', ring: close([at(a, 0), at(b, 0), at(b, hb), at(a, ha)]) };
}

function at(p: Xy, z: number): Xyz {
  return [p[0], p[1], z];
}

function mid(a: Xy, b: Xy): Xy {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function dist(a: Xy, b: Xy): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

function close(ring: Xyz[]): Xyz[] {
  return [...ring, ring[0]];
}
