import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlacementTable, type TileBuildingStore } from '../../src/core/tiles/TileBuildingStore';
import type { TileBuilding, TilePlacement } from '../../src/core/tiles/TileBuilding';

const FLUSH_BYTES = 1 << 20;

/**
 * Spools prepared buildings to a temporary file as they come and reads each
 * back when its tile is written, so a conversion holds one building's mesh
 * at a time, not a city's: the placements (64 bytes a building) and record
 * offsets stay in memory. One record: positions (f32), indices (u16/u32),
 * normals (i8), kinds (u8), properties JSON (UTF-8), in that order so the
 * typed arrays start 4-byte aligned.
 *
 * @example
 * const store = new FileTileStore();
 * try { … collector with { store } …; await buildTileset(store, …) } finally { store.dispose(); }
 */
export class FileTileStore implements TileBuildingStore {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'planlotse-spool-'));
  private readonly fd = openSync(path.join(this.dir, 'meshes.bin'), 'w+');
  private readonly placements = new PlacementTable();
  /** Per building: file offset, vertex count, index count, index bytes (2|4), JSON bytes, nativeBbox ×6. */
  private records = new Float64Array(11 * 1024);
  private readonly pending = Buffer.allocUnsafe(FLUSH_BYTES);
  private pendingLength = 0;
  private fileLength = 0;

  get count(): number {
    return this.placements.count;
  }

  add(b: TileBuilding): void {
    const i = this.placements.count;
    this.placements.push(b);
    if ((i + 1) * 11 > this.records.length) {
      const grown = new Float64Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const json = Buffer.from(b.propertiesJson, 'utf8');
    const parts = [b.positions, b.indices, b.normals, b.kinds, json];
    let size = 0;
    for (const p of parts) size += p.byteLength;
    const r = i * 11;
    this.records[r] = this.fileLength + this.pendingLength;
    this.records[r + 1] = b.positions.length / 3;
    this.records[r + 2] = b.indices.length;
    this.records[r + 3] = b.indices.BYTES_PER_ELEMENT;
    this.records[r + 4] = json.byteLength;
    this.records.set(b.nativeBbox, r + 5);
    if (this.pendingLength + size > FLUSH_BYTES) this.flush();
    for (const p of parts) {
      const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
      if (size > FLUSH_BYTES) {
        writeSync(this.fd, bytes, 0, bytes.byteLength, this.fileLength);
        this.fileLength += bytes.byteLength;
      } else {
        this.pending.set(bytes, this.pendingLength);
        this.pendingLength += bytes.byteLength;
      }
    }
  }

  placement(i: number): TilePlacement {
    return this.placements.get(i);
  }

  load(i: number): TileBuilding {
    this.flush();
    const r = i * 11;
    const [offset, nv, ni, ib, nj] = this.records.subarray(r, r + 5);
    const pb = nv * 12, xb = ni * ib;
    const size = pb + xb + nv * 3 + nv + nj;
    const buf = new ArrayBuffer(size);
    const bytes = new Uint8Array(buf);
    let read = 0;
    while (read < size) {
      const n = readSync(this.fd, bytes, read, size - read, offset + read);
      if (n === 0) throw new Error(`mesh spool truncated at building ${i}`);
      read += n;
    }
    // The placement object (fresh from the table) becomes the building.
    return Object.assign(this.placements.get(i), {
      positions: new Float32Array(buf, 0, nv * 3),
      indices: ib === 4 ? new Uint32Array(buf, pb, ni) : new Uint16Array(buf, pb, ni),
      normals: new Int8Array(buf, pb + xb, nv * 3),
      kinds: new Uint8Array(buf, pb + xb + nv * 3, nv),
      propertiesJson: Buffer.from(buf, pb + xb + nv * 4, nj).toString('utf8'),
      nativeBbox: Array.from(this.records.subarray(r + 5, r + 11)) as TileBuilding['nativeBbox'],
    });
  }

  /** Closes and deletes the spool file. */
  dispose(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    writeSync(this.fd, this.pending, 0, this.pendingLength, this.fileLength);
    this.fileLength += this.pendingLength;
    this.pendingLength = 0;
  }
}
