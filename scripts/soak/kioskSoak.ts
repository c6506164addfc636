// One idle cycle of the kiosk as a visitor and the empty room produce it, for the soak script
// (`npm run soak`) and the short soak in the browser tests. Runs in a page that shows `?mode=kiosk`.
import type { CDPSession, Page } from 'playwright-core';

/** Used JS heap after a full garbage collection, MB (CDP: exact, unlike the rounded `performance.memory`). */
export async function heapAfterGcMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / (1024 * 1024);
}

/**
 * A tap by real touch input at a window position. Start and end are sent together: awaited one by one, a
 * software-rendered frame between them can outlast Cesium's 1.5 s touch-hold delay, and a held finger is no tap.
 */
export async function touchTap(cdp: CDPSession, x: number, y: number): Promise<void> {
  await Promise.all([
    cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] }),
    cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
  ]);
}

// The in-page half of a cycle, installed once per page load. Every `page.evaluate` compiles a script
// that the attached inspector keeps for good: heap snapshots of a 40-cycle run with three evaluates
// per cycle grew only in V8 code (+1.07 MB, ≈ 9 SharedFunctionInfos per cycle), none in app objects;
// the earlier 14 evaluates per cycle grew 3× as fast. So a cycle sends no script at all: the driver
// only touches the screen (CDP input), the installed code reacts to the touch, and reports back
// through a CDP binding (`Runtime.addBinding`: a call from the page, an event in the driver).
const BINDING = '__planlotseSoakReport';
const installCycle = `(() => {
  if (window.__planlotseSoak) return true;
  const frames = (n) => new Promise((resolve) => { let k = n; const step = () => (--k <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); });
  const state = () => window.__planlotse.getState();
  const report = (phase) => window.${BINDING}(phase);
  // The visitor plays the first story through (every step flies the camera, switches layers,
  // variant and time), picks a sun setting and the other language; then nobody touches the
  // screen: a late tick of the idle timer covers idle time and countdown at once, exactly what
  // a sleeping timer would do. Reports the idle phase after that.
  async function visitAndLeave(framesPerStep) {
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
    report(phase);
  }
  // Touches alternate: the first of a cycle is the visitor's, the second ends the attract loop. The
  // kiosk handles a touch on touchstart (capture); by touchend its new phase is in the store.
  const soak = { framesPerStep: 1, visitor: true };
  window.addEventListener('touchend', () => {
    const visitor = soak.visitor;
    soak.visitor = !visitor;
    if (visitor) void visitAndLeave(soak.framesPerStep).catch((e) => report('error: ' + e));
    else report(state().kioskIdle.phase);
  }, { capture: true, passive: true });
  window.__planlotseSoak = soak;
  return true;
})()`;

/** Pages (since their last load) that hold the installed cycle, with the CDP session that hears its reports. */
const installedIn = new WeakMap<Page, CDPSession>();

/** Longest wait for one report: a story played through at software-rendering speed (the idle time itself is a simulated late tick). */
const REPORT_TIMEOUT_MS = 180_000;

/** Resolves with the next report of the installed cycle; rejects, saying what it waited for, when none comes. */
function nextReport(cdp: CDPSession, waitingFor: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cdp.off('Runtime.bindingCalled', on);
      reject(new Error(`kiosk soak: no report of ${waitingFor} within ${REPORT_TIMEOUT_MS / 1000} s of the touch`));
    }, REPORT_TIMEOUT_MS);
    const on = (e: { name: string; payload: string }) => {
      if (e.name !== BINDING) return;
      cdp.off('Runtime.bindingCalled', on);
      clearTimeout(timer);
      resolve(e.payload);
    };
    cdp.on('Runtime.bindingCalled', on);
  });
}

/**
 * One cycle: a visitor touches the screen, plays the first story through,
 * picks a sun setting and switches the language; then the idle time passes,
 * the kiosk resets into its start state and plays the attract loop, and the
 * next visitor's touch ends it. Resolves when the kiosk is back in `active`.
 * After the first cycle of a page it sends no script to the page.
 */
export async function kioskSoakCycle(page: Page, cdp: CDPSession, framesPerStep = 3): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 800, height: 600 };
  if (installedIn.get(page) !== cdp) {
    await cdp.send('Runtime.addBinding', { name: BINDING });
    await page.evaluate(installCycle);
    await page.evaluate(`window.__planlotseSoak.framesPerStep = ${framesPerStep}; window.__planlotseSoak.visitor = true`);
    installedIn.set(page, cdp);
    page.once('load', () => installedIn.delete(page));
  }
  let report = nextReport(cdp, 'the visit ending in the attract loop');
  await touchTap(cdp, width / 2, height / 2);
  const phase = await report;
  if (phase !== 'attract') throw new Error(`kiosk soak: after the idle time the kiosk is in "${phase}", not in the attract loop`);
  report = nextReport(cdp, 'the touch ending the attract loop');
  await touchTap(cdp, width / 2, height / 2);
  const after = await report;
  if (after !== 'active') throw new Error(`kiosk soak: a touch in the attract loop left the kiosk in "${after}"`);
}

/** Growth of the heap from cycle `from` (1-based) to the last, MB and percent. */
export function heapGrowth(heapsMB: number[], from = 10): { fromMB: number; lastMB: number; growthMB: number; growthPct: number } {
  const i = Math.min(from, heapsMB.length) - 1;
  const fromMB = heapsMB[i], lastMB = heapsMB[heapsMB.length - 1];
  return { fromMB, lastMB, growthMB: lastMB - fromMB, growthPct: ((lastMB - fromMB) / fromMB) * 100 };
}
