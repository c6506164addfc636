import { sunDay } from '../core/analysis/sunPosition';
import { KIOSK_SEASON_DATE, type KioskSunChoice } from '../core/kiosk/kioskSun';

/**
 * The instant (UTC ms) a sun-control setting stands for at a place: the
 * season's day (21 March, 21 June or 21 December of `year`); noon is solar
 * noon; morning and evening lie halfway between sunrise and solar noon and
 * between solar noon and sunset. Derived from the sun, not from clock times,
 * so the sun is up and casts shadows at every setting in every season (a
 * fixed "18:00" is dark in a German December), and a citizen sees the
 * shadows a real morning or evening of that day has.
 *
 * @example kioskSunTimeMs({ season: 'december', dayTime: 'noon' }, 2026, 10.0, 53.55) // ≈ 2026-12-21T11:29Z
 */
export function kioskSunTimeMs(choice: KioskSunChoice, year: number, lonDeg: number, latDeg: number): number {
  const day = sunDay(`${year}-${KIOSK_SEASON_DATE[choice.season]}`, lonDeg, latDeg);
  if (choice.dayTime === 'noon' || day.sunriseMs === null || day.sunsetMs === null) return day.solarNoonMs;
  return choice.dayTime === 'morning' ? Math.round((day.sunriseMs + day.solarNoonMs) / 2) : Math.round((day.solarNoonMs + day.sunsetMs) / 2);
}
