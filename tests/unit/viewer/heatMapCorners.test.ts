import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { heatMapCorners } from '../../../src/viewer/heatMapCorners';

const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';

describe('heatMapCorners (one heat-map renderer: grid cells placed where the analysis computed them)', () => {
  it('places the corners through the local EPSG:25832 frame and turns the image by the meridian convergence', () => {
    // Hamburg, about 1° east of zone 32's central meridian (9° E): a 400 × 300 m grid of 2 m cells.
    const grid = { originX: 566000, originY: 5934000, x0: -200, y0: -150, cellM: 2, nx: 200, ny: 150 };
    const { corners, gammaRad } = heatMapCorners(grid);
    // Corners equal an independent UTM → WGS84 projection of the grid corners.
    const want = [[-200, -150], [200, -150], [200, 150], [-200, 150]].map(([x, y]) => proj4(utm, 'WGS84', [grid.originX + x, grid.originY + y]));
    corners.forEach((c, i) => {
      expect(c[0]).toBeCloseTo(want[i][0], 8);
      expect(c[1]).toBeCloseTo(want[i][1], 8);
    });
    // Not a WGS84 rectangle: grid east runs south of true east here.
    expect(corners[1][1]).toBeLessThan(corners[0][1]);
    // Hand calculation: convergence γ ≈ (λ − λ0) · sin φ; grid east is turned clockwise by γ east of the central meridian.
    const [lon, lat] = corners[0];
    const gammaDeg = (lon - 9) * Math.sin((lat * Math.PI) / 180);
    expect((gammaRad * 180) / Math.PI).toBeCloseTo(-gammaDeg, 2);
    expect(Math.abs((gammaRad * 180) / Math.PI)).toBeGreaterThan(0.7);
  });
});
