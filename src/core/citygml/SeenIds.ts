/**
 * The building ids seen in one conversion, with the line of each, kept
 * compactly so that a 1.5 GB file (~400,000 buildings) costs a few MB, not a
 * Map of strings: each id is reduced to a 52-bit hash in an open-addressing
 * table (collision chance for 400,000 ids ≈ 2·10⁻⁵; a collision would report
 * one building as a duplicate).
 *
 * @example const seen = new SeenIds(); seen.add('B1', 10); seen.add('B1', 99) // 10 (line of the first)
 */
export class SeenIds {
  private keys = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private size = 0;

  /** Records `id` at `line`; returns the line of an earlier record of the same id, or undefined. */
  add(id: string, line: number): number | undefined {
    if (this.size * 2 >= this.keys.length) this.grow();
    const h = hash52(id);
    const mask = this.keys.length - 1;
    for (let k = h % this.keys.length; ; k = (k + 1) & mask) {
      const v = this.keys[k];
      if (v === 0) {
        this.keys[k] = h;
        this.lines[k] = line;
        this.size++;
        return undefined;
      }
      if (v === h) return this.lines[k];
    }
  }

  private grow(): void {
    const oldKeys = this.keys, oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const h = oldKeys[i];
      if (h === 0) continue;
      let k = h % this.keys.length;
      while (this.keys[k] !== 0) k = (k + 1) & mask;
      this.keys[k] = h;
      this.lines[k] = oldLines[i];
    }
  }
}

/** Two 26-bit FNV-style hashes combined into one non-zero integer below 2^52. */
function hash52(s: string): number {
  let a = 0x811c9dc5, b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return ((a >>> 6) * 0x4000000 + (b >>> 6)) || 1;
}
