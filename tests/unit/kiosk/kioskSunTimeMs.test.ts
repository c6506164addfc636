import * as SunCalc from 'suncalc';
import { describe, expect, it } from 'vitest';
import { kioskSunTimeMs } from '../../../src/app/kioskSunTimeMs';
import { KIOSK_DAY_TIMES, KIOSK_SEASONS } from '../../../src/core/kiosk/kioskSun';
import { sunPosition } from '../../../src/core/analysis/sunPosition';

const HAMBURG = { lon: 10.046, lat: 53.5526 };

describe('kioskSunTimeMs', () => {
  it('puts noon at solar noon and morning/evening halfway to sunrise/sunset, checked against suncalc', () => {
    for (const season of KIOSK_SEASONS) {
      const date = { march: '2026-03-21', june: '2026-06-21', december: '2026-12-21' }[season];
      const times = SunCalc.getTimes(new Date(`${date}T12:00:00Z`), HAMBURG.lat, HAMBURG.lon);
      const noon = times.solarNoon.getTime(), rise = times.sunrise!.getTime(), set = times.sunset!.getTime();
      const at = (dayTime: (typeof KIOSK_DAY_TIMES)[number]) => kioskSunTimeMs({ season, dayTime }, 2026, HAMBURG.lon, HAMBURG.lat);
      // suncalc and the NOAA series agree to within a minute.
      expect(Math.abs(at('noon') - noon)).toBeLessThan(60_000);
      expect(Math.abs(at('morning') - (rise + noon) / 2)).toBeLessThan(60_000);
      expect(Math.abs(at('evening') - (noon + set) / 2)).toBeLessThan(60_000);
    }
  });

  it('keeps the sun up at every setting, even on 21 December in Hamburg', () => {
    for (const season of KIOSK_SEASONS) {
      for (const dayTime of KIOSK_DAY_TIMES) {
        const t = kioskSunTimeMs({ season, dayTime }, 2026, HAMBURG.lon, HAMBURG.lat);
        // This suncalc build reports degrees, refraction included.
        const alt = SunCalc.getPosition(new Date(t), HAMBURG.lat, HAMBURG.lon).altitude;
        expect(alt, `${season} ${dayTime}`).toBeGreaterThan(4);
        expect(Math.abs(sunPosition(t, HAMBURG.lon, HAMBURG.lat).altitudeDeg - alt)).toBeLessThan(0.2);
      }
    }
    // 21 December, noon: the low winter sun, about 90° − 53.55° − 23.44° ≈ 13° high.
    const winterNoon = kioskSunTimeMs({ season: 'december', dayTime: 'noon' }, 2026, HAMBURG.lon, HAMBURG.lat);
    expect(sunPosition(winterNoon, HAMBURG.lon, HAMBURG.lat).trueAltitudeDeg).toBeCloseTo(90 - 53.5526 - 23.44, 0);
  });
});
