/**
 * Calendar checks for dates written as text. `Date.parse` rolls impossible
 * dates over (2025-02-30 becomes 2 March), so input that names a date is
 * checked part by part before it is trusted.
 */

/**
 * What is wrong with a date or date-time text, as data (a kind and the values it names), so that callers with
 * an i18n API can say it in the user's language; {@link calendarDateProblem} and {@link dateTimeProblem} say it
 * in English.
 */
export type DateIssue =
  | { kind: 'notDate'; text: string }
  | { kind: 'month'; text: string; month: number }
  | { kind: 'day'; text: string; day: number; yearMonth: string; days: number }
  | { kind: 'year'; text: string; year: number; min: number; max: number }
  | { kind: 'notDateTime'; text: string }
  | { kind: 'time'; text: string; time: string }
  | { kind: 'unreadable'; text: string };

/** Whether `s` is a real calendar date `YYYY-MM-DD`, optionally within `years` (inclusive); the issue or null. */
export function calendarDateIssue(s: string, years?: readonly [number, number]): DateIssue | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { kind: 'notDate', text: s };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { kind: 'month', text: s, month: mo };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { kind: 'day', text: s, day: d, yearMonth: `${m[1]}-${m[2]}`, days };
  if (years && (y < years[0] || y > years[1])) return { kind: 'year', text: s, year: y, min: years[0], max: years[1] };
  return null;
}

/**
 * Whether `s` is an ISO 8601 date-time `YYYY-MM-DDThh:mm[:ss[.fff]]` with a
 * zone (`Z` or ±hh:mm; optional when `zone` is 'optional') whose calendar and
 * clock parts exist; the issue or null.
 */
export function dateTimeIssue(s: string, opts: { zone?: 'required' | 'optional'; years?: readonly [number, number] } = {}): DateIssue | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m || (!m[5] && opts.zone !== 'optional')) return { kind: 'notDateTime', text: s };
  const dp = calendarDateIssue(m[1], opts.years);
  if (dp) return dp;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return { kind: 'time', text: s, time: `${m[2]}:${m[3]}${m[4] ? ':' + m[4] : ''}` };
  if (Number.isNaN(Date.parse(s))) return { kind: 'unreadable', text: s };
  return null;
}

/** A date issue as an English sentence (scenario validation reports these). */
export function dateIssueText(i: DateIssue): string {
  switch (i.kind) {
    case 'notDate':
      return `"${i.text}" is not a date YYYY-MM-DD`;
    case 'month':
      return `"${i.text}": month ${i.month} does not exist`;
    case 'day':
      return `"${i.text}": day ${i.day} does not exist in ${i.yearMonth} (it has ${i.days} days)`;
    case 'year':
      return `"${i.text}": year ${i.year} is outside ${i.min}–${i.max}`;
    case 'notDateTime':
      return `"${i.text}" is not ISO 8601 with a zone, e.g. 2026-03-20T15:00:00+01:00`;
    case 'time':
      return `"${i.text}": time ${i.time} does not exist`;
    case 'unreadable':
      return `"${i.text}" cannot be read as a date-time`;
  }
}

/**
 * Whether `s` is a real calendar date `YYYY-MM-DD`, optionally within `years`
 * (inclusive); returns the problem as a sentence or null.
 *
 * @example calendarDateProblem('2025-02-30') // → '"2025-02-30": day 30 does not exist in 2025-02 (it has 28 days)'
 */
export function calendarDateProblem(s: string, years?: readonly [number, number]): string | null {
  const i = calendarDateIssue(s, years);
  return i && dateIssueText(i);
}

/** {@link dateTimeIssue} as an English sentence or null. */
export function dateTimeProblem(s: string, opts: { zone?: 'required' | 'optional'; years?: readonly [number, number] } = {}): string | null {
  const i = dateTimeIssue(s, opts);
  return i && dateIssueText(i);
}
