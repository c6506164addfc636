/**
 * The dates and minimum sun hours planners are asked about (Besonnung):
 * - DIN 5034-1 (Tageslicht in Innenräumen, 2021): a dwelling counts as sunlit when at least one living room gets
 *   ≥ 1 h of possible sunshine on 17 January; the equinox check asks for ≥ 4 h on 21 March (Tag-und-Nachtgleiche).
 * - DIN EN 17037 (Tageslicht in Gebäuden, 2019), Besonnungsdauer: ≥ 1.5 h (minimum level) on one day chosen between
 *   1 February and 21 March; Planlotse takes 21 March, the date allowed last and the one most reports use.
 */
export interface DaylightStandard {
  id: 'din5034-winter' | 'din5034-equinox' | 'en17037';
  /** The standard's name as it is cited. */
  standard: string;
  /** Local calendar day `MM-DD` of the check. */
  monthDay: string;
  /** Minimum hours of direct sun. */
  minHours: number;
  /** Days the standard allows (`MM-DD` inclusive); the preset takes `monthDay`. */
  window?: [string, string];
}

export const DAYLIGHT_STANDARDS: readonly DaylightStandard[] = [
  { id: 'din5034-winter', standard: 'DIN 5034-1', monthDay: '01-17', minHours: 1 },
  { id: 'din5034-equinox', standard: 'DIN 5034-1', monthDay: '03-21', minHours: 4 },
  { id: 'en17037', standard: 'DIN EN 17037', monthDay: '03-21', minHours: 1.5, window: ['02-01', '03-21'] },
];

/**
 * The preset's date in a year.
 *
 * @example standardDate('din5034-winter', 2026) // '2026-01-17'
 */
export function standardDate(id: DaylightStandard['id'], year: number | string): string {
  const s = DAYLIGHT_STANDARDS.find((x) => x.id === id);
  if (!s) throw new Error(`standardDate: unknown standard "${id}"`);
  return `${String(year).padStart(4, '0')}-${s.monthDay}`;
}

/**
 * The standard a date and threshold satisfy the conditions of, so results and CSV files can name it: the preset's own
 * day (or, for DIN EN 17037, any day of its window) with the standard's minimum hours. The first match wins
 * (21 March with 4 h is DIN 5034-1's equinox check, with 1.5 h DIN EN 17037).
 *
 * @example matchStandard('2026-02-10', 1.5)?.standard // 'DIN EN 17037'
 */
export function matchStandard(date: string | undefined, thresholdHours: number | undefined): DaylightStandard | undefined {
  if (!date || thresholdHours === undefined) return undefined;
  const md = date.slice(5, 10);
  return DAYLIGHT_STANDARDS.find((s) => Math.abs(s.minHours - thresholdHours) < 1e-9 && (s.window ? md >= s.window[0] && md <= s.window[1] : md === s.monthDay));
}
