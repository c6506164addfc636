import { describe, expect, it } from 'vitest';
import { analysisDate } from '../../../src/core/time/zonedTime';
import { makeStore } from '../analysis/analysisTestUtils';

/*
 * The one date rule: the analysis date is the local calendar date of the
 * scene time in the dataset's time zone (catalog.timeZone, default
 * Europe/Berlin). The UTC date (`toISOString().slice(0, 10)`) is the previous
 * day between 00:00 and 01:00 (winter) / 02:00 (summer) in Berlin.
 */
const winter0030 = Date.parse('2026-01-15T23:30:00Z'); // 00:30 CET on 16 January
const summer0030 = Date.parse('2026-07-15T22:30:00Z'); // 00:30 CEST on 16 July

describe('analysisDate', () => {
  it('is the Berlin calendar date at 00:30 in winter and in summer time (not the UTC date)', () => {
    expect(new Date(winter0030).toISOString().slice(0, 10)).toBe('2026-01-15');
    expect(analysisDate(winter0030)).toBe('2026-01-16');
    expect(new Date(summer0030).toISOString().slice(0, 10)).toBe('2026-07-15');
    expect(analysisDate(summer0030)).toBe('2026-07-16');
    // 01:30 CEST is 23:30 UTC: still the local date.
    expect(analysisDate(Date.parse('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    // The last minute of the local day stays on it.
    expect(analysisDate(Date.parse('2026-01-16T22:59:00Z'))).toBe('2026-01-16');
    expect(analysisDate(Date.parse('2026-01-16T23:00:00Z'))).toBe('2026-01-17');
  });

  it("follows the dataset's zone: Zürich (same offsets as Berlin), London and New York differ", () => {
    expect(analysisDate(winter0030, 'Europe/Zurich')).toBe('2026-01-16');
    expect(analysisDate(summer0030, 'Europe/Zurich')).toBe('2026-07-16');
    expect(analysisDate(winter0030, 'Europe/London')).toBe('2026-01-15');
    expect(analysisDate(summer0030, 'Europe/London')).toBe('2026-07-15');
    expect(analysisDate(Date.parse('2026-07-16T03:30:00Z'), 'America/New_York')).toBe('2026-07-15');
    // An empty zone falls back to Berlin.
    expect(analysisDate(winter0030, '')).toBe('2026-01-16');
  });

  it("the panel's run takes the date from the scene time in the catalog's zone", () => {
    const store = makeStore();
    const s = store.getState;
    s().setAnalysisKind('sunHours');
    s().setTime(winter0030);
    s().requestAnalysis();
    expect(s().analysisRun!.date).toBe('2026-01-16');
    s().setTime(summer0030);
    s().requestAnalysis();
    expect(s().analysisRun!.date).toBe('2026-07-16');
    s().setCatalog({ id: 'ldn', title: { de: 'l', en: 'l' }, timeZone: 'Europe/London', layers: [] } as never, 'http://x/ldn/catalog.json');
    s().requestAnalysis();
    expect(s().analysisRun!.date).toBe('2026-07-15');
    // A date the user chose wins.
    s().setAnalysisParams({ date: '2026-03-21' });
    s().requestAnalysis();
    expect(s().analysisRun!.date).toBe('2026-03-21');
  });

  it("the scene clock's local date and time of day are the dataset's (London: 12:00 is 12:00 UTC in winter)", () => {
    const store = makeStore();
    const s = store.getState;
    s().setTime(winter0030);
    s().setLocalMinutes(12 * 60);
    expect(new Date(s().timeMs).toISOString()).toBe('2026-01-16T11:00:00.000Z');
    s().setCatalog({ id: 'ldn', title: { de: 'l', en: 'l' }, timeZone: 'Europe/London', layers: [] } as never, 'http://x/ldn/catalog.json');
    s().setLocalMinutes(12 * 60);
    expect(new Date(s().timeMs).toISOString()).toBe('2026-01-16T12:00:00.000Z');
    s().setLocalDate('2026-07-01');
    expect(new Date(s().timeMs).toISOString()).toBe('2026-07-01T11:00:00.000Z');
  });
});
