import type { DemoDistrict } from './DemoDistrict';
import { Random } from './random';
import { DEMO_HEIGHT, DEMO_ORIGIN, DEMO_WIDTH, WATER, layoutBlocks, layoutStreets } from './streetLayout';
import { BlockBuilder, campusBlock, commercialBlock, parkBlock, perimeterBlock, rowHouseBlock, schoolBlock, villaBlock, type BlockContent } from './placeBuildings';
import { planFeatures } from './planFeatures';
import { floodZone, numberHouses, plantTrees, playgrounds } from './environment';
import { rectRing } from './ringMath';

export const DEFAULT_DEMO_SEED = 20_250_611;

/**
 * Generates the whole demo district from a seed: same seed, same district.
 *
 * @example const d = generateDistrict(); d.buildings.length // ≈ 290
 */
export function generateDistrict(seed = DEFAULT_DEMO_SEED): DemoDistrict {
  const root = new Random(seed);
  const streets = layoutStreets();
  const blocks = layoutBlocks();
  const bb = new BlockBuilder(root.fork('buildings'));
  const contents = new Map<string, BlockContent>();
  const gruenderzeit = { storeyHeightM: 3.15, extraM: 0.6 };
  for (const b of blocks) {
    let c: BlockContent;
    switch (b.id) {
      case 'A1':
        c = perimeterBlock(bb, b, { ...gruenderzeit, depth: 13, storeys: [4, 6], extraM: 1.0, roofs: [['flat', 4], ['gabled', 4], ['hipped', 1]], functions: [['31001_1120', 6], ['31001_1000', 4]] });
        break;
      case 'A2':
        c = perimeterBlock(bb, b, { ...gruenderzeit, depth: 13, storeys: [3, 5], roofs: [['flat', 3], ['gabled', 5], ['hipped', 2]], functions: [['31001_1000', 1]], violations: [{ side: 'n', index: 2, kind: 'tooHigh' }] });
        break;
      case 'C2':
        c = perimeterBlock(bb, b, { depth: 14, storeys: [4, 5], storeyHeightM: 3.4, extraM: 0.8, roofs: [['flat', 7], ['gabled', 2], ['shed', 1]], functions: [['31001_2020', 4], ['31001_1120', 4], ['31001_1000', 2]] });
        break;
      case 'D3':
        c = perimeterBlock(bb, b, { ...gruenderzeit, depth: 12, storeys: [3, 4], roofs: [['flat', 3], ['gabled', 5], ['hipped', 2]], functions: [['31001_1000', 1]], violations: [{ side: 's', index: 3, kind: 'tooDeep' }] });
        break;
      case 'B1':
        c = commercialBlock(bb, b);
        break;
      case 'C1':
        c = campusBlock(bb, b);
        break;
      case 'B2':
        c = schoolBlock(bb, b);
        break;
      case 'D1':
        c = parkBlock(bb, b);
        break;
      case 'D2':
        c = villaBlock(bb, b, 24);
        break;
      case 'C3':
        c = villaBlock(bb, b, 20, [{ side: 's', index: 2, kind: 'tooHigh' }, { side: 'n', index: 4, kind: 'tooDense' }]);
        break;
      default:
        c = rowHouseBlock(bb, b);
    }
    contents.set(b.id, c);
  }
  const buildings = [...contents.values()].flatMap((c) => c.buildings);
  numberHouses(buildings);
  const lots = [...contents.values()].flatMap((c) => c.lots);
  // Streets and the canal are parcels too, as in ALKIS.
  let n = lots.length;
  for (const s of streets) lots.push({ id: `DEMO_FS_${String(++n).padStart(4, '0')}`, blockId: s.id, ring: rectRing(s.rect), use: 'Straßenverkehr' });
  lots.push({ id: `DEMO_FS_${String(++n).padStart(4, '0')}`, blockId: 'W', ring: rectRing(WATER.rect), use: 'Fließgewässer' });
  const plan = planFeatures(root.fork('plan'), blocks, streets, contents);
  return {
    seed,
    origin: DEMO_ORIGIN,
    width: DEMO_WIDTH,
    height: DEMO_HEIGHT,
    streets,
    water: WATER,
    blocks,
    buildings,
    lots,
    planAreas: plan.areas,
    planLines: plan.lines,
    planBoundary: plan.boundary,
    trees: plantTrees(root.fork('trees'), blocks),
    playgrounds: playgrounds(blocks),
    floodZone: floodZone(),
  };
}
