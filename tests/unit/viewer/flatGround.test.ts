import { describe, expect, it } from 'vitest';
import { ApproximateTerrainHeights, EllipsoidTerrainProvider, GeographicTilingScheme, Rectangle, type HeightmapTerrainData } from 'cesium';
import { FlatEllipsoidTerrainProvider } from '../../../src/viewer/FlatEllipsoidTerrainProvider';
import { fitGroundVolumesToFlatTerrain } from '../../../src/viewer/fitGroundVolumesToFlatTerrain';

/** The demo district (Hamburg), about 1.2 × 0.8 km. */
const DISTRICT = Rectangle.fromDegrees(10.036, 53.544, 10.054, 53.552);
const EARTH_RADIUS_M = 6_371_000;

describe('FlatEllipsoidTerrainProvider (the globe loads its levels side by side)', () => {
  it('says every tile exists, where the stock ellipsoid provider does not know (so each level waited for its parent)', () => {
    const flat = new FlatEllipsoidTerrainProvider();
    const stock = new EllipsoidTerrainProvider();
    for (const [x, y, level] of [[0, 0, 0], [1, 0, 0], [8_500, 2_300, 14], [34_100, 9_150, 16], [272_900, 73_200, 19]]) {
      expect(flat.getTileDataAvailable(x, y, level)).toBe(true);
      expect(stock.getTileDataAvailable(x, y, level)).toBeUndefined();
    }
  });

  it('serves the flat ground: height 0 across a district tile', async () => {
    const flat = new FlatEllipsoidTerrainProvider();
    const data = (await flat.requestTileGeometry(34_100, 9_150, 16)) as HeightmapTerrainData;
    const tile = new GeographicTilingScheme().tileXYToRectangle(34_100, 9_150, 16);
    for (const [fx, fy] of [[0, 0], [0.5, 0.5], [0.99, 0.2]]) {
      expect(data.interpolateHeight(tile, tile.west + fx * tile.width, tile.south + fy * tile.height)).toBe(0);
    }
  });
});

describe('fitGroundVolumesToFlatTerrain (ground drapes sized for the flat ground)', () => {
  it('makes a district drape span ±10 m around the ellipsoid, without fetching the real-terrain table', async () => {
    fitGroundVolumesToFlatTerrain();
    await ApproximateTerrainHeights.initialize();
    const h = ApproximateTerrainHeights.getMinimumMaximumHeights(DISTRICT);
    expect(h).toEqual({ minimumTerrainHeight: -10, maximumTerrainHeight: 10 });
  });

  it('still encloses the ground under a large polygon: its flat cap sags below the ellipsoid by about L² / 8R', () => {
    fitGroundVolumesToFlatTerrain();
    // 0.3° × 0.2° around Hamburg: diagonal ≈ 30 km, so the chord's middle lies ≈ 30² / (8 · 6371) km ≈ 18 m below the surface.
    const big = Rectangle.fromDegrees(9.85, 53.45, 10.15, 53.65);
    const diagonalM = Math.hypot(big.width * Math.cos(53.55 * (Math.PI / 180)), big.height) * EARTH_RADIUS_M;
    const sagM = diagonalM ** 2 / (8 * EARTH_RADIUS_M);
    expect(sagM).toBeGreaterThan(10);
    const h = ApproximateTerrainHeights.getMinimumMaximumHeights(big);
    expect(h.minimumTerrainHeight).toBeLessThanOrEqual(-sagM * 0.99);
    expect(h.maximumTerrainHeight).toBe(10);
  });
});
