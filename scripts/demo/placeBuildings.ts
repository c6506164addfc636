import type { DemoBlock, DemoBuilding, DemoLot, Rect, RoofKind, Xy } from './DemoDistrict';
import type { Random } from './random';
import { terrainHeight } from './streetLayout';
import { ZONES, TOWER_ZONE_SIZE, allowedHeightAboveGround, type ZoneSpec } from './zoning';
import { rectRing } from './ringMath';

/** Buildings, parcels and the windows (überbaubare Flächen) of one block. */
export interface BlockContent {
  buildings: DemoBuilding[];
  lots: DemoLot[];
  /** Überbaubare Grundstücksflächen: exterior ring plus optional hole. */
  windows: { exterior: Xy[]; hole?: Xy[] }[];
}

const FN = {
  residential: '31001_1000',
  house: '31001_1010',
  residentialCommercial: '31001_1120',
  commercial: '31001_2000',
  office: '31001_2020',
  warehouse: '31001_2143',
  garage: '31001_2463',
  public: '31001_3000',
  school: '31001_3021',
  gym: '31001_3211',
} as const;

interface BuildingSpec {
  footprint: Xy[];
  roof: RoofKind;
  storeys: number;
  storeyHeightM: number;
  /** Plinth / parapet / raised ground floor added to the storeys. */
  extraM: number;
  pitchDeg?: number;
  functionCode: string;
  lotId: string;
  frontage?: DemoBuilding['frontage'];
  /** Deliberate violation: what it breaks (recorded on the building). */
  violation?: string;
  /** Keep storeys and heights even above the zone's limits (height violations). */
  keepHeight?: boolean;
  zone?: ZoneSpec;
}

/** Context shared while filling the blocks. */
export class BlockBuilder {
  private buildingCount = 0;
  private lotCount = 0;

  constructor(private readonly rng: Random) {}

  nextLotId(): string {
    return `DEMO_FS_${String(++this.lotCount).padStart(4, '0')}`;
  }

  /**
   * A building from a spec: heights from storeys, roof pitch, and, unless it
   * is a deliberate height violation, lowered (flatter roof, then fewer storeys)
   * until it fits the zone's storey and height limits with 0.3 m to spare.
   */
  make(block: DemoBlock, s: BuildingSpec): DemoBuilding {
    const c = centroid(s.footprint);
    const groundHeightM = round2(terrainHeight(c[0], c[1]));
    let storeys = s.storeys;
    let roof = s.roof;
    let pitch = s.pitchDeg ?? 35;
    const depth = s.footprint.length === 4 ? Math.hypot(s.footprint[2][0] - s.footprint[1][0], s.footprint[2][1] - s.footprint[1][1]) : 0;
    const heights = () => {
      const eave = round2(s.extraM + storeys * s.storeyHeightM);
      const rise = roof === 'flat' ? 0 : roof === 'shed' ? depth * Math.tan((pitch * Math.PI) / 180) : (depth / 2) * Math.tan((pitch * Math.PI) / 180);
      return { eave, ridge: round2(eave + rise) };
    };
    let h = heights();
    if (!s.keepHeight && s.zone) {
      storeys = Math.min(storeys, s.zone.zmax);
      const limit = allowedHeightAboveGround(s.zone.height, groundHeightM) - 0.3;
      h = heights();
      while (h.ridge > limit && roof !== 'flat' && pitch > 15) {
        pitch -= 2;
        h = heights();
      }
      if (h.ridge > limit && roof !== 'flat') {
        roof = 'flat';
        h = heights();
      }
      while (h.ridge > limit && storeys > 1) {
        storeys--;
        h = heights();
      }
    }
    return {
      id: `DEMO_BLDG_${String(++this.buildingCount).padStart(4, '0')}`,
      blockId: block.id,
      lotId: s.lotId,
      footprint: s.footprint.map(([x, y]) => [round2(x), round2(y)] as Xy),
      roof,
      storeys,
      eaveHeightM: h.eave,
      ridgeHeightM: h.ridge,
      groundHeightM,
      functionCode: s.functionCode,
      frontage: s.frontage,
      violation: s.violation,
    };
  }

  get random(): Random {
    return this.rng;
  }
}

