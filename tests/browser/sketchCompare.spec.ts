import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import proj4 from 'proj4';
import { appUrl, launchBrowser, nextFrames, openSection, recordPage, snap, toScreen, waitFor, type PageRecord } from './harness';

// The demo district (data/demo, generated), looking straight down on the WA 1 perimeter block: its inner
// Baugrenze (BP_BauGrenze, south-west corner V) rings the courtyard with the "Hofspielplatz Lindenallee".
const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';
const V: [number, number] = [10.04193074, 53.55241137];
const [VE, VN] = proj4('WGS84', utm, V);
/** WGS84 of a point e m east and n m north of V. */
const fromV = (e: number, n: number) => proj4(utm, 'WGS84', [VE + e, VN + n]) as [number, number];
const QUERY = 'cam=10.04268,53.5529,500,0,-90&t=2026-03-21T12:00:00Z';

let browser: Browser;
let page: Page;
let rec: PageRecord;

/** Area (m², EPSG:25832) of a WGS84 ring, relative to its first corner. */
function areaM2(ring: [number, number][]): number {
  const abs = ring.map((q) => proj4('WGS84', utm, q));
  const p = abs.map(([x, y]) => [x - abs[0][0], y - abs[0][1]]);
  let a = 0;
  for (let i = 0; i < p.length - 1; i++) a += p[i][0] * p[i + 1][1] - p[i + 1][0] * p[i][1];
  return Math.abs(a / 2);
}

const sketchCount = () => page.evaluate(() => window.__planlotse!.getState().sketchPoints.length);

/** Clicks a ground point and waits until the sketch took it (a corner added, or the ring closed). */
async function clickCorner(lonLat: [number, number], dx = 0, dy = 0): Promise<void> {
  const p = await toScreen(page, lonLat[0], lonLat[1], 0);
  const before = await sketchCount();
  await page.mouse.click(p.x + dx, p.y + dy);
  await waitFor(page, (n) => window.__planlotse!.getState().sketchPoints.length !== n, before);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  rec = recordPage(page);
  // SwiftShader renders the whole district at a few frames per second; on a shared machine a click may wait for one.
  page.setDefaultTimeout(120_000);
  // Catalog and camera are enough here (corners are ground picks, which fall back to the ellipsoid): on a loaded
  // CI machine the globe's imagery tiles can take minutes, so this spec does not wait for a settled globe.
  await page.goto(appUrl(QUERY), { timeout: 120_000 });
  await waitFor(page, () => !!window.__planlotse, null, { timeout: 120_000 });
  await page.evaluate(() => window.__planlotse!.ready);
  await openSection(page, /Szenarien/);
  await page.getByTestId('scenario-new').click();
});
afterAll(async () => {
  await browser?.close();
});

