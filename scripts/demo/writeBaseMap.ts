import type { DemoDistrict, Rect, Xy } from './DemoDistrict';

/** GeoJSON with the (pre-RFC 7946) `crs` member naming EPSG:25832, like the demo's other vector sources. */
const CRS_MEMBER = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
/** The base map reaches this far beyond the district, so its edge is not the edge of the plan. */
const MARGIN_M = 150;

/**
 * The demo's offline base map, one polygon layer drawn under the plan: land around the district, blocks (parks
 * green), streets and the canal, each with `kind` (land, block, park, street, water) for the base style, and
 * `label` on one segment per street name and on the canal (the viewer writes it on the map). EPSG:25832,
 * exterior rings counter-clockwise and closed.
 *
 * @example JSON.parse(writeBaseMap(generateDistrict())['basemap.geojson']).features.length
 */
export function writeBaseMap(d: DemoDistrict): { 'basemap.geojson': string } {
  const [ox, oy] = d.origin;
  const pos = (p: Xy) => [mm(p[0] + ox), mm(p[1] + oy)];
  const rect = (r: Rect) => ({ type: 'Polygon', coordinates: [[[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1], [r.x0, r.y0]].map((p) => pos(p as Xy))] });
  const feature = (id: string, kind: string, r: Rect, props: Record<string, unknown> = {}) => ({ type: 'Feature', id, properties: { id, kind, ...props }, geometry: rect(r) });
  const features: object[] = [feature('land', 'land', { x0: -MARGIN_M, y0: -MARGIN_M, x1: d.width + MARGIN_M, y1: d.height + MARGIN_M })];
  // The canal runs on beyond the district both ways.
  features.push(feature('water', 'water', { ...d.water.rect, x0: -MARGIN_M, x1: d.width + MARGIN_M }, { name: d.water.name, label: d.water.name }));
  for (const b of d.blocks) features.push(feature(`block-${b.id}`, b.use === 'park' ? 'park' : 'block', b.rect, { block: b.id }));
  // One label per street: west–east streets are one segment; south–north ones are labelled on their middle segment.
  const labelled = new Set<string>();
  const segments = [...d.streets].sort((a, b) => Number(b.id.endsWith('b')) - Number(a.id.endsWith('b')));
  const labelOf = new Map<string, string>();
  for (const s of segments) {
    if (labelled.has(s.name)) continue;
    labelled.add(s.name);
    labelOf.set(s.id, s.name);
  }
  for (const s of d.streets) features.push(feature(`street-${s.id}`, 'street', s.rect, { name: s.name, ...(labelOf.has(s.id) ? { label: s.name } : {}) }));
  return { 'basemap.geojson': JSON.stringify({ type: 'FeatureCollection', name: 'Stadtplan', crs: CRS_MEMBER, features }, null, 1) + '\n' };
}

function mm(v: number): number {
  return Math.round(v * 1000) / 1000;
}
