import type { BuildingCollection } from '../../model/Building';
import type { AnalysisDescriptor, AnalysisTable, PrepareBuildings } from '../AnalysisDescriptor';
import type { CsvCell } from '../csvTable';
import { LocalFrame } from '../../crs/LocalFrame';
import { prepareBuildings } from '../prepareBuildings';
import { runSunHours, type SunHoursRequest, type SunHoursResponse } from '../runAnalysis';
import { runSteps } from '../runSteps';
import type { ZoneSunStats } from '../zoneSunStatistics';
import { footprintBbox } from './footprintBbox';

export interface SunHoursParams {
  /** Local date `YYYY-MM-DD` (see `analysisDate`). */
  date: string;
  cellM: number;
  stepMin: number;
  /** WGS84 [minLon, minLat, maxLon, maxLat]; default: the buildings' extent, at most 1.2 km across. */
  bbox?: [number, number, number, number];
  minAltitudeDeg?: number;
  /** CLI: property that groups the zones (the app groups by layer). */
  zoneGroupBy?: string;
  /** Hours a cell needs to pass: the threshold map and the passing share per zone (DIN 5034-1, DIN EN 17037). */
  thresholdHours?: number;
}

export interface SunHoursAnalysisRequest extends SunHoursRequest {
  /** Unique zone id → display name. */
  zoneLabels: Map<string, string>;
  prepare: PrepareBuildings;
}

/** Sun-hour statistics of one polygon of a zone layer (playgrounds, green spaces, parcels). */
export interface ZoneRow extends ZoneSunStats {
  /** Catalog layer id the polygon comes from. */
  layerId: string;
  /** Display name (the feature's name/label, else its id). */
  label: string;
}

/** Panel and map: the heat map and its statistics. */
export interface SunHoursSummary {
  kind: 'sunHours';
  grid: SunHoursResponse['grid'];
  sunHours: Float32Array;
  building: Uint8Array;
  stepCount: number;
  stepHours: number;
  meanSunHours: number;
  shareAtLeast2h: number;
  shareAtLeast4h: number;
  groundCells: number;
  /** Per-polygon statistics of the sun zones. */
  zones: ZoneRow[];
  /** The threshold of the run and the share of ground cells reaching it (threshold map). */
  thresholdHours?: number;
  shareAtLeastThreshold?: number;
}

/** Summary statistics of a sun-hours grid over its ground cells (with a threshold: the share of cells reaching it). */
export function sunHoursSummary(
  sunHours: ArrayLike<number>,
  building: ArrayLike<number>,
  thresholdHours?: number,
): { meanSunHours: number; shareAtLeast2h: number; shareAtLeast4h: number; groundCells: number; thresholdHours?: number; shareAtLeastThreshold?: number } {
  const th = thresholdHours ?? Infinity;
  let n = 0, sum = 0, n2 = 0, n4 = 0, nt = 0;
  for (let k = 0; k < sunHours.length; k++) {
    if (building[k]) continue;
    const h = sunHours[k];
    n++;
    sum += h;
    if (h >= 2 - 1e-6) n2++;
    if (h >= 4 - 1e-6) n4++;
    if (h >= th - 1e-6) nt++;
  }
  const threshold = thresholdHours !== undefined ? { thresholdHours, shareAtLeastThreshold: n ? nt / n : 0 } : {};
  return { meanSunHours: n ? sum / n : 0, shareAtLeast2h: n ? n2 / n : 0, shareAtLeast4h: n ? n4 / n : 0, groundCells: n, ...threshold };
}

/**
 * The sun hours of the grid cell containing local point (x, y) in the grid's frame:
 * a number, null inside a building, undefined outside the grid.
 *
 * @example sunHoursAt(result, ...frame.toLocal([lon, lat]))
 */
export function sunHoursAt(r: { grid: { x0: number; y0: number; cellM: number; nx: number; ny: number }; sunHours: ArrayLike<number>; building: ArrayLike<number> }, x: number, y: number): number | null | undefined {
  const g = r.grid;
  const i = Math.floor((x - g.x0) / g.cellM), j = Math.floor((y - g.y0) / g.cellM);
  if (!(i >= 0 && j >= 0 && i < g.nx && j < g.ny)) return undefined;
  const k = j * g.nx + i;
  return r.building[k] ? null : r.sunHours[k];
}

/** Zone layers as one collection, ids made unique per layer, grouped by layer id (`__layer`); `labels` maps the unique id to a display name. */
export function mergeZoneLayers(layers: { layerId: string; fc: GeoJSON.FeatureCollection }[]): { zones: GeoJSON.FeatureCollection; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  const features: GeoJSON.Feature[] = [];
  for (const { layerId, fc } of layers)
    fc.features.forEach((f, i) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const orig = String(p.id ?? f.id ?? i);
      const id = `${layerId}:${orig}`;
      const name = [p.name, p.text, p.lage, p.gliederung1, p.flstkennz].find((v) => typeof v === 'string' && v) as string | undefined;
      labels.set(id, name ?? orig);
      features.push({ ...f, properties: { ...p, id, __layer: layerId } });
    });
  return { zones: { type: 'FeatureCollection', features }, labels };
}

