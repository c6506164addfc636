import type { SunDelta } from '../analysis/compare/compareVariants';
import type { SunHoursSummary } from '../analysis/sunHours/sunHoursAnalysis';
import type { LocalFrame } from '../crs/LocalFrame';
import type { ReportMap } from './ReportDocument';

type Raster = NonNullable<ReportMap['raster']>;

/** A feature's geometry in local metres (0.1 m), properties replaced. */
function toLocal(f: GeoJSON.Feature, frame: LocalFrame, properties: Record<string, unknown>): GeoJSON.Feature | undefined {
  const g = f.geometry;
  if (!g || !('coordinates' in g)) return undefined;
  const conv = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? frame.toLocal([c[0], c[1] as number]).map((v) => Math.round(v * 10) / 10) : (c as unknown[]).map(conv));
  return { type: 'Feature', geometry: { type: g.type, coordinates: conv(g.coordinates) } as GeoJSON.Geometry, properties };
}

/** A grid of values (NaN/building = null) reduced to at most `max` cells a side by block means. */
export function downsample(grid: { x0: number; y0: number; cellM: number; nx: number; ny: number }, value: (k: number) => number | null, max = 150): Raster {
  const f = Math.max(1, Math.ceil(Math.max(grid.nx, grid.ny) / max));
  const nx = Math.ceil(grid.nx / f), ny = Math.ceil(grid.ny / f);
  const values: (number | null)[] = new Array(nx * ny).fill(null);
  for (let J = 0; J < ny; J++)
    for (let I = 0; I < nx; I++) {
      let s = 0, n = 0;
      for (let j = J * f; j < Math.min(grid.ny, (J + 1) * f); j++)
        for (let i = I * f; i < Math.min(grid.nx, (I + 1) * f); i++) {
          const v = value(j * grid.nx + i);
          if (v !== null && Number.isFinite(v)) {
            s += v;
            n++;
          }
        }
      values[J * nx + I] = n ? Math.round((s / n) * 100) / 100 : null;
    }
  return { x0: grid.x0, y0: grid.y0, cellM: grid.cellM * f, nx, ny, values };
}

/**
 * The report's maps in the sun grid's local frame (metres, x east, y north):
 * the plan with the Baugebiete's lights, the sun-hours heat map, and the sun
 * change of the variant comparison. Drawn by the report's charts with a
 * legend and a scale bar.
 */
export function reportMaps(o: {
  frame: LocalFrame;
  area: GeoJSON.Geometry | null;
  zoning: GeoJSON.Feature[];
  lights: GeoJSON.FeatureCollection | undefined;
  buildings: GeoJSON.Feature[];
  zones: GeoJSON.Feature[];
  sun: Pick<SunHoursSummary, 'grid' | 'sunHours' | 'building'>;
  delta: SunDelta | undefined;
  facades: { lonLat: [number, number]; sunHours: number; meets: boolean }[];
}): ReportMap[] {
  const { frame } = o;
  const light = new Map((o.lights?.features ?? []).map((f) => [String(f.properties?.id), String(f.properties?.light)]));
  const shapes = (extra: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: [
      ...o.zoning.map((f) => toLocal(f, frame, { layer: 'baugebiet', light: light.get(String(f.properties?.id ?? f.id)) ?? 'none', label: String(f.properties?.gliederung1 ?? f.properties?.landUse ?? '') })),
      ...o.zones.map((f) => toLocal(f, frame, { layer: 'zone' })),
      ...o.buildings.map((f) => toLocal(f, frame, { layer: 'building' })),
      ...(o.area ? [toLocal({ type: 'Feature', geometry: o.area, properties: {} }, frame, { layer: 'area' })] : []),
      ...extra,
    ].filter((f): f is GeoJSON.Feature => !!f),
  });
  const g = o.sun.grid;
  const extent: [number, number, number, number] = [g.x0, g.y0, g.x0 + g.nx * g.cellM, g.y0 + g.ny * g.cellM];
  const facadePts = o.facades.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: frame.toLocal(p.lonLat).map((v) => Math.round(v * 10) / 10) }, properties: { layer: 'facade', meets: p.meets, sunHours: p.sunHours } }) as GeoJSON.Feature);
  const maps: ReportMap[] = [
    { id: 'plan', extent, shapes: shapes([]) },
  ];
  if (o.sun.sunHours.length) maps.push({ id: 'sunHours', extent, shapes: shapes(facadePts), raster: downsample(g, (k) => (o.sun.building[k] ? null : o.sun.sunHours[k])) });
  if (o.delta) {
    const d = o.delta, dg = d.grid;
    // The comparison's grid has its own frame: shift its cells into the report frame.
    const dx = dg.originX - frame.originX, dy = dg.originY - frame.originY;
    const r = downsample(dg, (k) => (Number.isFinite(d.deltaHours[k]) ? d.deltaHours[k] : null));
    maps.push({ id: 'delta', extent: [dg.x0 + dx, dg.y0 + dy, dg.x0 + dx + dg.nx * dg.cellM, dg.y0 + dy + dg.ny * dg.cellM], shapes: shapes([]), raster: { ...r, x0: r.x0 + dx, y0: r.y0 + dy } });
  }
  return maps;
}
