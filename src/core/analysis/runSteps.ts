import type { RunContext } from './AnalysisDescriptor';
import type { Progress } from './computeSunHours';

/** How long a run computes before it yields to the event loop (so a cancel message can arrive). */
export const SLICE_MS = 25;

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs a progress generator to its end: reports each step, checks the signal
 * before every step and yields to the event loop every {@link SLICE_MS}.
 *
 * @example const res = await runSteps(sunHoursSteps(solids, opts), ctx);
 */
export async function runSteps<T>(it: Generator<Progress, T>, ctx: RunContext, offset: { done: number; total: number } | null = null): Promise<T> {
  let t = Date.now();
  for (;;) {
    ctx.signal.throwIfAborted();
    const r = it.next();
    if (r.done) return r.value;
    ctx.progress(offset ? offset.done + r.value.done : r.value.done, offset ? offset.total : r.value.total);
    if (Date.now() - t > SLICE_MS) {
      await yieldToLoop();
      t = Date.now();
    }
  }
}

/** Between the stages of a run: yields to the event loop, then throws if the run was cancelled. */
export async function checkpoint(ctx: RunContext): Promise<void> {
  await yieldToLoop();
  ctx.signal.throwIfAborted();
}
