import { datasetTimeZone, fromZoned, toZoned } from '../core/time/zonedTime';
import type { SliceCreator } from './AppState';

export type ShadowQuality = 'low' | 'medium' | 'high';

export interface TimeSlice {
  /** The scene time as a UTC instant in milliseconds. */
  timeMs: number;
  playing: boolean;
  lighting: boolean;
  shadows: boolean;
  shadowQuality: ShadowQuality;
  setTime(ms: number): void;
  /** Sets the local (Europe/Berlin) date, keeping the time of day. */
  setLocalDate(date: string): void;
  /** Sets the local (Europe/Berlin) time of day in minutes since midnight, keeping the date. */
  setLocalMinutes(minutes: number): void;
  setPlaying(playing: boolean): void;
  setLighting(on: boolean): void;
  setShadows(on: boolean): void;
  setShadowQuality(q: ShadowQuality): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends TimeSlice {}
}

/** Today at 13:00 Berlin time: a bright default scene. */
export function defaultTimeMs(now = Date.now()): number {
  return fromZoned(toZoned(now).date, 13 * 60);
}

export const createTimeSlice: SliceCreator<TimeSlice> = (set, get) => ({
  timeMs: defaultTimeMs(),
  playing: false,
  lighting: true,
  shadows: false,
  shadowQuality: 'medium',
  setTime: (timeMs) => {
    if (!Number.isFinite(timeMs)) throw new Error(`setTime: ${timeMs} is not a time`);
    set({ timeMs });
  },
  // Local date and time of day in the dataset's time zone (catalog.timeZone, default Europe/Berlin).
  setLocalDate: (date) => {
    const tz = datasetTimeZone((get() as { catalog?: { timeZone?: string } | null }).catalog);
    set({ timeMs: fromZoned(date, toZoned(get().timeMs, tz).minutes, tz) });
  },
  setLocalMinutes: (minutes) => {
    const tz = datasetTimeZone((get() as { catalog?: { timeZone?: string } | null }).catalog);
    set({ timeMs: fromZoned(toZoned(get().timeMs, tz).date, Math.min(24 * 60 - 1, Math.max(0, Math.round(minutes))), tz) });
  },
  setPlaying: (playing) => set({ playing }),
  setLighting: (lighting) => set({ lighting }),
  setShadows: (shadows) => set({ shadows }),
  setShadowQuality: (shadowQuality) => set({ shadowQuality }),
});
