/**
 * Calendar checks for dates written as text. `Date.parse` rolls impossible
 * dates over (2025-02-30 becomes 2 March), so input that names a date is
 * checked part by part before it is trusted.
 */

/**
 * Whether `s` is a real calendar date `YYYY-MM-DD`, optionally within `years`
 * (inclusive); returns the problem as a sentence or null.
 *
 * @example calendarDateProblem('2025-02-30') // → '"2025-02-30": day 30 does not exist in 2025-02 (it has 28 days)'
 */
export function calendarDateProblem(s: string, years?: readonly [number, number]): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return `"${s}" is not a date YYYY-MM-DD`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `"${s}": month ${mo} does not exist`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `"${s}": day ${d} does not exist in ${m[1]}-${m[2]} (it has ${days} days)`;
  if (years && (y < years[0] || y > years[1])) return `"${s}": year ${y} is outside ${years[0]}–${years[1]}`;
  return null;
}

/**
 * Whether `s` is an ISO 8601 date-time `YYYY-MM-DDThh:mm[:ss[.fff]]` with a
 * zone (`Z` or ±hh:mm; optional when `zone` is 'optional') whose calendar and
 * clock parts exist; returns the problem or null.
 */
export function dateTimeProblem(s: string, opts: { zone?: 'required' | 'optional'; years?: readonly [number, number] } = {}): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m || (!m[5] && opts.zone !== 'optional')) return `"${s}" is not ISO 8601 with a zone, e.g. 2026-03-20T15:00:00+01:00`;
  const dp = calendarDateProblem(m[1], opts.years);
  if (dp) return dp;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return `"${s}": time ${m[2]}:${m[3]}${m[4] ? ':' + m[4] : ''} does not exist`;
  if (Number.isNaN(Date.parse(s))) return `"${s}" cannot be read as a date-time`;
  return null;
}
