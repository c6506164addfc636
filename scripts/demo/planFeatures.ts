import type { DemoBlock, DemoStreet, PlanArea, PlanLine, PlanVertex, Rect, Xy } from './DemoDistrict';
import type { BlockContent } from './placeBuildings';
import type { Random } from './random';
import { ZONES, TOWER_ZONE_SIZE } from './zoning';
import { rectRing } from './ringMath';
import { DEMO_HEIGHT, DEMO_WIDTH, WATER } from './streetLayout';

const v = (ring: Xy[]): PlanVertex[] => ring.map((p) => ({ p }));

/**
 * The playground in the south-west corner of the park block, bounded by a
 * quarter circle (radius 22 m) towards the park: the one curved (gml:Arc)
 * edge of the plan. Returned as the playground's ring; the park uses the
 * same arc reversed.
 */
export function playgroundShape(park: Rect): { playground: PlanVertex[]; park: PlanVertex[] } {
  const { x0, y0, x1, y1 } = park;
  const cx = x0 + 26, cy = y0 + 24, r = 22;
  const mid: Xy = [round3(cx + r * Math.SQRT1_2), round3(cy + r * Math.SQRT1_2)];
  const playground: PlanVertex[] = [
    { p: [x0, y0] }, { p: [cx + r, y0] }, { p: [cx + r, cy], arcMid: mid }, { p: [cx, cy + r] }, { p: [x0, cy + r] },
  ];
  const parkRing: PlanVertex[] = [
    { p: [cx + r, y0] }, { p: [x1, y0] }, { p: [x1, y1] }, { p: [x0, y1] }, { p: [x0, cy + r] }, { p: [cx, cy + r], arcMid: mid }, { p: [cx + r, cy] },
  ];
  return { playground, park: parkRing };
}

/**
 * All plan objects: Baugebiete per block (block C1 split into MU 2 and the
 * tower's MU 3), the school's Gemeinbedarfsfläche, park and playground,
 * street areas, the canal, the überbaubare Flächen with their Baugrenzen.
 * The flaechenschluss areas tile the plan boundary without gaps.
 */
export function planFeatures(rng: Random, blocks: DemoBlock[], streets: DemoStreet[], contents: Map<string, BlockContent>): { areas: PlanArea[]; lines: PlanLine[]; boundary: Xy[] } {
  const id = () => `GML_${rng.uuid().toLowerCase()}`;
  const areas: PlanArea[] = [];
  const lines: PlanLine[] = [];
  for (const b of blocks) {
    const { x0, y0, x1, y1 } = b.rect;
    if (b.use === 'park') {
      const shape = playgroundShape(b.rect);
      areas.push({ id: id(), featureClass: 'BP_GruenFlaeche', label: 'Parkanlage', name: 'Mühlenpark', exterior: shape.park, zweckbestimmung: ['1000'], nutzungsform: '2000', flaechenschluss: true, blockId: b.id });
      areas.push({ id: id(), featureClass: 'BP_GruenFlaeche', label: 'Spielplatz', name: 'Spielplatz Mühlenpark', exterior: shape.playground, zweckbestimmung: ['1600'], nutzungsform: '2000', flaechenschluss: true, blockId: b.id });
      continue;
    }
    const z = ZONES[b.id];
    const base = { featureClass: z.featureClass, label: z.label, allgArt: z.allgArt, besondereArt: z.besondereArt, grz: z.grz, gfz: z.gfz, zmax: z.zmax, height: z.height, bauweise: z.bauweise, bebauungsArt: z.bebauungsArt, zweckbestimmung: z.zweckbestimmung, flaechenschluss: true, blockId: b.id };
    if (b.use === 'campus') {
      const t = TOWER_ZONE_SIZE;
      areas.push({ ...base, id: id(), exterior: v([[x0, y0], [x1 - t, y0], [x1 - t, y0 + t], [x1, y0 + t], [x1, y1], [x0, y1]]) });
      const tz = ZONES.C1T;
      areas.push({ ...base, id: id(), label: tz.label, grz: tz.grz, gfz: tz.gfz, zmax: tz.zmax, height: tz.height, bauweise: tz.bauweise, exterior: v(rectRing({ x0: x1 - t, y0, x1, y1: y0 + t })) });
    } else {
      areas.push({ ...base, id: id(), exterior: v(rectRing(b.rect)) });
    }
    for (const w of contents.get(b.id)?.windows ?? []) {
      areas.push({ id: id(), featureClass: 'BP_UeberbaubareGrundstuecksFlaeche', label: 'Baufenster', exterior: v(w.exterior), holes: w.hole ? [w.hole] : undefined, flaechenschluss: false, blockId: b.id });
      lines.push({ id: id(), featureClass: 'BP_BauGrenze', points: [...w.exterior, w.exterior[0]], blockId: b.id });
      if (w.hole) lines.push({ id: id(), featureClass: 'BP_BauGrenze', points: [...w.hole, w.hole[0]], blockId: b.id });
    }
  }
  for (const s of streets) {
    areas.push({ id: id(), featureClass: 'BP_StrassenVerkehrsFlaeche', label: 'Straßenverkehrsfläche', name: s.name, exterior: v(rectRing(s.rect)), nutzungsform: '2000', flaechenschluss: true });
  }
  areas.push({ id: id(), featureClass: 'SO_Gewaesser', label: 'Wasserfläche', name: WATER.name, exterior: v(rectRing(WATER.rect)), zweckbestimmung: ['1300'], flaechenschluss: true });
  return { areas, lines, boundary: rectRing({ x0: 0, y0: 0, x1: DEMO_WIDTH, y1: DEMO_HEIGHT }) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
