/** The three seasons of the kiosk's sun control: the equinox and the two solstices. */
export const KIOSK_SEASONS = ['march', 'june', 'december'] as const;
export type KioskSeason = (typeof KIOSK_SEASONS)[number];

/** The three times of day of the sun control. */
export const KIOSK_DAY_TIMES = ['morning', 'noon', 'evening'] as const;
export type KioskDayTime = (typeof KIOSK_DAY_TIMES)[number];

/** One setting of the sun control. */
export interface KioskSunChoice {
  season: KioskSeason;
  dayTime: KioskDayTime;
}

/** Month and day of each season's date. */
export const KIOSK_SEASON_DATE: Record<KioskSeason, string> = { march: '03-21', june: '06-21', december: '12-21' };
