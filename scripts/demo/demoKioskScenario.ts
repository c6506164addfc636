import { utm32ToWgs84 } from '../../src/core/crs';
import { SCENARIO_FILE_KIND, SCENARIO_SCHEMA_VERSION, type ProposedBuilding, type Scenario } from '../../src/core/model/Scenario';
import type { DemoDistrict, Xy } from './DemoDistrict';

/** Id of the demo's kiosk scenario and its two variants (the kiosk.json names them). */
export const DEMO_KIOSK_SCENARIO = { id: 'demo-kiosk-hof', variantA: 'entwurf-a', variantB: 'entwurf-b', block: 'C2' } as const;

/**
 * The scenario the demo kiosk shows as "Entwurf A" and "Entwurf B": two
 * ways of building in the courtyard of the perimeter block C2 (Lindenallee).
 * A: one low courtyard house (3 storeys, 40 × 14 m); B: two slim 6-storey
 * houses (16 × 16 m). Footprints lie inside the courtyard; the build checks
 * that no existing building's footprint comes within 4 m (it throws
 * otherwise), so a changed generator cannot silently put them on top of
 * a house. Written as `data/demo/kiosk-scenario.json`, which the kiosk loads
 * next to its kiosk.json.
 */
export function demoKioskScenario(d: DemoDistrict): Scenario {
  const block = d.blocks.find((b) => b.id === DEMO_KIOSK_SCENARIO.block)!.rect;
  const cx = (block.x0 + block.x1) / 2, cy = (block.y0 + block.y1) / 2;
  const rect = (x: number, y: number, w: number, h: number): Xy[] => [[x - w / 2, y - h / 2], [x + w / 2, y - h / 2], [x + w / 2, y + h / 2], [x - w / 2, y + h / 2]];
  const check = (ring: Xy[]) => {
    const [xs, ys] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
    const box = { x0: Math.min(...xs) - 4, x1: Math.max(...xs) + 4, y0: Math.min(...ys) - 4, y1: Math.max(...ys) + 4 };
    const hit = d.buildings.find((b) => {
      const bx = b.footprint.map((q) => q[0]), by = b.footprint.map((q) => q[1]);
      return Math.min(...bx) < box.x1 && Math.max(...bx) > box.x0 && Math.min(...by) < box.y1 && Math.max(...by) > box.y0;
    });
    if (hit) throw new Error(`demo data: the kiosk scenario's building in block ${DEMO_KIOSK_SCENARIO.block} comes within 4 m of ${hit.id}`);
    return ring;
  };
  const wgs = (ring: Xy[]): [number, number][] => {
    const out = ring.map(([x, y]) => {
      const [lon, lat] = utm32ToWgs84([d.origin[0] + x, d.origin[1] + y]);
      return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7] as [number, number];
    });
    return [...out, out[0]];
  };
  const house = (id: string, name: string, ring: Xy[], storeys: number): ProposedBuilding => ({
    id, name, footprint: wgs(check(ring)), storeys, storeyHeightM: 3, roof: { type: 'flat', roofHeightM: 0, ridgeAzimuthDeg: 0 }, use: 'housing', groundHeightM: 0,
  });
  const at = '2026-01-01T00:00:00.000Z';
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    kind: SCENARIO_FILE_KIND,
    id: DEMO_KIOSK_SCENARIO.id,
    name: 'Wohnen im Hof (Demo)',
    datasetId: 'demo',
    createdAt: at,
    updatedAt: at,
    variants: [
      { id: DEMO_KIOSK_SCENARIO.variantA, name: 'Entwurf A', notes: 'Ein Hofhaus, 3 Geschosse.', demolishedIds: [], buildings: [house('hof-a', 'Hofhaus', rect(cx, cy, 40, 14), 3)] },
      {
        id: DEMO_KIOSK_SCENARIO.variantB, name: 'Entwurf B', notes: 'Zwei Stadthäuser, je 6 Geschosse.', demolishedIds: [],
        buildings: [house('hof-b1', 'Stadthaus West', rect(cx - 16, cy, 16, 16), 6), house('hof-b2', 'Stadthaus Ost', rect(cx + 16, cy, 16, 16), 6)],
      },
    ],
  };
}