describe('sketching on the demo plan, then comparing with the Bestand', () => {
  it('a sketch clicked on top of plan areas closes with no card opened; the first corner snaps onto the Baugrenze vertex', async () => {
    await page.getByTestId('scenario-tool-sketch').click();
    // "Grundriss schließen" says why it is disabled.
    expect(await page.getByTestId('scenario-finish').isDisabled()).toBe(true);
    expect(await page.getByTestId('sketch-why').textContent()).toContain('mindestens 3 Ecken');
    // The snap targets load when the tool starts.
    await waitFor(page, () => !!window.__planlotse!.getState().sketchSnapTargets, null, { timeout: 60_000 });
    // 1 px north-east of the Baugrenze corner (≈ 1 m): snapped onto it, the indicator says so on the way.
    // (A parcel corner lies 1.5 m south of V: the nearest corner wins.)
    const v = await toScreen(page, V[0], V[1], 0);
    await page.mouse.move(v.x + 1, v.y - 1);
    await waitFor(page, () => window.__planlotse!.getState().sketchHover?.snapped === 'vertex');
    expect(await page.getByTestId('sketch-snapped').textContent()).toBe('Gefangen: Ecke (Baugrenze/Baulinie)');
    await clickCorner(V, 1, -1);
    // The other corners with Alt held: placed exactly where clicked, no snapping.
    await page.keyboard.down('Alt');
    for (const c of [fromV(18, 0), fromV(18, 14), fromV(0, 14)]) await clickCorner(c);
    await page.keyboard.up('Alt');
    // Clicking the first corner again closes the ring.
    await clickCorner(V);
    const st = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      const v = s.scenarios.find((x) => x.id === s.activeScenarioId)!.variants.find((x) => x.id === s.activeVariantId)!;
      return { selection: s.selection ?? null, message: s.scenarioMessage, buildings: v.buildings.map((b) => b.footprint) };
    });
    expect(st.message).toBeNull();
    expect(st.selection).toBeNull();
    expect(await page.locator('.feature-panel').count()).toBe(0);
    expect(st.buildings).toHaveLength(1);
    const ring = st.buildings[0];
    // The snapped corner is V itself (to the nanodegree, ~0.1 mm); the others are where the pointer was (1 px ≈ 0.8 m).
    expect(ring.some((p) => Math.abs(p[0] - V[0]) < 1e-9 && Math.abs(p[1] - V[1]) < 1e-9)).toBe(true);
    expect(areaM2(ring)).toBeGreaterThan(18 * 14 * 0.75);
    expect(areaM2(ring)).toBeLessThan(18 * 14 * 1.25);
  });

  it('typed dimensions give the exact footprint area', async () => {
    // Origin south of the courtyard playground; 30 m × 12,5 m turned 0°: 375 m².
    await clickCorner(fromV(45, 30));
    await page.getByText('Maße eingeben').click();
    await page.getByTestId('sketch-width').fill('30');
    await page.getByTestId('sketch-depth').fill('12,5');
    await page.getByTestId('sketch-rotation').fill('0');
    await page.getByTestId('sketch-add-rectangle').click();
    await waitFor(page, () => {
      const s = window.__planlotse!.getState();
      return s.scenarios.find((x) => x.id === s.activeScenarioId)!.variants.find((x) => x.id === s.activeVariantId)!.buildings.length === 2;
    });
    const ring = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      return s.scenarios.find((x) => x.id === s.activeScenarioId)!.variants.find((x) => x.id === s.activeVariantId)!.buildings[1].footprint;
    });
    expect(areaM2(ring)).toBeCloseTo(375, 2);
    await page.getByTestId('scenario-tool-sketch').click(); // tool off
  });

  it('compare opens with Bestand vs the active variant; its summary equals compliance and sun of each side', async () => {
    const variantId = await page.evaluate(() => window.__planlotse!.getState().activeVariantId);
    await page.getByTestId('scenario-compare-split').click();
    expect(await page.getByTestId('scenario-compare-left').inputValue()).toBe('existing');
    expect(await page.getByTestId('scenario-compare-right').inputValue()).toBe(variantId);
    await waitFor(page, () => window.__planlotse!.getState().compareStatus === 'done', null, { timeout: 120_000 });
    await page.getByTestId('scenario-summary').waitFor();
    expect(await page.getByTestId('scenario-compare-buildings').textContent()).toBe('2 neu · 0 entfernt');
    const table = page.getByTestId('scenario-delta-table');
    const text = (await table.textContent())!;
    expect(text).toContain('WA 1');
    expect(text).toContain('Geschosse');
    expect(text).not.toMatch(/GML_|storeys|height/);
    expect(text).toMatch(/\d,\d\d/);
    // The divider is on the view and can be dragged.
    const divider = page.getByTestId('compare-divider');
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    const swipe = await page.evaluate(() => window.__planlotse!.getState().scenarioCompare.swipe);
    expect(swipe).toBeLessThan(0.4);

    // Compliance of each side on its own (the Analyses panel's descriptor through the worker) equals the comparison.
    const cmp = await page.evaluate(() => window.__planlotse!.getState().compareResult!);
    const compliance = async (variant: string | null) => {
      await page.evaluate((v) => {
        const s = window.__planlotse!.getState();
        s.setActiveVariant(v);
        s.setAnalysisKind('compliance');
        s.requestAnalysis();
      }, variant);
      await waitFor(page, () => window.__planlotse!.getState().analysisStatus === 'done', null, { timeout: 120_000 });
      return page.evaluate(() => {
        const r = window.__planlotse!.getState().analysisResult as { areas: { areaId: string; kind: string; rules: { rule: string; value: number | null }[] }[] };
        return r.areas.filter((a) => a.kind === 'baugebiet');
      });
    };
    const before = await compliance(null);
    const after = await compliance(variantId);
    let checked = 0;
    for (const a of cmp.areas)
      for (const r of a.rules) {
        const b = before.find((x) => x.areaId === a.areaId)!.rules.find((x) => x.rule === r.rule)!.value;
        const c = after.find((x) => x.areaId === a.areaId)!.rules.find((x) => x.rule === r.rule)!.value;
        expect(r.before, `${a.areaId} ${r.rule} before`).toBe(b);
        expect(r.after, `${a.areaId} ${r.rule} after`).toBe(c);
        checked++;
      }
    expect(checked).toBeGreaterThan(30);
    const gf = (areas: typeof before) => areas.reduce((s, a) => s + (a.rules.find((r) => r.rule === 'GF')!.value ?? 0), 0);
    expect(cmp.totals.gfBeforeM2).toBeCloseTo(gf(before), 6);
    expect(cmp.totals.gfAfterM2).toBeCloseTo(gf(after), 6);

    // Sun change: progress, then a result; it equals the sun-hours analysis of each side on the same area, cell size and step.
    await page.getByTestId('scenario-compute-sun').click();
    await waitFor(page, () => window.__planlotse!.getState().compareStatus === 'done' && !!window.__planlotse!.getState().scenarioSunDelta, null, { timeout: 180_000 });
    await page.getByTestId('scenario-sun-done').waitFor();
    const sun = await page.evaluate(() => {
      const s = window.__planlotse!.getState();
      return { groups: s.compareResult!.sunGroups, bbox: s.compareResult!.sunBbox!, date: s.compareRun!.sunDate! };
    });
    expect(sun.date).toBe('2026-03-21');
    const playground = sun.groups.find((g) => g.group === 'playgrounds')!;
    expect(playground.meanAfter!).toBeLessThan(playground.meanBefore!);
    const sunHours = async (variant: string | null) => {
      await page.evaluate(
        ([v, d, bbox]) => {
          const s = window.__planlotse!.getState();
          s.setActiveVariant(v as string | null);
          s.setAnalysisKind('sunHours');
          s.setAnalysisParams({ date: d as string, cellM: 3, stepMin: 20 });
          s.requestAnalysis(bbox as [number, number, number, number]);
        },
        [variant, sun.date, sun.bbox] as const,
      );
      await waitFor(page, () => window.__planlotse!.getState().analysisStatus === 'done', null, { timeout: 180_000 });
      return page.evaluate(() => (window.__planlotse!.getState().analysisResult as { zones: { group: string; groundAreaM2: number; meanSunHours: number | null; shareAtLeast2h: number | null }[] }).zones);
    };
    const agg = (zones: Awaited<ReturnType<typeof sunHours>>, group: string, k: 'meanSunHours' | 'shareAtLeast2h') => {
      const own = zones.filter((z) => z.group === group && z.groundAreaM2 > 0);
      return own.reduce((a, z) => a + z[k]! * z.groundAreaM2, 0) / own.reduce((a, z) => a + z.groundAreaM2, 0);
    };
    const zb = await sunHours(null);
    const za = await sunHours(variantId);
    for (const g of sun.groups) {
      expect(g.meanBefore, `${g.group} mean before`).toBeCloseTo(agg(zb, g.group, 'meanSunHours'), 6);
      expect(g.meanAfter, `${g.group} mean after`).toBeCloseTo(agg(za, g.group, 'meanSunHours'), 6);
      expect(g.share2hBefore, `${g.group} ≥ 2 h before`).toBeCloseTo(agg(zb, g.group, 'shareAtLeast2h'), 6);
      expect(g.share2hAfter, `${g.group} ≥ 2 h after`).toBeCloseTo(agg(za, g.group, 'shareAtLeast2h'), 6);
    }
    await page.evaluate((v) => window.__planlotse!.getState().setActiveVariant(v), variantId);
    await page.getByTestId('scenario-sun-groups').waitFor();
    expect(await page.getByTestId('scenario-sun-groups').textContent()).toMatch(/Spielpl|Spielfl/);
    await snap(page, 'compare-summary');

    // The README picture (docs/img/scenario-compare.png): a wider window and panel (the splitter moved by keyboard,
    // as a user may), the divider back in the middle, the summary in view.
    await page.setViewportSize({ width: 1280, height: 720 });
    const splitter = page.getByRole('separator', { name: /Breite des Seitenbereichs/ });
    await splitter.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await splitter.blur();
    await page.evaluate(() => window.__planlotse!.getState().setScenarioCompare({ swipe: 0.5 }));
    await page.getByTestId('scenario-compare').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await nextFrames(page, 3);
    await snap(page, 'scenario-compare');
    expect(rec.pageErrors).toEqual([]);
  });
});
