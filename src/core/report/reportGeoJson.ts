import { signedRingArea } from '../geometry/signedRingArea';
import type { ComplianceRow } from './ReportDocument';

/** Rewinds a polygon ring to RFC 7946's right-hand rule: exterior counter-clockwise, holes clockwise (in lon/lat). */
function rewind(rings: GeoJSON.Position[][]): GeoJSON.Position[][] {
  return rings.map((r, i) => {
    const ccw = signedRingArea(r as [number, number][]) > 0;
    return (i === 0) === ccw ? r : [...r].reverse();
  });
}

/** A geometry with its polygon rings in right-hand-rule order (RFC 7946 §3.1.6). */
export function rightHandRule<G extends GeoJSON.Geometry | null>(g: G): G {
  if (!g) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: rewind(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(rewind) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => rightHandRule(x)) };
  return g;
}

const fc = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: features.map((f) => ({ ...f, geometry: rightHandRule(f.geometry) })) });

/**
 * The report's result layers as RFC 7946 GeoJSON (WGS84, right-hand rule):
 * the area, the Baugebiete with their compliance light and rules, the sun zones
 * with their statistics, the façade points with their hours, the overlaps.
 */
export function reportGeoJson(o: {
  area: GeoJSON.Geometry | null;
  areaLabel: string;
  lights: GeoJSON.FeatureCollection | undefined;
  compliance: ComplianceRow[];
  zones: { id: string; layerId: string; label: string; meanSunHours: number | null; shareAtLeast2h: number | null; shareAtLeast4h: number | null; groundAreaM2: number; feature?: GeoJSON.Feature }[];
  facades: { id: string; buildingId: string; lonLat: [number, number]; azimuthDeg: number; heightM: number; sunHours: number; meets: boolean }[];
  overlaps: { b: string; fc: GeoJSON.FeatureCollection }[];
}): Record<string, GeoJSON.FeatureCollection> {
  const rows = new Map(o.compliance.map((r) => [r.baugebietId, r]));
  const out: Record<string, GeoJSON.FeatureCollection> = {};
  if (o.area) out.area = fc([{ type: 'Feature', geometry: o.area, properties: { label: o.areaLabel } }]);
  if (o.lights)
    out.compliance = fc(
      o.lights.features.map((f) => {
        const r = rows.get(String(f.properties?.id));
        const rules = Object.fromEntries((r?.rules ?? []).flatMap((x) => [[`${x.rule}_value`, x.value], [`${x.rule}_limit`, x.limit], [`${x.rule}_status`, x.status]]));
        return { type: 'Feature', geometry: f.geometry, properties: { id: f.properties?.id, label: r?.label ?? '', light: f.properties?.light, ...rules } };
      }),
    );
  out.sunZones = fc(
    o.zones.filter((z) => z.feature).map((z) => ({ type: 'Feature', geometry: z.feature!.geometry, properties: { id: z.id, layerId: z.layerId, label: z.label, groundAreaM2: z.groundAreaM2, meanSunHours: z.meanSunHours, shareAtLeast2h: z.shareAtLeast2h, shareAtLeast4h: z.shareAtLeast4h } })),
  );
  out.facades = fc(o.facades.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p.lonLat }, properties: { id: p.id, buildingId: p.buildingId, azimuthDeg: p.azimuthDeg, heightM: p.heightM, sunHours: p.sunHours, meetsThreshold: p.meets } })));
  for (const x of o.overlaps) out[`overlaps-${x.b}`] = fc(x.fc.features);
  return out;
}
