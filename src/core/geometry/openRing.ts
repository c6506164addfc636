import type { Ring3 } from './planarPolygon';

/**
 * Drops a closing vertex equal to the first one from a ring of points
 * (GeoJSON-style positions); returns a copy. The one home of ring opening;
 * {@link openFlatRing} is its form for flat GML coordinates.
 *
 * @example openRing([[0, 0], [1, 0], [1, 1], [0, 0]]) // [[0, 0], [1, 0], [1, 1]]
 */
export function openRing<T extends ArrayLike<number>>(ring: readonly T[]): T[] {
  if (ring.length > 1) {
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) return ring.slice(0, -1);
  }
  return ring.slice();
}

let scratch = new Float64Array(3 * 64);

/**
 * Removes the closing point (and consecutive duplicates) of a GML-style ring
 * given as flat xyz. Reports `closed: false` when the last point did not
 * repeat the first one (GML requires it); the ring is then used as if closed.
 *
 * @example openFlatRing([0,0,0, 1,0,0, 1,1,0, 0,0,0]) // { ring: [0,0,0, 1,0,0, 1,1,0], closed: true }
 */
export function openFlatRing(flat: ArrayLike<number>, dim = 3): { ring: Ring3; closed: boolean } {
  const n = Math.floor(flat.length / dim);
  // Built in a reused scratch array, then copied once at its final length.
  if (scratch.length < n * 3) scratch = new Float64Array(Math.max(n * 3, scratch.length * 2));
  const out = scratch;
  let m = 0;
  let px = NaN, py = NaN, pz = NaN;
  for (let i = 0; i < n; i++) {
    const x = flat[i * dim], y = flat[i * dim + 1], z = dim >= 3 ? flat[i * dim + 2] : 0;
    if (x === px && y === py && z === pz) continue;
    out[m * 3] = x;
    out[m * 3 + 1] = y;
    out[m * 3 + 2] = z;
    m++;
    px = x; py = y; pz = z;
  }
  let closed = false;
  if (m >= 2) {
    const l = (m - 1) * 3;
    // Exact repeat, or within 1 mm (some exporters round the closing point differently).
    const dx = out[0] - out[l], dy = out[1] - out[l + 1], dz = out[2] - out[l + 2];
    if (dx * dx + dy * dy + dz * dz < 1e-6) {
      m--;
      closed = true;
    }
  }
  return { ring: out.slice(0, m * 3), closed };
}

