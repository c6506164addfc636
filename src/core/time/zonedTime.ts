/** The default time zone of a dataset (plans are read in German local time); a catalog may name its own (`timeZone`). */
export const DISPLAY_TIME_ZONE = 'Europe/Berlin';

/** The time zone the scene clock and analysis dates use for a dataset: its catalog's `timeZone`, else Europe/Berlin. */
export function datasetTimeZone(catalog: { timeZone?: string } | null | undefined): string {
  return catalog?.timeZone || DISPLAY_TIME_ZONE;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (e.g. +120 in Berlin summer). */
export function zoneOffsetMinutes(utcMs: number, timeZone = DISPLAY_TIME_ZONE): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Local calendar date (`YYYY-MM-DD`) and minutes since local midnight of an instant. */
export function toZoned(utcMs: number, timeZone = DISPLAY_TIME_ZONE): { date: string; minutes: number } {
  const local = new Date(utcMs + zoneOffsetMinutes(utcMs, timeZone) * 60000);
  const date = local.toISOString().slice(0, 10);
  return { date, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * The UTC instant of a local date and time of day in `timeZone`.
 * Handles DST: the offset is taken at the resulting instant.
 *
 * @example fromZoned('2026-06-21', 12 * 60) // 2026-06-21T10:00:00Z in Europe/Berlin
 */
export function fromZoned(date: string, minutes: number, timeZone = DISPLAY_TIME_ZONE): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`fromZoned: date "${date}" is not YYYY-MM-DD`);
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutes * 60000;
  let utc = naive - zoneOffsetMinutes(naive, timeZone) * 60000;
  // Second pass for instants near a DST switch.
  utc = naive - zoneOffsetMinutes(utc, timeZone) * 60000;
  return utc;
}

/**
 * The one date rule of the app and the CLI: the analysis date is the local
 * calendar date of the scene time in the dataset's time zone
 * (`catalog.timeZone`, default Europe/Berlin) — never the UTC date, which is
 * the previous day between midnight and 01:00/02:00 in Berlin.
 *
 * @example analysisDate(Date.parse('2026-01-15T23:30:00Z')) // '2026-01-16' (00:30 in Berlin)
 */
export function analysisDate(utcMs: number, timeZone: string | undefined = DISPLAY_TIME_ZONE): string {
  return toZoned(utcMs, timeZone || DISPLAY_TIME_ZONE).date;
}
