import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingCollection, BuildingFeature } from '../../../src/core/model/Building';

export interface DistrictOptions {
  /** Centre of the district, [lon, lat]. */
  centre: [number, number];
  /** Side length of the square district, metres. */
  sizeM: number;
  /** Number of buildings (placed one per plot of a regular plot grid). */
  count: number;
  seed?: number;
  /** Share of LoD2 buildings with gabled roofs (default 0.3). */
  lod2Share?: number;
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated district for tests and benchmarks: rotated boxes, L-shapes
 * (non-convex), courtyard blocks (holes) and LoD2 gabled houses (`roofs`),
 * one per plot, never overlapping, heights 3–45 m. Output is a
 * `buildings.geojson`-shaped collection in WGS84.
 *
 * @example generateDistrict({ centre: [9.99, 53.55], sizeM: 1000, count: 10000 })
 */
export function generateDistrict(o: DistrictOptions): BuildingCollection {
  const rnd = mulberry32(o.seed ?? 1);
  const frame = LocalFrame.around(o.centre);
  const per = Math.ceil(Math.sqrt(o.count));
  const plot = o.sizeM / per;
  const lod2Share = o.lod2Share ?? 0.3;
  const features: BuildingFeature[] = [];
  const ll = (x: number, y: number): [number, number] => {
    const [lon, lat] = frame.toWgs84([x, y]);
    return [lon, lat];
  };
  for (let n = 0; n < o.count; n++) {
    const i = n % per, j = Math.floor(n / per);
    const cx = -o.sizeM / 2 + (i + 0.5) * plot, cy = -o.sizeM / 2 + (j + 0.5) * plot;
    // Keep every building inside its plot whatever its rotation: half-diagonal ≤ 0.42·plot.
    const maxHalf = 0.42 * plot;
    const w = (0.45 + 0.5 * rnd()) * maxHalf * 1.35;
    const d = (0.45 + 0.5 * rnd()) * maxHalf * 1.35;
    const s = maxHalf / Math.hypot(w / 2, d / 2);
    const hw = (w / 2) * Math.min(1, s), hd = (d / 2) * Math.min(1, s);
    const theta = rnd() * Math.PI;
    const cos = Math.cos(theta), sin = Math.sin(theta);
    const at = (u: number, v: number) => ll(cx + u * cos - v * sin, cy + u * sin + v * cos);
    const kind = rnd();
    const h = 3 + Math.floor(rnd() * 14) * 3 * (rnd() < 0.9 ? 0.6 : 1);
    const id = `gen_${n}`;
    const props = { id, groundHeightM: 10 + 5 * rnd(), heightM: h, source: 'generated', storeysAboveGround: Math.max(1, Math.round(h / 3)) };
    if (kind < lod2Share) {
      const eave = 3 + rnd() * 6, ridge = eave + 2 + rnd() * 5;
      const c = [at(-hw, -hd), at(hw, -hd), at(hw, hd), at(-hw, hd)];
      const r0 = at(-hw, 0), r1 = at(hw, 0);
      const z = (p: [number, number], hz: number): [number, number, number] => [p[0], p[1], hz];
      features.push({
        type: 'Feature',
        properties: {
          ...props,
          heightM: ridge,
          eaveHeightM: eave,
          ridgeHeightM: ridge,
          roofType: '3100',
          storeysAboveGround: Math.max(1, Math.round(eave / 3)),
          roofs: [
            [z(c[0], eave), z(c[1], eave), z(r1, ridge), z(r0, ridge), z(c[0], eave)],
            [z(r0, ridge), z(r1, ridge), z(c[2], eave), z(c[3], eave), z(r0, ridge)],
          ],
        },
        geometry: { type: 'Polygon', coordinates: [[c[0], c[1], c[2], c[3], c[0]]] },
      });
    } else if (kind < lod2Share + 0.15) {
      // L-shape: non-convex prism.
      const ring = [at(-hw, -hd), at(hw, -hd), at(hw, 0), at(0, 0), at(0, hd), at(-hw, hd)];
      features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
    } else if (kind < lod2Share + 0.22) {
      // Courtyard block: a hole.
      const outer = [at(-hw, -hd), at(hw, -hd), at(hw, hd), at(-hw, hd)];
      const ih = 0.45;
      const inner = [at(-hw * ih, -hd * ih), at(-hw * ih, hd * ih), at(hw * ih, hd * ih), at(hw * ih, -hd * ih)];
      features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[...outer, outer[0]], [...inner, inner[0]]] } });
    } else {
      const ring = [at(-hw, -hd), at(hw, -hd), at(hw, hd), at(-hw, hd)];
      features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
    }
  }
  return { type: 'FeatureCollection', features };
}
