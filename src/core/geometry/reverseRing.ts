/**
 * Reverses a flat ring in place, vertex by vertex (`stride` numbers per
 * vertex: 2 for xy, 3 for xyz), and returns it. The one home of ring
 * reversal for flat rings; point rings use `Array.prototype.reverse`.
 *
 * @example reverseFlatRing([0, 0, 1, 0, 1, 1]) // [1, 1, 1, 0, 0, 0]
 */
export function reverseFlatRing<T extends { [i: number]: number; length: number }>(r: T, stride = 2): T {
  const n = Math.floor(r.length / stride);
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    for (let k = 0; k < stride; k++) {
      const t = r[i * stride + k];
      r[i * stride + k] = r[j * stride + k];
      r[j * stride + k] = t;
    }
  }
  return r;
}
