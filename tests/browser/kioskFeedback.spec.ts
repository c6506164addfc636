import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page, Route } from 'playwright-core';
import { touchTap } from '../../scripts/soak/kioskSoak';
import { appUrl, downloadText, launchBrowser, readState, recordPage, setTestOptions, waitFor, type PageRecord } from './harness';
import { seriousA11yViolations } from './axe';
import { feedbackFromGeoJson } from '../../src/core/kiosk/feedbackFromGeoJson';
import { feedbackToGeoJson } from '../../src/core/kiosk/feedbackToGeoJson';
import type { FeedbackPin } from '../../src/core/kiosk/FeedbackPin';

// Citizen feedback on the kiosk (demo dataset) with real touch input (CDP Input.dispatchTouchEvent): a pin placed by
// a tap, text typed on the on-screen keyboard, stored in IndexedDB, surviving a renderer crash right after "saved"
// and a reload; the sync POSTs it to an OGC API – Features endpoint (mocked here, at the network) with a retry after
// a 503; the staff PIN (wrong → refused, three wrong → locked); exports parsed back; the planner app imports them.
const demo = JSON.parse(readFileSync('data/demo/kiosk.json', 'utf8')) as Record<string, unknown>;
const SYNC_PATH = '/ogc/collections/feedback/items';
const W = 1024, H = 700;
// Shift, an umlaut, ß, a space, and '=' for the formula-safe CSV (every key is one finger tap: a frame on SwiftShader).
const TYPED = '=Bäume Maß';

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let cdp: CDPSession;
let rec: PageRecord;
const posts: { contentType: string; body: { type: string; id: string; properties: Record<string, unknown> } }[] = [];
const answers = [503];
let exportedGeoJson = '';
let exportedCsv = '';

