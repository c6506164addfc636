/**
 * True for a local date and time without zone, `YYYY-MM-DDTHH:MM` or
 * `YYYY-MM-DDTHH:MM:SS`, on a real calendar day (no 31 April, 29 February
 * only in leap years). The zone is the dataset's (`catalog.timeZone`), so
 * a kiosk story reads "21 June, 13:00" wherever the file was written.
 *
 * @example isLocalDateTime('2026-06-21T13:00') // true
 */
export function isLocalDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (h > 23 || mi > 59 || sec > 59 || mo < 1 || mo > 12 || d < 1) return false;
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}
