import type { TileBuilding, TilePlacement } from './TileBuilding';

/**
 * Holds the prepared buildings of a conversion until the tiles are written:
 * placements stay in memory, meshes may not (a file spool keeps a city's
 * conversion bounded by one building, see scripts/convert/FileTileStore.ts).
 */
export interface TileBuildingStore {
  readonly count: number;
  add(b: TileBuilding): void;
  placement(i: number): TilePlacement;
  /** The whole building i, mesh and properties. */
  load(i: number): TileBuilding;
}

/** The in-memory store: for browser workers (dropped files up to tens of MB) and tests. */
export class MemoryTileStore implements TileBuildingStore {
  readonly buildings: TileBuilding[] = [];

  get count(): number {
    return this.buildings.length;
  }

  add(b: TileBuilding): void {
    this.buildings.push(b);
  }

  placement(i: number): TilePlacement {
    return this.buildings[i];
  }

  load(i: number): TileBuilding {
    return this.buildings[i];
  }
}

/**
 * Placements of many buildings in one Float64Array (8 numbers each) rather
 * than an object per building: what a spooling store keeps in memory.
 */
export class PlacementTable {
  private data = new Float64Array(8 * 1024);
  count = 0;

  push(p: TilePlacement): void {
    if ((this.count + 1) * 8 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const o = this.count * 8;
    this.data.set([p.lon, p.lat, p.west, p.south, p.east, p.north, p.minH, p.maxH], o);
    this.count++;
  }

  get(i: number): TilePlacement {
    const d = this.data, o = i * 8;
    return { lon: d[o], lat: d[o + 1], west: d[o + 2], south: d[o + 3], east: d[o + 4], north: d[o + 5], minH: d[o + 6], maxH: d[o + 7] };
  }
}