/** Axis-parallel rectangle as a counter-clockwise footprint whose first edge runs along x or y (the ridge). */
export function rectFootprint(r: Rect, ridge: 'x' | 'y'): Xy[] {
  return ridge === 'x'
    ? [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]]
    : [[r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1], [r.x0, r.y0]];
}

/** Splits `length` into pieces between min and max (the last ones evened out). */
function split(rng: Random, length: number, min: number, max: number): number[] {
  const parts: number[] = [];
  let left = length;
  while (left > max) {
    const w = round2(rng.range(min, max));
    if (left - w < min) break;
    parts.push(w);
    left = round2(left - w);
  }
  if (left > max) {
    const half = round2(left / 2);
    parts.push(half, round2(left - half));
  } else parts.push(left);
  return parts;
}

function cumulative(start: number, parts: number[]): number[] {
  const out = [start];
  for (const p of parts) out.push(round2(out[out.length - 1] + p));
  return out;
}

const FRONT = (street: string, along: number, side: 'left' | 'right') => ({ street, along: round2(along), side });

/**
 * A closed perimeter block (Blockrand): buildings 10–17 m wide along all four
 * streets, 1 m behind the block edge, shared side walls. South/north buildings
 * own the corners. Parcels: the west/east strips per building; the south and
 * north parcels reach to the middle of the courtyard.
 */
export function perimeterBlock(
  bb: BlockBuilder,
  block: DemoBlock,
  o: {
    depth: number; storeys: [number, number]; storeyHeightM: number; extraM: number; roofs: [RoofKind, number][]; functions: [string, number][];
    /** Deliberate violations: the building at `index` of a run gets 7 storeys or reaches 21 m deep into the courtyard. */
    violations?: { side: 's' | 'n'; index: number; kind: 'tooHigh' | 'tooDeep' }[];
  },
): BlockContent {
  const rng = bb.random;
  const zone = ZONES[block.id];
  const { x0, y0, x1, y1 } = block.rect;
  const d = o.depth;
  const ym = round2((y0 + y1) / 2);
  const wx = round2(x0 + 1 + d + 10), ex = round2(x1 - 1 - d - 10);
  const buildings: DemoBuilding[] = [];
  const lots: DemoLot[] = [];
  const mk = (fp: Xy[], lotId: string, frontage: DemoBuilding['frontage'], violation?: 'tooHigh' | 'tooDeep') => {
    const roof = rng.weighted(o.roofs);
    const storeys = rng.int(o.storeys[0], o.storeys[1]);
    return bb.make(block, {
      footprint: fp, roof: violation === 'tooHigh' ? 'flat' : roof, storeys: violation === 'tooHigh' ? 7 : storeys,
      storeyHeightM: round2(o.storeyHeightM + rng.range(-0.15, 0.15)), extraM: o.extraM, pitchDeg: rng.range(28, 42),
      functionCode: rng.weighted(o.functions), lotId, frontage, zone, keepHeight: violation === 'tooHigh',
      violation: violation === 'tooHigh' ? `${zone.label}: 7 storeys (Z max ${zone.zmax}), higher than ${zone.height.hMax} m`
        : violation === 'tooDeep' ? `${zone.label}: rear extension 21 m deep crosses the Baugrenze towards the courtyard` : undefined,
    });
  };
  // South and north runs (x from x0+1 to x1-1).
  for (const side of ['s', 'n'] as const) {
    const xs = cumulative(x0 + 1, split(rng, round2(x1 - x0 - 2), 10, 17));
    for (let i = 0; i < xs.length - 1; i++) {
      const a = xs[i], b = xs[i + 1];
      const v = o.violations?.find((q) => q.side === side && q.index === i)?.kind;
      const dd = v === 'tooDeep' ? 21 : d;
      const r: Rect = side === 's' ? { x0: a, y0: y0 + 1, x1: b, y1: y0 + 1 + dd } : { x0: a, y0: y1 - 1 - dd, x1: b, y1: y1 - 1 };
      const lotId = bb.nextLotId();
      const la = i === 0 ? x0 : a, lb = i === xs.length - 2 ? x1 : b;
      lots.push({ id: lotId, blockId: block.id, ring: profileLot(la, lb, side === 's' ? y0 : y1, y0 + 1 + d - y0, ym - y0, wx, ex, side), use: 'Wohnbaufläche' });
      const fp = side === 's' ? rectFootprint(r, 'x') : rotateStart(rectFootprint(r, 'x'), 2);
      buildings.push(mk(fp, lotId, FRONT(side === 's' ? block.streets.s : block.streets.n, (a + b) / 2, side === 's' ? 'left' : 'right'), v));
    }
  }
  // West and east runs between the corner buildings.
  for (const side of ['w', 'e'] as const) {
    const ys = cumulative(y0 + 1 + d, split(rng, round2(y1 - y0 - 2 - 2 * d), 10, 17));
    for (let i = 0; i < ys.length - 1; i++) {
      const a = ys[i], b = ys[i + 1];
      const r: Rect = side === 'w' ? { x0: x0 + 1, y0: a, x1: x0 + 1 + d, y1: b } : { x0: x1 - 1 - d, y0: a, x1: x1 - 1, y1: b };
      const lotId = bb.nextLotId();
      const lr: Rect = side === 'w' ? { x0, y0: a, x1: wx, y1: b } : { x0: ex, y0: a, x1, y1: b };
      lots.push({ id: lotId, blockId: block.id, ring: rectRing(lr), use: 'Wohnbaufläche' });
      const fp = side === 'w' ? rotateStart(rectFootprint(r, 'y'), 2) : rectFootprint(r, 'y');
      buildings.push(mk(fp, lotId, FRONT(side === 'w' ? block.streets.w : block.streets.e, (a + b) / 2, side === 'w' ? 'right' : 'left')));
    }
  }
  const outer = rectRing({ x0: x0 + 0.5, y0: y0 + 0.5, x1: x1 - 0.5, y1: y1 - 0.5 });
  const inner = rectRing({ x0: x0 + 2.5 + d, y0: y0 + 2.5 + d, x1: x1 - 2.5 - d, y1: y1 - 2.5 - d }).reverse();
  return { buildings, lots, windows: [{ exterior: outer, hole: inner }] };
}

