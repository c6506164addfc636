import { datasetTimeZone, fromZoned, toZoned } from '../core/time/zonedTime';
import type { AppStore } from '../state';

/** Minutes of scene time per animation step, and the step interval. */
const STEP_MIN = 10;
const INTERVAL_MS = 250;

/**
 * "Play a day": while `playing`, advances the time of day and wraps from
 * 21:00 back to 05:00 on the same date (nights are dark anyway).
 */
export function runDayPlayer(store: AppStore): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const update = () => {
    const playing = store.getState().playing;
    if (playing && !timer) {
      timer = setInterval(() => {
        const tz = datasetTimeZone(store.getState().catalog);
        const { date, minutes } = toZoned(store.getState().timeMs, tz);
        const next = minutes + STEP_MIN > 21 * 60 ? 5 * 60 : minutes + STEP_MIN;
        store.getState().setTime(fromZoned(date, next, tz));
      }, INTERVAL_MS);
    } else if (!playing && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const unsub = store.subscribe(update);
  return () => {
    unsub();
    if (timer) clearInterval(timer);
  };
}