/**
 * The sun-hours grid as table rows: `x,y,lon,lat,sunHours,building` per cell, x/y the cell centre in EPSG:25832,
 * sunHours empty for building cells; with a threshold a last column `meetsThreshold` (empty for building cells).
 */
function cellRows(res: Pick<SunHoursResponse, 'grid' | 'sunHours' | 'building' | 'thresholdHours'>): CsvCell[][] {
  const th = res.thresholdHours;
  const g = res.grid;
  const frame = new LocalFrame(g.originX, g.originY);
  const rows: CsvCell[][] = [];
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      const lx = g.x0 + (i + 0.5) * g.cellM, ly = g.y0 + (j + 0.5) * g.cellM;
      const [lon, lat] = frame.toWgs84([lx, ly]);
      const row: CsvCell[] = [lx + g.originX, ly + g.originY, lon, lat, res.building[k] ? null : res.sunHours[k], res.building[k]];
      if (th !== undefined) row.push(res.building[k] ? null : res.sunHours[k] >= th - 1e-6);
      rows.push(row);
    }
  return rows;
}

/** Sun hours per grid cell over a day, optionally with per-zone statistics (see `sunHoursSteps`). */
export const sunHoursAnalysis: AnalysisDescriptor<SunHoursParams, SunHoursAnalysisRequest, SunHoursResponse, SunHoursSummary> = {
  kind: 'sunHours',
  needs: () => ['buildings', 'sunZones'],
  buildRequest(inputs, p) {
    const buildings: BuildingCollection | undefined = inputs.buildings;
    if (!buildings) throw new Error('sun hours: no buildings');
    const merged = inputs.zoneLayers?.length ? mergeZoneLayers(inputs.zoneLayers) : undefined;
    const zones = merged?.zones ?? inputs.zones;
    return {
      buildings,
      date: p.date,
      bbox: p.bbox ?? footprintBbox(buildings),
      cellM: p.cellM,
      stepMin: p.stepMin,
      ...(p.minAltitudeDeg !== undefined ? { minAltitudeDeg: p.minAltitudeDeg } : {}),
      ...(zones ? { zones, zoneGroupBy: merged ? '__layer' : p.zoneGroupBy } : {}),
      ...(p.thresholdHours !== undefined ? { thresholdHours: p.thresholdHours } : {}),
      zoneLabels: merged?.labels ?? new Map(),
      prepare: inputs.prepare ?? prepareBuildings,
    };
  },
  run: (req, ctx) => runSteps(runSunHours(req, req.prepare), ctx),
  summarise: (res, req) => ({
    kind: 'sunHours',
    grid: res.grid,
    sunHours: res.sunHours,
    building: res.building,
    stepCount: res.stepCount,
    stepHours: res.stepHours,
    ...sunHoursSummary(res.sunHours, res.building, res.thresholdHours),
    zones: (res.zones ?? []).filter((z) => z.groundCells > 0).map((z) => ({ ...z, layerId: z.group, label: req.zoneLabels.get(z.id) ?? z.id })),
  }),
  tables(res) {
    // With a threshold, its columns come last, so readers of the columns before keep working.
    const th = res.thresholdHours;
    const out: AnalysisTable[] = [
      {
        name: '',
        header: ['x', 'y', 'lon', 'lat', 'sunHours', 'building', ...(th !== undefined ? ['meetsThreshold'] : [])],
        rows: cellRows(res),
        decimals: [3, 3, 7, 7, 4, undefined, undefined],
        bom: false,
        eol: '\n',
      },
    ];
    if (res.zones)
      out.push({
        name: 'zones',
        header: ['id', 'group', 'groundAreaM2', 'meanSunHours', 'shareAtLeast2h', 'shareAtLeast4h', 'complete', ...(th !== undefined ? ['thresholdHours', 'shareAtLeastThreshold'] : [])],
        // Shares keep their four decimals as written ("0.5000").
        rows: res.zones.map((z) => [
          z.id, z.group, z.groundAreaM2, z.meanSunHours?.toFixed(4) ?? '', z.shareAtLeast2h?.toFixed(4) ?? '', z.shareAtLeast4h?.toFixed(4) ?? '', z.complete,
          ...(th !== undefined ? [th, z.shareAtLeastThreshold?.toFixed(4) ?? ''] : []),
        ]),
        bom: false,
        eol: '\n',
      });
    return out;
  },
};