/**
 * A south (or, mirrored, north) parcel of a perimeter block from x = a to b:
 * `fullDepth` deep in the middle, only `stripDepth` where the west/east strip
 * parcels (x < wx, x > ex) take over. Counter-clockwise.
 */
function profileLot(a: number, b: number, base: number, stripDepth: number, fullDepth: number, wx: number, ex: number, side: 's' | 'n'): Xy[] {
  const depthAt = (x: number) => (x < wx || x > ex ? stripDepth : fullDepth);
  const cuts = [b, ...[ex, wx].filter((x) => x > a + 1e-6 && x < b - 1e-6), a];
  const top: Xy[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const dd = depthAt((cuts[i] + cuts[i + 1]) / 2);
    top.push([cuts[i], dd], [cuts[i + 1], dd]);
  }
  const start: Xy[] = [[a, 0], [b, 0]];
  const local = [...start, ...top].filter((p, i, arr) => i === 0 || p[0] !== arr[i - 1][0] || p[1] !== arr[i - 1][1]);
  if (side === 's') return local.map(([x, y]) => [x, round2(base + y)] as Xy);
  // Mirror in y; reversing keeps the ring counter-clockwise.
  return local.map(([x, y]) => [x, round2(base - y)] as Xy).reverse();
}

/** Rotates a ring so that it starts at index k (keeps orientation; picks which edge is "first"). */
function rotateStart(ring: Xy[], k: number): Xy[] {
  return [...ring.slice(k), ...ring.slice(0, k)];
}

