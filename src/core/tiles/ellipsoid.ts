/** WGS84 ellipsoid helpers: geodetic ↔ ECEF and east-north-up frames (metres, radians). */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const B = A * (1 - F);
const EP2 = (A * A - B * B) / (B * B);

/** Geodetic (lon, lat in degrees, h metres above the ellipsoid) → ECEF metres. */
export function geodeticToEcef(lonDeg: number, latDeg: number, h: number, out: number[] | Float64Array = [0, 0, 0]): number[] | Float64Array {
  const lon = (lonDeg * Math.PI) / 180, lat = (latDeg * Math.PI) / 180;
  const sl = Math.sin(lat), cl = Math.cos(lat);
  const n = A / Math.sqrt(1 - E2 * sl * sl);
  out[0] = (n + h) * cl * Math.cos(lon);
  out[1] = (n + h) * cl * Math.sin(lon);
  out[2] = (n * (1 - E2) + h) * sl;
  return out;
}

/** ECEF → [lonDeg, latDeg, h] (Bowring, sub-millimetre near the surface). */
export function ecefToGeodetic(x: number, y: number, z: number): [number, number, number] {
  const p = Math.hypot(x, y);
  const th = Math.atan2(z * A, p * B);
  const lat = Math.atan2(z + EP2 * B * Math.sin(th) ** 3, p - E2 * A * Math.cos(th) ** 3);
  const lon = Math.atan2(y, x);
  const sl = Math.sin(lat);
  const n = A / Math.sqrt(1 - E2 * sl * sl);
  const h = p / Math.cos(lat) - n;
  return [(lon * 180) / Math.PI, (lat * 180) / Math.PI, h];
}

/**
 * East-north-up frame at a point: `toLocal` maps ECEF to metres east/north/up,
 * `matrix` is the column-major 4×4 local→ECEF transform (as 3D Tiles `transform`).
 */
export class EnuFrame {
  readonly origin: [number, number, number];
  /** Rows: east, north, up unit vectors in ECEF. */
  readonly e: [number, number, number];
  readonly n: [number, number, number];
  readonly u: [number, number, number];

  constructor(readonly lonDeg: number, readonly latDeg: number, readonly h = 0) {
    const o = geodeticToEcef(lonDeg, latDeg, h);
    this.origin = [o[0], o[1], o[2]];
    const lon = (lonDeg * Math.PI) / 180, lat = (latDeg * Math.PI) / 180;
    const so = Math.sin(lon), co = Math.cos(lon), sa = Math.sin(lat), ca = Math.cos(lat);
    this.e = [-so, co, 0];
    this.n = [-sa * co, -sa * so, ca];
    this.u = [ca * co, ca * so, sa];
  }

  /** ECEF → local ENU. */
  toLocal(x: number, y: number, z: number, out: number[] | Float64Array | Float32Array, o = 0): void {
    const dx = x - this.origin[0], dy = y - this.origin[1], dz = z - this.origin[2];
    out[o] = dx * this.e[0] + dy * this.e[1] + dz * this.e[2];
    out[o + 1] = dx * this.n[0] + dy * this.n[1] + dz * this.n[2];
    out[o + 2] = dx * this.u[0] + dy * this.u[1] + dz * this.u[2];
  }

  /** Local ENU → ECEF. */
  toEcef(x: number, y: number, z: number, out: number[] | Float64Array = [0, 0, 0]): number[] | Float64Array {
    out[0] = this.origin[0] + x * this.e[0] + y * this.n[0] + z * this.u[0];
    out[1] = this.origin[1] + x * this.e[1] + y * this.n[1] + z * this.u[1];
    out[2] = this.origin[2] + x * this.e[2] + y * this.n[2] + z * this.u[2];
    return out;
  }

  /** Rotates a direction from this frame's ENU to ECEF. */
  dirToEcef(x: number, y: number, z: number): [number, number, number] {
    return [x * this.e[0] + y * this.n[0] + z * this.u[0], x * this.e[1] + y * this.n[1] + z * this.u[1], x * this.e[2] + y * this.n[2] + z * this.u[2]];
  }

  /** Rotates an ECEF direction into this frame. */
  dirToLocal(x: number, y: number, z: number): [number, number, number] {
    return [x * this.e[0] + y * this.e[1] + z * this.e[2], x * this.n[0] + y * this.n[1] + z * this.n[2], x * this.u[0] + y * this.u[1] + z * this.u[2]];
  }

  /**
   * The rigid transform from `other`'s ENU frame into this one, as a row-major
   * 3×3 rotation and a translation [r00..r22, tx, ty, tz]: local = R · p + t.
   * Exact (both frames are rigid maps of ECEF); one matrix product per
   * building instead of two frame changes per vertex.
   */
  fromFrame(other: EnuFrame): Float64Array {
    const m = new Float64Array(12);
    const src = [other.e, other.n, other.u];
    const dst = [this.e, this.n, this.u];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m[r * 3 + c] = dst[r][0] * src[c][0] + dst[r][1] * src[c][1] + dst[r][2] * src[c][2];
    const dx = other.origin[0] - this.origin[0], dy = other.origin[1] - this.origin[1], dz = other.origin[2] - this.origin[2];
    for (let r = 0; r < 3; r++) m[9 + r] = dst[r][0] * dx + dst[r][1] * dy + dst[r][2] * dz;
    return m;
  }

  /** Column-major 4×4 matrix mapping local ENU to ECEF (3D Tiles tile `transform`). */
  get matrix(): number[] {
    return [...this.e, 0, ...this.n, 0, ...this.u, 0, ...this.origin, 1];
  }
}
