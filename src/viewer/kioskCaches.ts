import { Cesium3DTileset, PrimitiveCollection, type Viewer } from 'cesium';

/** Limits of Cesium's caches on a kiosk that runs all day. */
export interface KioskCacheLimits {
  /** Per 3D tileset: tile content kept after it left the view (Cesium's default: 512 MB). */
  tilesetCacheBytes: number;
  /** Per 3D tileset: how far the cache may grow over that while the view needs more. */
  tilesetOverflowBytes: number;
  /** Globe (imagery/terrain) tiles kept in memory (Cesium's default: 100). */
  globeTiles: number;
}

/** A district fits in 128 MB of tiles; the overflow lets one view need more without thrashing. */
export const KIOSK_CACHE_LIMITS: KioskCacheLimits = { tilesetCacheBytes: 128 * 1024 * 1024, tilesetOverflowBytes: 64 * 1024 * 1024, globeTiles: 60 };

/**
 * Bounds Cesium's tile caches for the kiosk: every 3D tileset in the scene
 * (now and whenever one is added, also inside nested collections, e.g. a
 * compare twin) gets `cacheBytes` and `maximumCacheOverflowBytes`, and the
 * globe keeps at most `globeTiles` tiles. Cesium evicts least-recently-used
 * tiles beyond these, so a day of stories over the same district does not
 * grow GPU and JS memory.
 */
export function boundKioskCaches(viewer: Viewer, limits: KioskCacheLimits = KIOSK_CACHE_LIMITS): { limits(): { globeTiles: number; tilesets: { cacheBytes: number; overflowBytes: number }[] }; dispose(): void } {
  viewer.scene.globe.tileCacheSize = limits.globeTiles;
  const removers: (() => void)[] = [];
  const bound = (p: unknown) => {
    if (p instanceof Cesium3DTileset) {
      p.cacheBytes = limits.tilesetCacheBytes;
      p.maximumCacheOverflowBytes = limits.tilesetOverflowBytes;
    } else if (p instanceof PrimitiveCollection) {
      for (let i = 0; i < p.length; i++) bound(p.get(i));
      removers.push(p.primitiveAdded.addEventListener(bound));
    }
  };
  bound(viewer.scene.primitives);
  const tilesets = (c: PrimitiveCollection): Cesium3DTileset[] =>
    Array.from({ length: c.length }, (_, i) => c.get(i) as unknown).flatMap((p) => (p instanceof Cesium3DTileset ? [p] : p instanceof PrimitiveCollection ? tilesets(p) : []));
  return {
    // What the caches are set to now (for the test hook).
    limits: () => ({
      globeTiles: viewer.scene.globe.tileCacheSize,
      tilesets: tilesets(viewer.scene.primitives).map((t) => ({ cacheBytes: t.cacheBytes, overflowBytes: t.maximumCacheOverflowBytes })),
    }),
    dispose: () => {
      for (const r of removers) r();
    },
  };
}