/** Row houses in groups of 4–6, two rows facing the south and north streets; gardens behind. */
export function rowHouseBlock(bb: BlockBuilder, block: DemoBlock): BlockContent {
  const rng = bb.random;
  const zone = ZONES[block.id];
  const { x0, y0, x1, y1 } = block.rect;
  const ym = round2((y0 + y1) / 2);
  const buildings: DemoBuilding[] = [];
  const lots: DemoLot[] = [];
  for (const side of ['s', 'n'] as const) {
    // Houses as [xStart, xEnd, groupIndex]; then lots split the gaps.
    const houses: { a: number; b: number; g: number }[] = [];
    let x = x0 + 3, g = 0;
    const groups: { roof: RoofKind; pitch: number; w: number }[] = [];
    while (true) {
      const w = round2(rng.range(5.8, 6.5));
      let n = rng.int(4, 6);
      while (n > 2 && x + n * w > x1 - 3) n--;
      if (x + n * w > x1 - 3 || n < 3) break;
      groups.push({ roof: rng.weighted([['gabled', 7], ['shed', 1.5], ['flat', 1.5]] as [RoofKind, number][]), pitch: rng.range(35, 45), w });
      for (let k = 0; k < n; k++) houses.push({ a: round2(x + k * w), b: round2(x + (k + 1) * w), g });
      x = round2(x + n * w + rng.range(4, 6));
      g++;
    }
    houses.forEach((h, i) => {
      const la = i === 0 ? x0 : round2((houses[i - 1].b + h.a) / 2);
      const lb = i === houses.length - 1 ? x1 : round2((h.b + houses[i + 1].a) / 2);
      const lotId = bb.nextLotId();
      lots.push({ id: lotId, blockId: block.id, ring: rectRing(side === 's' ? { x0: la, y0, x1: lb, y1: ym } : { x0: la, y0: ym, x1: lb, y1 }), use: 'Wohnbaufläche' });
      const r: Rect = side === 's' ? { x0: h.a, y0: y0 + 5, x1: h.b, y1: y0 + 15 } : { x0: h.a, y0: y1 - 15, x1: h.b, y1: y1 - 5 };
      const grp = groups[h.g];
      // Shed roofs rise towards the garden; p0→p1 is the low eave on the street side.
      const fp = side === 's' ? rectFootprint(r, 'x') : rotateStart(rectFootprint(r, 'x'), 2);
      buildings.push(bb.make(block, {
        footprint: fp, roof: grp.roof, storeys: 2, storeyHeightM: 2.8, extraM: 0.4, pitchDeg: grp.roof === 'shed' ? 12 : grp.pitch,
        functionCode: FN.house, lotId, frontage: FRONT(side === 's' ? block.streets.s : block.streets.n, (h.a + h.b) / 2, side === 's' ? 'left' : 'right'), zone,
      }));
    });
  }
  const windows = [
    { exterior: rectRing({ x0: x0 + 2, y0: y0 + 4, x1: x1 - 2, y1: y0 + 17 }) },
    { exterior: rectRing({ x0: x0 + 2, y0: y1 - 17, x1: x1 - 2, y1: y1 - 4 }) },
  ];
  return { buildings, lots, windows };
}

/**
 * Detached villas (Einzelhäuser) on lots about 20–30 m wide along the south
 * and north streets, some with a garage. `violations` picks lots (by side and
 * index) that get an oversized or too tall house.
 */
