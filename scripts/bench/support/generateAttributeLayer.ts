import { mulberry32 } from './generateDistrict';

/** Categories cycled over the generated features (land-use like codes, one with an umlaut). */
const CATEGORIES = ['WA', 'MI', 'GE', 'SO', 'Grünfläche'];

/**
 * A generated point layer for attribute-table tests and benchmarks: `n`
 * features in a square of `sizeM` around `centre` (WGS84), each with an id
 * (`G000001` …), a name, a category, a height (m), an area (m²), storeys, a
 * flag and, on every seventh feature, no note (empty cells). Deterministic
 * for a seed, so a test can compute its expectations from the same data.
 *
 * @example generateAttributeLayer({ n: 50_000, centre: [10.04, 53.55], sizeM: 2000 })
 */
export function generateAttributeLayer(o: { n: number; centre: [number, number]; sizeM: number; seed?: number }): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const rnd = mulberry32(o.seed ?? 7);
  const [lon0, lat0] = o.centre;
  const mPerDegLat = 111_195;
  const mPerDegLon = mPerDegLat * Math.cos((lat0 * Math.PI) / 180);
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (let i = 1; i <= o.n; i++) {
    const x = (rnd() - 0.5) * o.sizeM, y = (rnd() - 0.5) * o.sizeM;
    const id = `G${String(i).padStart(6, '0')}`;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [Number((lon0 + x / mPerDegLon).toFixed(7)), Number((lat0 + y / mPerDegLat).toFixed(7))] },
      properties: {
        name: `Objekt ${i}`,
        category: CATEGORIES[i % CATEGORIES.length],
        heightM: Math.round((3 + rnd() * 57) * 100) / 100,
        areaM2: Math.round(20 + rnd() * 2000),
        storeysAboveGround: 1 + Math.floor(rnd() * 12),
        checked: rnd() < 0.5,
        ...(i % 7 === 0 ? {} : { note: `Hinweis ${i % 97}` }),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
