import { describe, expect, it } from 'vitest';
import { wgs84ToUtm32 } from '../../../src/core/crs/transform';
import { reportSceneViews, sceneViewTitle } from '../../../src/core/report/reportSceneViews';
import { createI18n } from '../../../src/core/i18n/createI18n';

// The demo district's extent (WGS84), about 540 m × 520 m.
const BBOX = [10.0424, 53.5466, 10.0506, 53.5513] as const;

describe('reportSceneViews', () => {
  const views = reportSceneViews(BBOX, '2025-03-21', 'Europe/Berlin');
  const [cx, cy] = wgs84ToUtm32([(BBOX[0] + BBOX[2]) / 2, (BBOX[1] + BBOX[3]) / 2]);
  const [x0, y0] = wgs84ToUtm32([BBOX[0], BBOX[1]]);
  const [x1, y1] = wgs84ToUtm32([BBOX[2], BBOX[3]]);
  const size = Math.max(x1 - x0, y1 - y0);

  it('local sun times on the date in UTC (CET in March, CEST in June)', () => {
    expect(views.map((v) => [v.view, v.localTime, v.time])).toEqual([
      ['south', '10:00', '2025-03-21T09:00:00.000Z'],
      ['south', '16:00', '2025-03-21T15:00:00.000Z'],
      ['southeast', '13:00', '2025-03-21T12:00:00.000Z'],
    ]);
    expect(reportSceneViews(BBOX, '2025-06-21', 'Europe/Berlin')[0].time).toBe('2025-06-21T08:00:00.000Z');
  });

  it('each camera looks at the area centre at 45° from 1.2 × the larger side (hand calculation in UTM metres)', () => {
    for (const v of views) {
      const [x, y] = wgs84ToUtm32([v.camera.lon, v.camera.lat]);
      const back = Math.hypot(x - cx, y - cy);
      const range = 1.2 * size;
      expect(back).toBeCloseTo(range * Math.cos(Math.PI / 4), -1);
      expect(v.camera.height).toBeCloseTo(range * Math.sin(Math.PI / 4), 0);
      expect(v.camera.pitchDeg).toBe(-45);
      // The line from the camera to the centre points along the heading (0 = north, 315 = north-west); UTM grid
      // north differs from true north by < 1° here.
      const bearing = ((Math.atan2(cx - x, cy - y) * 180) / Math.PI + 360) % 360;
      expect(Math.abs(((bearing - v.camera.headingDeg + 540) % 360) - 180)).toBeLessThan(1.5);
    }
    expect(views[0].camera.lat).toBeLessThan(BBOX[1] + 0.0001);
    expect(views[2].camera.lon).toBeGreaterThan((BBOX[0] + BBOX[2]) / 2);
  });

  it('a small area keeps the camera at least 150 m away', () => {
    const v = reportSceneViews([10.045, 53.548, 10.0451, 53.5481], '2025-03-21', 'Europe/Berlin')[0];
    expect(v.camera.height).toBeCloseTo(150 * Math.SQRT1_2, 0);
  });

  it('captions through the i18n resources in both languages', () => {
    expect(sceneViewTitle(createI18n('de').t as never, views[0])).toBe('Blick von Süden, 10:00 Uhr');
    expect(sceneViewTitle(createI18n('en').t as never, views[2])).toBe('View from the south-east, 13:00');
  });
});
