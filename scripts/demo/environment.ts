import type { DemoBlock, DemoBuilding, DemoPlayground, DemoTree, Xy } from './DemoDistrict';
import type { Random } from './random';
import { densifyPlanRing, distanceToRing, pointInRing, rectRing } from './ringMath';
import { playgroundShape } from './planFeatures';
import { DEMO_WIDTH } from './streetLayout';

const SPECIES: [string, string][] = [
  ['Tilia cordata', 'Winter-Linde'],
  ['Quercus robur', 'Stiel-Eiche'],
  ['Acer platanoides', 'Spitz-Ahorn'],
  ['Carpinus betulus', 'Hainbuche'],
  ['Platanus x hispanica', 'Ahornblättrige Platane'],
  ['Fraxinus excelsior', 'Gemeine Esche'],
  ['Prunus avium', 'Vogel-Kirsche'],
];
/** Avenues are planted with one species, as in Hamburg. */
const STREET_SPECIES: Record<string, [string, string]> = {
  Lindenallee: ['Tilia cordata', 'Winter-Linde'],
  Birkenstieg: ['Betula pendula', 'Hänge-Birke'],
  Parkallee: ['Quercus robur', 'Stiel-Eiche'],
  'Am Mühlenkanal': ['Salix alba', 'Silber-Weide'],
};

function tree(rng: Random, n: number, p: Xy, species: [string, string], street?: string): DemoTree {
  const plantingYear = rng.int(1955, 2021);
  const age = 2026 - plantingYear;
  const heightM = Math.round(Math.min(27, 4 + 0.32 * age) * rng.range(0.85, 1.15) * 10) / 10;
  return {
    id: `DEMO_BAUM_${String(n).padStart(4, '0')}`,
    p: [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100],
    species: species[0], speciesDe: species[1], plantingYear, heightM,
    crownDiameterM: Math.round(heightM * rng.range(0.45, 0.65) * 10) / 10,
    trunkCircumferenceCm: Math.round(age * rng.range(2.2, 3.0) + 15),
    street,
  };
}

/**
 * Street trees 2.5 m in front of every block edge (every 11–13 m, not near
 * corners), a willow row on the canal promenade and trees in the park away
 * from the playground.
 */
export function plantTrees(rng: Random, blocks: DemoBlock[]): DemoTree[] {
  const trees: DemoTree[] = [];
  const add = (p: Xy, species: [string, string], street?: string) => trees.push(tree(rng, trees.length + 1, p, species, street));
  for (const b of blocks) {
    const { x0, y0, x1, y1 } = b.rect;
    const edges: { street: string; from: Xy; to: Xy; off: Xy }[] = [
      { street: b.streets.s, from: [x0, y0], to: [x1, y0], off: [0, -2.5] },
      { street: b.streets.n, from: [x0, y1], to: [x1, y1], off: [0, 2.5] },
      { street: b.streets.w, from: [x0, y0], to: [x0, y1], off: [-2.5, 0] },
      { street: b.streets.e, from: [x1, y0], to: [x1, y1], off: [2.5, 0] },
    ];
    for (const e of edges) {
      const len = Math.hypot(e.to[0] - e.from[0], e.to[1] - e.from[1]);
      const species = STREET_SPECIES[e.street] ?? rng.pick(SPECIES);
      for (let s = 8 + rng.range(0, 3); s < len - 8; s += rng.range(11, 13)) {
        const t = s / len;
        const p: Xy = [e.from[0] + (e.to[0] - e.from[0]) * t + e.off[0], e.from[1] + (e.to[1] - e.from[1]) * t + e.off[1]];
        if (p[0] < 1 || p[0] > DEMO_WIDTH - 1) continue;
        add(p, species, e.street);
      }
    }
  }
  for (let x = 6; x < DEMO_WIDTH - 4; x += 12) add([x, 34], STREET_SPECIES['Am Mühlenkanal'], 'Am Mühlenkanal');
  const park = blocks.find((b) => b.use === 'park');
  if (park) {
    const playground = densifyPlanRing(playgroundShape(park.rect).playground);
    const inner = rectRing({ x0: park.rect.x0 + 4, y0: park.rect.y0 + 4, x1: park.rect.x1 - 4, y1: park.rect.y1 - 4 });
    const placed: Xy[] = [];
    for (let tries = 0; placed.length < 36 && tries < 2000; tries++) {
      const p: Xy = [rng.range(park.rect.x0 + 4, park.rect.x1 - 4), rng.range(park.rect.y0 + 4, park.rect.y1 - 4)];
      if (!pointInRing(p, inner) || pointInRing(p, playground) || distanceToRing(p, playground) < 4) continue;
      if (placed.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 9)) continue;
      placed.push(p);
      add(p, rng.pick(SPECIES));
    }
  }
  return trees;
}

/** The public playground in the park, the school yard and a courtyard playground in block A2. */
export function playgrounds(blocks: DemoBlock[]): DemoPlayground[] {
  const out: DemoPlayground[] = [];
  const park = blocks.find((b) => b.use === 'park');
  if (park) out.push({ id: 'DEMO_SPIEL_1', name: 'Spielplatz Mühlenpark', kind: 'öffentlicher Spielplatz', ring: densifyPlanRing(playgroundShape(park.rect).playground), ageGroup: '0–12 Jahre' });
  const school = blocks.find((b) => b.use === 'school');
  if (school) {
    const { x0, y0 } = school.rect;
    out.push({ id: 'DEMO_SPIEL_2', name: 'Schulhof Lindenallee', kind: 'Schulhof (nachmittags geöffnet)', ring: rectRing({ x0: x0 + 35, y0: y0 + 35, x1: x0 + 90, y1: y0 + 85 }), ageGroup: '6–14 Jahre' });
  }
  const a2 = blocks.find((b) => b.id === 'A2');
  if (a2) {
    const cx = (a2.rect.x0 + a2.rect.x1) / 2, cy = (a2.rect.y0 + a2.rect.y1) / 2;
    out.push({ id: 'DEMO_SPIEL_3', name: 'Hofspielplatz Lindenallee', kind: 'Spielplatz im Innenhof', ring: rectRing({ x0: cx - 10, y0: cy - 8, x1: cx + 10, y1: cy + 8 }), ageGroup: '0–6 Jahre' });
  }
  return out;
}

/** An Überschwemmungsgebiet along the canal: water, promenade and the first metres of the southern blocks. */
export function floodZone(): Xy[] {
  const ring: Xy[] = [[0, 0], [DEMO_WIDTH, 0]];
  for (let x = DEMO_WIDTH; x >= 0; x -= 20) ring.push([x, Math.round((64 + 7 * Math.sin(x / 45) + 3 * Math.cos(x / 17)) * 100) / 100]);
  return ring;
}

/** Numbers houses per street: odd on the left-hand side (walking east or north), even on the right. */
export function numberHouses(buildings: DemoBuilding[]): void {
  const byStreetSide = new Map<string, DemoBuilding[]>();
  for (const b of buildings) {
    if (!b.frontage) continue;
    const key = `${b.frontage.street}|${b.frontage.side}`;
    byStreetSide.set(key, [...(byStreetSide.get(key) ?? []), b]);
  }
  for (const [key, list] of [...byStreetSide].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.frontage!.along - b.frontage!.along);
    const odd = key.endsWith('|left');
    list.forEach((b, i) => {
      b.street = b.frontage!.street;
      b.houseNumber = String(odd ? 2 * i + 1 : 2 * i + 2);
    });
  }
}
