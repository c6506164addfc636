import { describe, expect, it } from 'vitest';
import { ApproximateTerrainHeights, EllipsoidTerrainProvider, GeographicTilingScheme, Rectangle, type HeightmapTerrainData } from 'cesium';
import { FlatEllipsoidTerrainProvider } from '../../../src/viewer/FlatEllipsoidTerrainProvider';
import { fitGroundVolumesToFlatTerrain } from '../../../src/viewer/fitGroundVolumesToFlatTerrain';
import { flattenTerrainHeightsTable } from '../../../src/viewer/flatGroundSpan';
import { readFileSync } from 'node:fs';

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

describe('flattenTerrainHeightsTable (the table Cesium\'s worker sizes ground polylines from, as the build serves it)', () => {
  const original = readFileSync('node_modules/cesium/Build/Cesium/Assets/approximateTerrainHeights.json', 'utf8');

  it('keeps every tile of Cesium\'s table and gives each ±10 m; the district then gets what the main thread gets', () => {
    const real = JSON.parse(original) as Record<string, [number, number]>;
    const flat = JSON.parse(flattenTerrainHeightsTable(original)) as Record<string, [number, number]>;
    expect(Object.keys(flat)).toEqual(Object.keys(real));
    expect(Object.keys(flat).length).toBeGreaterThan(10_000);
    expect(new Set(Object.values(flat).map((v) => v.join()))).toEqual(new Set(['-10,10']));
    // What Cesium read before for the district: kilometres below the sea (its level-6 tile reaches into the North Sea basin).
    const saved = ApproximateTerrainHeights._terrainHeights;
    try {
      ApproximateTerrainHeights._terrainHeights = real;
      expect(ApproximateTerrainHeights.getMinimumMaximumHeights(DISTRICT).minimumTerrainHeight).toBeLessThan(-1000);
      ApproximateTerrainHeights._terrainHeights = flat;
      expect(ApproximateTerrainHeights.getMinimumMaximumHeights(DISTRICT)).toEqual({ minimumTerrainHeight: -10, maximumTerrainHeight: 10 });
    } finally {
      ApproximateTerrainHeights._terrainHeights = saved;
    }
  });

  it('stops the build on a table of another shape instead of serving it unchanged', () => {
    expect(() => flattenTerrainHeightsTable('[]')).toThrow(/object of tiles/);
    expect(() => flattenTerrainHeightsTable('{}')).toThrow(/no tiles/);
    expect(() => flattenTerrainHeightsTable('{"6-0-0":{"min":1}}')).toThrow(/6-0-0/);
    expect(() => flattenTerrainHeightsTable('not json')).toThrow();
  });
});
