import { LocalFrame } from '../crs';
import type { BuildingCollection, BuildingFeature } from '../model/Building';
import { buildMassing } from '../massing/buildMassing';
import { openRing } from '../geometry/openRing';
import { ringCentroid, type XY } from '../geometry/ringCentroid';
import { eaveHeightM, totalHeightM, type ProposedBuilding, type Variant } from '../model/Scenario';

/** `source` of buildings that come from a scenario, so analyses and reports can tell them apart. */
export const PROPOSED_SOURCE = 'scenario';

/** ALKIS/CityGML roof type codes used by the city model (see Building.ts). */
const ROOF_CODES = { flat: ['1000', 'Flachdach'], shed: ['2100', 'Pultdach'], gabled: ['3100', 'Satteldach'], hipped: ['3200', 'Walmdach'] } as const;
/** ALKIS Gebäudefunktion codes closest to each use. */
const USE_CODES = {
  housing: ['31001_1000', 'Wohngebäude'],
  office: ['31001_2020', 'Bürogebäude'],
  retail: ['31001_2050', 'Geschäftsgebäude'],
  mixed: ['31001_1100', 'Gemischt genutztes Gebäude mit Wohnen'],
  community: ['31001_3000', 'Gebäude für öffentliche Zwecke'],
} as const;

/**
 * The city as a variant would make it: existing buildings minus the
 * variant's demolished ids, plus its proposed buildings as {@link BuildingFeature}s
 * (heights per Building.ts: `heightM` = ridge above ground, `eaveHeightM`,
 * `ridgeHeightM`, `storeysAboveGround`, LoD2-like `roofs` for pitched roofs).
 * `variant = null` means "Existing" and returns the input unchanged.
 * Pure; the input is not modified.
 *
 * @example
 * const city = effectiveBuildings(existing, activeVariant);
 * computeShadows(city, ...);
 */
export function effectiveBuildings(existing: BuildingCollection, variant: Pick<Variant, 'buildings' | 'demolishedIds'> | null | undefined): BuildingCollection {
  if (!variant) return existing;
  const demolished = new Set(variant.demolishedIds);
  const kept = demolished.size ? existing.features.filter((f) => !demolished.has(f.properties.id)) : existing.features.slice();
  const grounds = existing.features.length ? groundIndex(existing) : null;
  const added = variant.buildings.map((b) => proposedToFeature(b, b.groundHeightM ?? grounds?.(b.footprint) ?? 0));
  return { ...existing, features: [...kept, ...added] };
}

/** One proposed building as a city-model feature (WGS84 polygon, heights above ground). */
export function proposedToFeature(b: ProposedBuilding, groundHeightM: number): BuildingFeature {
  const frame = LocalFrame.around(b.footprint[0]);
  const eave = eaveHeightM(b);
  const height = totalHeightM(b);
  const pitched = b.roof.type !== 'flat' && b.roof.roofHeightM > 0;
  let roofs: [number, number, number][][] | undefined;
  if (pitched) {
    const m = buildMassing(b, frame);
    m.geometry.dispose();
    roofs = m.roofTriangles.map((tri) => {
      const ring = tri.map(([x, y, z]) => {
        const [lon, lat] = frame.toWgs84([x, y]);
        return [lon, lat, z] as [number, number, number];
      });
      return [...ring, ring[0]];
    });
  }
  return {
    type: 'Feature',
    id: b.id,
    geometry: { type: 'Polygon', coordinates: [b.footprint.map((p) => [p[0], p[1]])] },
    properties: {
      id: b.id,
      function: USE_CODES[b.use][0],
      functionLabel: USE_CODES[b.use][1],
      roofType: ROOF_CODES[b.roof.type][0],
      roofTypeLabel: ROOF_CODES[b.roof.type][1],
      groundHeightM,
      heightM: height,
      eaveHeightM: eave,
      ridgeHeightM: height,
      storeysAboveGround: b.storeys,
      source: PROPOSED_SOURCE,
      ...(roofs ? { roofs } : {}),
    },
  };
}

/** Ground height lookup: the `groundHeightM` of the existing building nearest to a footprint's centroid. */
function groundIndex(existing: BuildingCollection): (footprint: [number, number][]) => number | undefined {
  const frame = LocalFrame.around(firstPosition(existing.features[0]));
  const centres = existing.features.map((f) => {
    const outer = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
    return { c: ringCentroid(openRing(outer).map((p) => frame.toLocal(p) as XY)), g: f.properties.groundHeightM };
  });
  return (footprint) => {
    const c = ringCentroid(openRing(footprint).map((p) => frame.toLocal(p) as XY));
    let best: number | undefined;
    let bestD = Infinity;
    for (const e of centres) {
      if (!Number.isFinite(e.g)) continue;
      const d = (e.c[0] - c[0]) ** 2 + (e.c[1] - c[1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = e.g;
      }
    }
    return best;
  };
}

function firstPosition(f: BuildingFeature): number[] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates[0][0] : f.geometry.coordinates[0][0][0];
}