export function villaBlock(bb: BlockBuilder, block: DemoBlock, lotWidth: number, violations: { side: 's' | 'n'; index: number; kind: 'tooHigh' | 'tooDense' }[] = []): BlockContent {
  const rng = bb.random;
  const zone = ZONES[block.id];
  const { x0, y0, x1, y1 } = block.rect;
  const ym = round2((y0 + y1) / 2);
  const buildings: DemoBuilding[] = [];
  const lots: DemoLot[] = [];
  const n = Math.floor((x1 - x0) / lotWidth);
  const w = (x1 - x0) / n;
  for (const side of ['s', 'n'] as const) {
    for (let i = 0; i < n; i++) {
      const la = round2(x0 + i * w), lb = i === n - 1 ? x1 : round2(x0 + (i + 1) * w);
      const lotId = bb.nextLotId();
      lots.push({ id: lotId, blockId: block.id, ring: rectRing(side === 's' ? { x0: la, y0, x1: lb, y1: ym } : { x0: la, y0: ym, x1: lb, y1 }), use: 'Wohnbaufläche' });
      const v = violations.find((q) => q.side === side && q.index === i);
      const big = v?.kind === 'tooDense';
      // The oversized house fills its narrow lot almost to the neighbours (GRZ ≈ 0.21 > 0.2).
      const vw = big ? 16.5 : round2(rng.range(10.5, Math.min(14, lb - la - 9))), vd = big ? 15.5 : round2(rng.range(9, 11.5));
      const front = big ? 5 : round2(rng.range(6, 8));
      const hx = big ? round2(la + (lb - la - vw) / 2) : round2(la + 4 + rng.range(0, lb - la - 8 - vw));
      const r: Rect = side === 's' ? { x0: hx, y0: y0 + front, x1: hx + vw, y1: y0 + front + vd } : { x0: hx, y0: y1 - front - vd, x1: hx + vw, y1: y1 - front };
      const roof: RoofKind = v?.kind === 'tooHigh' ? 'hipped' : rng.weighted([['hipped', 5.5], ['gabled', 3], ['flat', 1.5]] as [RoofKind, number][]);
      const fp = side === 's' ? rectFootprint(r, 'x') : rotateStart(rectFootprint(r, 'x'), 2);
      const frontage = FRONT(side === 's' ? block.streets.s : block.streets.n, (r.x0 + r.x1) / 2, side === 's' ? 'left' : 'right');
      buildings.push(bb.make(block, {
        footprint: fp, roof, storeys: v?.kind === 'tooHigh' ? 3 : rng.weighted([[2, 8], [1, 2]] as [number, number][]), storeyHeightM: 2.9, extraM: 0.5,
        pitchDeg: v?.kind === 'tooHigh' ? 38 : big ? 25 : rng.range(28, 40), functionCode: FN.house, lotId, frontage, zone, keepHeight: v?.kind === 'tooHigh',
        violation: v?.kind === 'tooHigh' ? `${zone.label}: 3 storeys (Z max ${zone.zmax}) and ridge above ${zone.height.hMax} m` : v?.kind === 'tooDense' ? `${zone.label}: lot coverage above GRZ ${zone.grz}` : undefined,
      }));
      // A garage beside the house, on the larger side.
      if (!big && rng.chance(0.5)) {
        const gw = 3.5, gx = r.x1 + 1.5;
        if (gx + gw <= lb - 2) {
          const gr: Rect = side === 's' ? { x0: gx, y0: r.y0, x1: gx + gw, y1: r.y0 + 6 } : { x0: gx, y0: r.y1 - 6, x1: gx + gw, y1: r.y1 };
          const gfp = side === 's' ? rectFootprint(gr, 'x') : rotateStart(rectFootprint(gr, 'x'), 2);
          buildings.push(bb.make(block, {
            footprint: gfp, roof: rng.chance(0.5) ? 'shed' : 'flat', storeys: 1, storeyHeightM: 2.6, extraM: 0, pitchDeg: 5, functionCode: FN.garage, lotId, zone,
          }));
        }
      }
    }
  }
  const windows = [
    { exterior: rectRing({ x0: x0 + 3, y0: y0 + 4, x1: x1 - 3, y1: y0 + 22 }) },
    { exterior: rectRing({ x0: x0 + 3, y0: y1 - 22, x1: x1 - 3, y1: y1 - 4 }) },
  ];
  return { buildings, lots, windows };
}

