/**
 * Runs a progress generator to its end synchronously (CLI, tests, and the
 * synchronous forms of the step-wise analyses).
 *
 * @example const res = drainSync(sunHoursSteps(solids, opts));
 */
export function drainSync<T>(it: Generator<unknown, T>): T {
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