async function openKiosk(p: Page): Promise<void> {
  await p.goto(appUrl('?mode=kiosk&dataset=demo&lang=de&sh=0'));
  await p.locator('.kiosk-app').waitFor({ timeout: 120_000 });
  await p.evaluate(() => window.__planlotse!.ready);
  // The map is tapped later: globe and ground layers must be drawn for the pick to find the Baugebiet.
  await p.evaluate(() => window.__planlotse!.settled(180_000));
}
async function newKioskPage(): Promise<void> {
  page = await ctx.newPage();
  await setTestOptions(page, { resolutionScale: 0.5 });
  rec = recordPage(page);
  cdp = await ctx.newCDPSession(page);
  await openKiosk(page);
}
/** A finger tap (CDP touch events) on this spec's page. */
const touchAt = (x: number, y: number) => touchTap(cdp, x, y);
/** A finger tap on the middle of an element (a Playwright selector). */
async function tap(selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.waitFor({ timeout: 60_000 });
  // As a finger would scroll the sheet or list first (on a 700 px screen the form's end is below the fold).
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box?.width) throw new Error(`not on screen: ${selector}`);
  await touchAt(box.x + box.width / 2, box.y + box.height / 2);
}
const key = (k: string) => tap(`.osk .hg-button[data-skbtn="${k}"]`);
async function typeOnScreen(text: string): Promise<void> {
  for (const ch of text) {
    const shifted = /[A-ZÄÖÜ=!"§$%&/()?]/.test(ch);
    if (shifted) await key('{shift}');
    await key(ch === ' ' ? '{space}' : ch);
  }
}
/** Types a PIN on the pad and waits for its check (PBKDF2 in WebCrypto): the failure count changes or the list opens. */
async function enterPin(pin: string): Promise<void> {
  const before = await readState(page, (s) => s.staffLockout.failures);
  for (const d of pin) await tap(`.staff-pin-keys button:nth-child(${d === '0' ? 10 : Number(d)})`);
  await tap('.staff-pin .kiosk-btn-primary');
  await waitFor(page, (b) => {
    const s = window.__planlotse!.getState();
    return s.staffLockout.failures !== b || s.staffScreen === 'list';
  }, before, { timeout: 60_000 });
}

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: W, height: H }, hasTouch: true, acceptDownloads: true });
  // SwiftShader on a shared machine: a page load can take a minute.
  ctx.setDefaultNavigationTimeout(120_000);
  ctx.setDefaultTimeout(60_000);
  await ctx.route('**/data/demo/kiosk.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...demo, syncEndpoint: SYNC_PATH, idleTimeoutS: 3600 }) }));
  await ctx.route(`**${SYNC_PATH}`, async (route: Route) => {
    const r = route.request();
    posts.push({ contentType: (await r.headerValue('content-type')) ?? '', body: r.postDataJSON() });
    const status = answers.shift() ?? 201;
    await route.fulfill({ status, body: status === 201 ? '' : 'try later' });
  });
  mkdirSync('docs/img', { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('kiosk feedback and staff mode (touch)', () => {
  it('a pin placed by touch, typed on the on-screen keyboard, survives a crash right after confirming and a reload; the sync retries after a 503', async () => {
    await newKioskPage();
    // axe-core on the kiosk screens: start, the stories and variants panels, and the high-contrast theme.
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const tab of ['stories', 'variants']) {
      await tap(`.kiosk-tabs button:nth-child(${tab === 'stories' ? 1 : 2})`);
      await page.locator(`[data-region="panel-${tab}"]`).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    await tap('.kiosk-top [role="switch"]');
    await waitFor(page, () => document.documentElement.classList.contains('kiosk-hc'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await tap('.kiosk-top [role="switch"]');
    await tap('.kiosk-tabs button:nth-child(2)');
    // The plain-language card of what a finger tapped on the map.
    await touchAt(W * 0.62, H * 0.42);
    await page.locator('[data-region="card"]').waitFor({ timeout: 120_000 });
    // The Baugebiet under the finger, not the plan area that encloses it (both lie flat on the ground).
    expect(await readState(page, (s) => s.selection?.layerId)).toBe('bplan-baugebiete');
    // The left column scrolled to its end, as a finger would: the whole card above "Hinweis geben".
    await page.locator('.kiosk-left').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: 'docs/img/kiosk-card.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await tap('[data-feedback="start"] .kiosk-btn-primary');
    await waitFor(page, () => window.__planlotse!.getState().tool === 'placeFeedback');
    await touchAt(W * 0.62, H * 0.42);
    await waitFor(page, () => window.__planlotse!.getState().feedbackPlace !== null, undefined, { timeout: 120_000 });
    await page.locator('.osk .hg-button').first().waitFor();
    expect(await page.locator('.osk').getAttribute('data-lang')).toBe('de');
    for (const k of ['ß', 'ä', 'ö', 'ü', 'z']) expect(await page.locator(`.osk .hg-button[data-skbtn="${k}"]`).count()).toBe(1);
    // Every key is a touch target of at least 48 × 48 px.
    const smallKeys = await page.evaluate(() => [...document.querySelectorAll('.osk .hg-button, .feedback-form .choice span:not(.visually-hidden), .feedback-form button')].map((e) => e.getBoundingClientRect()).filter((r) => r.width < 48 || r.height < 48).length);
    expect(smallKeys).toBe(0);

    await tap('.feedback-form .choice:has-text("Grün und Bäume") span');
    await typeOnScreen(TYPED);
    expect(await page.locator('.feedback-form textarea').inputValue()).toBe(TYPED);
    await tap('.feedback-form .choice-rating >> nth=3');
    await tap('.feedback-form .choice:has-text("30–49") span');
    await page.screenshot({ path: 'docs/img/kiosk-feedback.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await tap('.feedback-form button[type="submit"]');
    await waitFor(page, () => window.__planlotse!.getState().feedbackSaved);
    const stored = await page.evaluate(() => window.__planlotseFeedback!.storedIds());
    expect(stored).toHaveLength(1);
    // The save starts a sync round on its own; its POST (answered 503) reaches the route a moment after "saved".
    // Wait for it, or a crash first would leave the first try to the reloaded page.
    await expect.poll(() => posts.length, { timeout: 60_000 }).toBe(1);
    // Crash the renderer right after that: no unload, no pagehide.
    const crashed = new Promise<void>((r) => page.once('crash', () => r()));
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    expect(posts).toHaveLength(1);
    expect(posts[0].contentType).toBe('application/geo+json');
    expect(posts[0].body).toMatchObject({ type: 'Feature', id: stored[0], properties: { text: TYPED, category: 'gruen', rating: 4, ageGroup: '30-49' } });

    await newKioskPage();
    expect(await page.evaluate(() => window.__planlotseFeedback!.storedIds())).toEqual(stored);
    await page.reload();
    await page.locator('.kiosk-app').waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => window.__planlotseFeedback!.storedIds())).toEqual(stored);
    // The retry queue survived the crash and the reload: after its 5 s backoff the pin goes out again, 201 Created.
    await expect.poll(() => posts.length, { timeout: 120_000 }).toBe(2);
    expect(posts[1].body.id).toBe(stored[0]);
    const sync = await page.evaluate(() => window.__planlotseFeedback!.syncNow());
    expect(sync).toMatchObject({ pending: 0 });
    expect(rec.requests.filter((u) => !u.startsWith(new URL(appUrl()).origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  }, 600_000);

  it('staff: a wrong PIN is refused, the right one opens list and map; hide/restore; exports GeoJSON and CSV; three wrong PINs lock the pad', async () => {
    await tap('[data-staff="open"]');
    await enterPin('1111');
    expect(await page.locator('.staff-pin-msg').innerText()).toContain('Falsche PIN. Noch 2 Versuche.');
    expect(await page.locator('[data-staff="list"]').count()).toBe(0);
    await enterPin('2468');
    await page.locator('[data-staff="list"] .staff-item').waitFor({ timeout: 60_000 });
    const item = page.locator('.staff-item');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.staff-item-text').innerText()).toBe(TYPED);
    // The pins are a layer of the registry while staff look at them.
    await waitFor(page, () => window.__planlotse!.getState().droppedLayers.some((l) => l.id === 'feedback-pins'));
    await tap('.staff-item [data-action="hide"]');
    await waitFor(page, () => document.querySelector('.staff-item')?.getAttribute('data-hidden') === 'true');
    await tap('.staff-item [data-action="restore"]');
    await waitFor(page, () => document.querySelector('.staff-item')?.getAttribute('data-hidden') === 'false');
    await page.screenshot({ path: 'docs/img/kiosk-staff.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const download = async (sel: string) => {
      const d = page.waitForEvent('download');
      await tap(sel);
      return downloadText(await d);
    };
    exportedGeoJson = await download('[data-export="geojson"]');
    const back = feedbackFromGeoJson(exportedGeoJson);
    expect(back.errors).toEqual([]);
    expect(back.pins.map((p) => [p.text, p.hidden])).toEqual([[TYPED, false]]);
    exportedCsv = await download('[data-export="csv"]');
    expect(exportedCsv.startsWith('\uFEFFid,createdAt,updatedAt,hidden,category,text,')).toBe(true);
    // Formula-safe: the comment starting with "=" is written as text.
    expect(exportedCsv).toContain(`,'${TYPED},`);

    await tap('.staff-list-panel .kiosk-card-head .kiosk-btn');
    await tap('[data-staff="open"]');
    for (let i = 0; i < 3; i++) await enterPin('9999');
    // The lock runs a minute from the third wrong try (a few seconds of slow frames may have passed since).
    const locked = /gesperrt für (\d+) s/.exec(await page.locator('.staff-pin-msg').innerText());
    expect(Number(locked?.[1])).toBeGreaterThan(30);
    expect(Number(locked?.[1])).toBeLessThanOrEqual(60);
    expect(await page.locator('.staff-pin-keys button').first().isDisabled()).toBe(true);
    expect(await readState(page, (s) => s.staffLockout.failures)).toBe(3);
    expect(await page.locator('[data-staff="list"]').count()).toBe(0);
  }, 300_000);

  it('the planner app imports exports of two kiosks as one layer, merged by pin id, and shows what a person saw', async () => {
    const planner = await ctx.newPage();
    const prec = recordPage(planner);
    await planner.goto(appUrl('?dataset=demo&lang=en'));
    await waitFor(planner, () => !!window.__planlotse, undefined, { timeout: 120_000 });
    await planner.evaluate(() => window.__planlotse!.ready);
    // A second kiosk: the same pin (copied) plus one of its own, hidden by its staff.
    const pin = feedbackFromGeoJson(exportedGeoJson).pins[0];
    const other: FeedbackPin = { ...pin, id: '0f8fad5b-d9cb-469f-a165-70867728950e', text: 'Zu wenig Bänke <b>hier</b>', hidden: true, createdAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-01T10:05:00.000Z' };
    await planner.locator('input[data-feedback-import]').setInputFiles([
      { name: 'kiosk-a.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(exportedGeoJson) },
      { name: 'kiosk-b.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(feedbackToGeoJson([pin, other]))) },
    ]);
    await waitFor(planner, () => window.__planlotse!.getState().feedbackPins.length === 2);
    // The planner app's panels, every section open, with the imported feedback.
    const closed = await planner.locator('.panel-toolbar button[aria-expanded="false"]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.tool));
    for (const id of closed) await planner.locator(`.panel-toolbar button[data-tool="${id}"]`).click();
    expect(await seriousA11yViolations(planner)).toEqual([]);
    expect(await planner.locator('.feedback-group [role="status"]').innerText()).toContain('kiosk-b.geojson: 1 new, 1 already there');
    const layer = await readState(planner, (s) => s.droppedLayers.find((l) => l.id === 'feedback-pins'));
    expect(layer).toMatchObject({ type: 'geojson-points', origin: 'dropped' });
    expect(layer!.url.startsWith('blob:')).toBe(true);
    // A comment is text: the markup is shown as typed, never parsed.
    expect(await planner.locator(`[data-pin="${other.id}"] .feedback-pin-text`).innerText()).toBe('Zu wenig Bänke <b>hier</b>');
    expect(await planner.locator('.feedback-pin-text b').count()).toBe(0);

    await planner.locator(`[data-show-saw="${pin.id}"]`).click();
    const sc = pin.scenario;
    await waitFor(planner, (c) => {
      const cam = window.__planlotse!.camera();
      return Math.abs(cam.lon - c.lon) < 1e-5 && Math.abs(cam.lat - c.lat) < 1e-5 && Math.abs(cam.height - c.height) < 1;
    }, sc.camera, { timeout: 60_000 });
    const s = await readState(planner, (st) => ({ lang: st.lang, timeMs: st.timeMs, visible: (st.catalog?.layers ?? []).filter((l) => st.layers[l.id]?.visible).map((l) => l.id), variant: st.activeVariantId }));
    expect(s.lang).toBe('de');
    expect(s.timeMs).toBe(Date.parse(sc.sceneTime));
    expect(s.visible.sort()).toEqual([...sc.visibleLayerIds].sort());
    expect(s.variant).toBeNull();
    expect(prec.requests.filter((u) => !u.startsWith(new URL(appUrl()).origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  }, 300_000);
});