/** Block B1: commercial halls (shed, flat, gabled), an office building and a gatehouse; densely built on purpose. */
export function commercialBlock(bb: BlockBuilder, block: DemoBlock): BlockContent {
  const zone = ZONES[block.id];
  const { x0, y0, x1, y1 } = block.rect;
  const lots: DemoLot[] = [];
  const lotA = bb.nextLotId(), lotB = bb.nextLotId(), lotC = bb.nextLotId();
  lots.push({ id: lotA, blockId: block.id, ring: rectRing({ x0, y0, x1, y1: y0 + 25 }), use: 'Industrie- und Gewerbefläche' });
  lots.push({ id: lotB, blockId: block.id, ring: rectRing({ x0, y0: y0 + 25, x1, y1: y0 + 85 }), use: 'Industrie- und Gewerbefläche' });
  lots.push({ id: lotC, blockId: block.id, ring: rectRing({ x0, y0: y0 + 85, x1, y1 }), use: 'Industrie- und Gewerbefläche' });
  const dense = `${zone.label}: GRZ ${zone.grz} exceeded by the whole zone (halls cover about 0.63)`;
  const b = (r: Rect, ridge: 'x' | 'y', roof: RoofKind, storeys: number, sh: number, extra: number, pitch: number, fn: string, lotId: string, frontage?: DemoBuilding['frontage'], violation?: string) =>
    bb.make(block, { footprint: rectFootprint(r, ridge), roof, storeys, storeyHeightM: sh, extraM: extra, pitchDeg: pitch, functionCode: fn, lotId, frontage, zone, violation });
  const buildings = [
    b({ x0: x0 + 5, y0: y0 + 5, x1: x0 + 45, y1: y0 + 19 }, 'x', 'flat', 4, 3.5, 0.8, 0, FN.office, lotA, FRONT(block.streets.s, x0 + 25, 'left')),
    b({ x0: x0 + 45, y0: y0 + 5, x1: x0 + 85, y1: y0 + 19 }, 'x', 'flat', 3, 3.5, 0.8, 0, FN.office, lotA, FRONT(block.streets.s, x0 + 65, 'left')),
    b({ x0: x0 + 100, y0: y0 + 5, x1: x0 + 110, y1: y0 + 12 }, 'x', 'flat', 1, 3, 0.3, 0, FN.commercial, lotA, FRONT(block.streets.s, x0 + 105, 'left')),
    b({ x0: x0 + 5, y0: y0 + 30, x1: x0 + 125, y1: y0 + 80 }, 'x', 'shed', 1, 9, 0, 3.4, FN.warehouse, lotB, undefined, dense),
    b({ x0: x0 + 5, y0: y0 + 90, x1: x0 + 105, y1: y0 + 140 }, 'x', 'flat', 1, 10, 0, 0, FN.warehouse, lotC, undefined, dense),
    b({ x0: x0 + 110, y0: y0 + 90, x1: x0 + 143, y1: y0 + 140 }, 'y', 'gabled', 1, 8, 0, 12, FN.commercial, lotC, FRONT(block.streets.e, y0 + 115, 'left'), dense),
  ];
  return { buildings, lots, windows: [{ exterior: rectRing({ x0: x0 + 3, y0: y0 + 3, x1: x1 - 3, y1: y1 - 3 }) }] };
}

/** Block C1: free-standing office/residential slabs around a green court, and a 15-storey tower in the south-east corner. */
export function campusBlock(bb: BlockBuilder, block: DemoBlock): BlockContent {
  const rng = bb.random;
  const zone = ZONES.C1, towerZone = ZONES.C1T;
  const { x0, y0, x1, y1 } = block.rect;
  const t = TOWER_ZONE_SIZE;
  const lotMain = bb.nextLotId(), lotTower = bb.nextLotId();
  const lots: DemoLot[] = [
    { id: lotMain, blockId: block.id, ring: [[x0, y0], [x1 - t, y0], [x1 - t, y0 + t], [x1, y0 + t], [x1, y1], [x0, y1]], use: 'Fläche gemischter Nutzung' },
    { id: lotTower, blockId: block.id, ring: rectRing({ x0: x1 - t, y0, x1, y1: y0 + t }), use: 'Fläche gemischter Nutzung' },
  ];
  const buildings: DemoBuilding[] = [];
  const windows: BlockContent['windows'] = [];
  const slab = (r: Rect, along: 'x' | 'y', parts: number, frontage: (a: number, b: number) => DemoBuilding['frontage']) => {
    windows.push({ exterior: rectRing({ x0: r.x0 - 1, y0: r.y0 - 1, x1: r.x1 + 1, y1: r.y1 + 1 }) });
    const len = along === 'x' ? r.x1 - r.x0 : r.y1 - r.y0;
    for (let i = 0; i < parts; i++) {
      const a = round2((along === 'x' ? r.x0 : r.y0) + (len * i) / parts), b = round2((along === 'x' ? r.x0 : r.y0) + (len * (i + 1)) / parts);
      const pr: Rect = along === 'x' ? { ...r, x0: a, x1: b } : { ...r, y0: a, y1: b };
      buildings.push(bb.make(block, {
        footprint: rectFootprint(pr, along), roof: 'flat', storeys: rng.int(5, 6), storeyHeightM: 3.3, extraM: 0.9,
        functionCode: rng.chance(0.5) ? FN.office : FN.residentialCommercial, lotId: lotMain, frontage: frontage(a, b), zone,
      }));
    }
  };
  slab({ x0: x0 + 4, y0: y1 - 18, x1: x1 - 4, y1: y1 - 4 }, 'x', 3, (a, b) => FRONT(block.streets.n, (a + b) / 2, 'right'));
  slab({ x0: x0 + 4, y0: y0 + 4, x1: x0 + 18, y1: y1 - 24 }, 'y', 3, (a, b) => FRONT(block.streets.w, (a + b) / 2, 'right'));
  slab({ x0: x0 + 24, y0: y0 + 4, x1: x1 - t - 6, y1: y0 + 18 }, 'x', 2, (a, b) => FRONT(block.streets.s, (a + b) / 2, 'left'));
  const tr: Rect = { x0: x1 - 32, y0: y0 + 8, x1: x1 - 8, y1: y0 + 32 };
  windows.push({ exterior: rectRing({ x0: tr.x0 - 2, y0: tr.y0 - 2, x1: tr.x1 + 2, y1: tr.y1 + 2 }) });
  buildings.push(bb.make(block, {
    footprint: rectFootprint(tr, 'x'), roof: 'flat', storeys: 15, storeyHeightM: 3.2, extraM: 1.5, functionCode: FN.office, lotId: lotTower,
    frontage: FRONT(block.streets.s, (tr.x0 + tr.x1) / 2, 'left'), zone: towerZone,
  }));
  return { buildings, lots, windows };
}

