// One idle cycle of the kiosk as a visitor and the empty room produce it, for the soak script
// (`npm run soak`) and the short soak in the browser tests. Runs in a page that shows `?mode=kiosk`.
import type { CDPSession, Page } from 'playwright-core';

/** Used JS heap after a full garbage collection, MB (CDP: exact, unlike the rounded `performance.memory`). */
export async function heapAfterGcMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / (1024 * 1024);
}

/** A tap by real touch input at a window position. */
export async function touchTap(cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// The in-page half of a cycle, installed once per page. Each `page.evaluate` compiles a new script
// that the attached inspector keeps for good, so a driver that sends a dozen per cycle measures its
// own growth (≈ +2 % per 30 cycles in session 5); one installed function and one short, identical
// call per phase keep the driver out of the figure.
const installCycle = `window.__planlotseSoak ??= (() => {
  const frames = (n) => new Promise((resolve) => { let k = n; const step = () => (--k <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); });
  const state = () => window.__planlotse.getState();
  return {
    // The visitor plays the first story through (every step flies the camera, switches layers,
    // variant and time), picks a sun setting and the other language; then nobody touches the
    // screen: a late tick of the idle timer covers idle time and countdown at once, exactly what
    // a sleeping timer would do. Resolves with the idle phase after that.
    async visitAndLeave(framesPerStep) {
      const story = state().kioskConfig.stories[0];
      state().kioskStoryEvent({ type: 'start', storyId: story.id, atMs: performance.now() });
      for (let i = 1; i < story.steps.length; i++) {
        await frames(framesPerStep);
        state().kioskStoryEvent({ type: 'next', atMs: performance.now() });
      }
      state().setKioskSun({ season: 'december', dayTime: 'evening' });
      state().setLang('en');
      await frames(framesPerStep);
      const cfg = state().kioskConfig;
      state().kioskIdleEvent({ type: 'tick', atMs: performance.now() + (cfg.idleTimeoutS + cfg.countdownS) * 1000 + 1 });
      const phase = state().kioskIdle.phase;
      await frames(framesPerStep);
      return phase;
    },
    phase: () => state().kioskIdle.phase,
  };
})(), true`;

/** Pages (since their last load) that hold the installed cycle. */
const installedIn = new WeakSet<Page>();

/**
 * One cycle: a visitor touches the screen, plays the first story through,
 * picks a sun setting and switches the language; then the idle time passes,
 * the kiosk resets into its start state and plays the attract loop, and the
 * next visitor's touch ends it. Resolves when the kiosk is back in `active`.
 */
export async function kioskSoakCycle(page: Page, cdp: CDPSession, framesPerStep = 3): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 800, height: 600 };
  if (!installedIn.has(page)) {
    await page.evaluate(installCycle);
    installedIn.add(page);
    page.once('load', () => installedIn.delete(page));
  }
  await touchTap(cdp, width / 2, height / 2);
  const phase = await page.evaluate(`window.__planlotseSoak.visitAndLeave(${framesPerStep})`);
  if (phase !== 'attract') throw new Error(`kiosk soak: after the idle time the kiosk is in "${String(phase)}", not in the attract loop`);
  await touchTap(cdp, width / 2, height / 2);
  const after = await page.evaluate('window.__planlotseSoak.phase()');
  if (after !== 'active') throw new Error(`kiosk soak: a touch in the attract loop left the kiosk in "${String(after)}"`);
}

/** Growth of the heap from cycle `from` (1-based) to the last, MB and percent. */
export function heapGrowth(heapsMB: number[], from = 10): { fromMB: number; lastMB: number; growthMB: number; growthPct: number } {
  const i = Math.min(from, heapsMB.length) - 1;
  const fromMB = heapsMB[i], lastMB = heapsMB[heapsMB.length - 1];
  return { fromMB, lastMB, growthMB: lastMB - fromMB, growthPct: ((lastMB - fromMB) / fromMB) * 100 };
}
