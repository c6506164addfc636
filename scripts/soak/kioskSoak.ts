// One idle cycle of the kiosk as a visitor and the empty room produce it, for the soak script
// (`npm run soak`) and the short soak in the browser tests. Runs in a page that shows `?mode=kiosk`.
import type { CDPSession, Page } from 'playwright-core';

/** Used JS heap after a full garbage collection, MB (CDP: exact, unlike the rounded `performance.memory`). */
export async function heapAfterGcMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / (1024 * 1024);
}

/** Waits `n` animation frames in the page (the scene renders in between). */
async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(`new Promise((resolve) => { let k = ${n}; const step = () => (--k <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); })`);
}

/** A tap by real touch input at a window position. */
export async function touchTap(cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * One cycle: a visitor touches the screen, plays the first story through
 * (every step flies the camera, switches layers, variant and time), picks a
 * sun setting and opens the language switch; then nobody touches it, the
 * idle time passes (fast-forwarded: a late tick of the idle timer covers
 * idle time and countdown at once, exactly what a sleeping timer would do),
 * the kiosk resets into its start state and plays the attract loop, and the
 * next visitor's touch ends it. Resolves when the kiosk is back in `active`.
 */
export async function kioskSoakCycle(page: Page, cdp: CDPSession, framesPerStep = 3): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 800, height: 600 };
  await touchTap(cdp, width / 2, height / 2);
  const steps = (await page.evaluate(`(() => {
    const s = window.__planlotse.getState();
    s.kioskStoryEvent({ type: 'start', storyId: s.kioskConfig.stories[0].id, atMs: performance.now() });
    return s.kioskConfig.stories[0].steps.length;
  })()`)) as number;
  for (let i = 1; i < steps; i++) {
    await frames(page, framesPerStep);
    await page.evaluate(`window.__planlotse.getState().kioskStoryEvent({ type: 'next', atMs: performance.now() })`);
  }
  await page.evaluate(`(() => {
    const s = window.__planlotse.getState();
    s.setKioskSun({ season: 'december', dayTime: 'evening' });
    s.setLang('en');
  })()`);
  await frames(page, framesPerStep);
  const phase = await page.evaluate(`(() => {
    const s = window.__planlotse.getState();
    s.kioskIdleEvent({ type: 'tick', atMs: performance.now() + (s.kioskConfig.idleTimeoutS + s.kioskConfig.countdownS) * 1000 + 1 });
    return window.__planlotse.getState().kioskIdle.phase;
  })()`);
  if (phase !== 'attract') throw new Error(`kiosk soak: after the idle time the kiosk is in "${phase}", not in the attract loop`);
  await frames(page, framesPerStep);
  await touchTap(cdp, width / 2, height / 2);
  const after = await page.evaluate(`window.__planlotse.getState().kioskIdle.phase`);
  if (after !== 'active') throw new Error(`kiosk soak: a touch in the attract loop left the kiosk in "${after}"`);
}

/** Growth of the heap from cycle `from` (1-based) to the last, MB and percent. */
export function heapGrowth(heapsMB: number[], from = 10): { fromMB: number; lastMB: number; growthMB: number; growthPct: number } {
  const i = Math.min(from, heapsMB.length) - 1;
  const fromMB = heapsMB[i], lastMB = heapsMB[heapsMB.length - 1];
  return { fromMB, lastMB, growthMB: lastMB - fromMB, growthPct: ((lastMB - fromMB) / fromMB) * 100 };
}