/** Block B2: an L-shaped school, a gym and a single-storey pavilion; one parcel. */
export function schoolBlock(bb: BlockBuilder, block: DemoBlock): BlockContent {
  const zone = ZONES[block.id];
  const { x0, y0, x1 } = block.rect;
  const lotId = bb.nextLotId();
  const school: Xy[] = [[x0 + 10, y0 + 8], [x0 + 90, y0 + 8], [x0 + 90, y0 + 24], [x0 + 26, y0 + 24], [x0 + 26, y0 + 80], [x0 + 10, y0 + 80]];
  const buildings = [
    bb.make(block, { footprint: school, roof: 'flat', storeys: 3, storeyHeightM: 3.6, extraM: 0.8, functionCode: FN.school, lotId, frontage: FRONT(block.streets.s, x0 + 50, 'left'), zone }),
    bb.make(block, { footprint: rectFootprint({ x0: x0 + 100, y0: y0 + 60, x1: x0 + 140, y1: y0 + 88 }, 'x'), roof: 'flat', storeys: 1, storeyHeightM: 8.5, extraM: 0, functionCode: FN.gym, lotId, zone }),
    bb.make(block, { footprint: rectFootprint({ x0: x0 + 40, y0: y0 + 100, x1: x0 + 70, y1: y0 + 115 }, 'x'), roof: 'gabled', storeys: 1, storeyHeightM: 3.4, extraM: 0.5, pitchDeg: 25, functionCode: FN.public, lotId, zone }),
  ];
  return {
    buildings,
    lots: [{ id: lotId, blockId: block.id, ring: rectRing(block.rect), use: 'Fläche besonderer funktionaler Prägung' }],
    windows: [
      { exterior: rectRing({ x0: x0 + 6, y0: y0 + 4, x1: x1 - 4, y1: y0 + 92 }) },
      { exterior: rectRing({ x0: x0 + 30, y0: y0 + 96, x1: x0 + 80, y1: y0 + 120 }) },
    ],
  };
}

/** The park block: one parcel, no buildings. */
export function parkBlock(bb: BlockBuilder, block: DemoBlock): BlockContent {
  return { buildings: [], lots: [{ id: bb.nextLotId(), blockId: block.id, ring: rectRing(block.rect), use: 'Grünanlage' }], windows: [] };
}

export function centroid(ring: readonly Xy[]): Xy {
  let sx = 0, sy = 0;
  for (const [x, y] of ring) {
    sx += x;
    sy += y;
  }
  return [sx / ring.length, sy / ring.length];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
