import type { DemoBlock, DemoStreet, Rect, BlockUse } from './DemoDistrict';

/**
 * The street grid of the demo district: a 600 m × 500 m piece of Hamm-Süd
 * (Hamburg), south edge on a canal. Local (0, 0) is EPSG:25832
 * E 569 000 / N 5 934 000 (≈ 10.0415° E, 53.5503° N).
 */
export const DEMO_ORIGIN: [number, number] = [569_000, 5_934_000];
export const DEMO_WIDTH = 600;
export const DEMO_HEIGHT = 500;

export const WATER = { name: 'Mühlenkanal', rect: { x0: 0, y0: 0, x1: DEMO_WIDTH, y1: 30 } };

/** West–east streets (south to north): y range and name. The first one includes the canal promenade. */
const EW: [number, number, string][] = [
  [30, 52, 'Am Mühlenkanal'],
  [200, 214, 'Lindenallee'],
  [360, 372, 'Birkenstieg'],
  [488, 500, 'Eichkamp'],
];
/** South–north streets (west to east): x range and name. */
const NS: [number, number, string][] = [
  [0, 12, 'Wendenweg'],
  [140, 152, 'Schulweg'],
  [300, 314, 'Marktstraße'],
  [460, 472, 'Parkallee'],
  [588, 600, 'Ostende'],
];

/** Use of each block, rows south to north, columns west to east. */
const USES: BlockUse[][] = [
  ['perimeter', 'commercial', 'campus', 'park'],
  ['perimeter', 'school', 'perimeter', 'villas'],
  ['rowHouses', 'rowHouses', 'villas', 'perimeter'],
];

/** The streets, one rectangle per segment between crossings (so they tile without overlap). */
export function layoutStreets(): DemoStreet[] {
  const streets: DemoStreet[] = [];
  EW.forEach(([y0, y1, name], i) => streets.push({ id: `S${i + 1}`, name, rect: { x0: 0, y0, x1: DEMO_WIDTH, y1 }, orientation: 'ew' }));
  NS.forEach(([x0, x1, name], i) => {
    for (let r = 0; r < EW.length - 1; r++) {
      streets.push({ id: `N${i + 1}${String.fromCharCode(97 + r)}`, name, rect: { x0, y0: EW[r][1], x1, y1: EW[r + 1][0] }, orientation: 'ns' });
    }
  });
  return streets;
}

/** The 12 blocks between the streets, ids A1…D3 (column letter west→east, row number south→north). */
export function layoutBlocks(): DemoBlock[] {
  const blocks: DemoBlock[] = [];
  for (let r = 0; r < EW.length - 1; r++) {
    for (let c = 0; c < NS.length - 1; c++) {
      const rect: Rect = { x0: NS[c][1], y0: EW[r][1], x1: NS[c + 1][0], y1: EW[r + 1][0] };
      blocks.push({
        id: `${'ABCD'[c]}${r + 1}`,
        rect,
        use: USES[r][c],
        streets: { s: EW[r][2], n: EW[r + 1][2], w: NS[c][2], e: NS[c + 1][2] },
      });
    }
  }
  return blocks;
}

/**
 * Ground height (m NHN, DHHN2016) at a local point: about 6.1 m at the canal
 * rising gently to about 8.8 m in the north-east, with a slight undulation.
 */
export function terrainHeight(x: number, y: number): number {
  return 6.1 + 0.0042 * y + 0.0011 * x + 0.12 * Math.sin(x / 70) * Math.cos(y / 90);
}
