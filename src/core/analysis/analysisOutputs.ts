import { LocalFrame } from '../crs/LocalFrame';
import { offendingBuildingIds, type AreaCompliance } from './computeCompliance';
import type { OverlapGroup, OverlapPair, OverlapResult } from './computeOverlaps';
import { localToGeoJsonRings } from './localGeometry';
import { writeTable, type TableCell } from '../table/writeTable';

/** The CLI's tables: RFC 4180 through the one table writer, LF line ends and no BOM (as they always were). */
const CLI_TABLE = { bom: false, newline: '\n' } as const;

const r = (v: number, d: number) => (Number.isFinite(v) ? Number(v.toFixed(d)) : '');

/** The parts of a sun-hours result the CSV needs: grid (local) with the frame origin, hours and building flags. */
export interface SunHoursGridData {
  grid: { x0: number; y0: number; cellM: number; nx: number; ny: number; originX: number; originY: number };
  sunHours: ArrayLike<number>;
  building: ArrayLike<number>;
}

/**
 * Sun hours as CSV: `x,y,lon,lat,sunHours,building` per cell, x/y the cell
 * centre in EPSG:25832, sunHours empty for building cells (building = 1).
 */
export function sunHoursToCsv(res: SunHoursGridData): string {
  const g = res.grid;
  const frame = new LocalFrame(g.originX, g.originY);
  const header = ['x', 'y', 'lon', 'lat', 'sunHours', 'building'];
  // Written in chunks of rows, so a million-cell grid never holds a million row arrays at once.
  const parts = [writeTable(header, [], CLI_TABLE)];
  let rows: TableCell[][] = [];
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      const lx = g.x0 + (i + 0.5) * g.cellM, ly = g.y0 + (j + 0.5) * g.cellM;
      const [lon, lat] = frame.toWgs84([lx, ly]);
      rows.push([r(lx + g.originX, 3), r(ly + g.originY, 3), r(lon, 7), r(lat, 7), res.building[k] ? '' : r(res.sunHours[k], 4), res.building[k]]);
      if (rows.length === 20_000) {
        parts.push(writeTable(header, rows, { ...CLI_TABLE, header: false }));
        rows = [];
      }
    }
  parts.push(writeTable(header, rows, { ...CLI_TABLE, header: false }));
  return parts.join('');
}

/** Overlap pairs as CSV (one row per pair), followed by nothing else: groups go to `overlapGroupsToCsv`. */
export function overlapsToCsv(res: { pairs: Omit<OverlapPair, 'aIndex' | 'bIndex' | 'polygons'>[] }): string {
  const header = ['aId', 'bId', 'aGroup', 'bGroup', 'areaM2', 'shareOfA', 'shareOfB'];
  return writeTable(header, res.pairs.map((p) => [p.aId, p.bId, p.aGroup, p.bGroup, r(p.areaM2, 3), r(p.shareOfA, 6), r(p.shareOfB, 6)]), CLI_TABLE);
}

/** Overlap totals per group pair as CSV. */
export function overlapGroupsToCsv(res: { groups: OverlapGroup[] }): string {
  return writeTable(['aGroup', 'bGroup', 'areaM2', 'pairs'], res.groups.map((g) => [g.aGroup, g.bGroup, r(g.areaM2, 3), g.pairs]), CLI_TABLE);
}

/** Overlap polygons as GeoJSON (needs `withGeometry`), properties as in the CSV. */
export function overlapsToGeoJson(res: OverlapResult, frame: LocalFrame): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: res.pairs.map((p) => ({
      type: 'Feature',
      properties: { aId: p.aId, bId: p.bId, aGroup: p.aGroup, bGroup: p.bGroup, areaM2: r(p.areaM2, 3), shareOfA: r(p.shareOfA, 6), shareOfB: r(p.shareOfB, 6) },
      geometry: { type: 'MultiPolygon', coordinates: (p.polygons ?? []).map((poly) => localToGeoJsonRings(poly, frame)) },
    })),
  };
}

/** Compliance results as CSV: one row per area and rule; building ids only where the rule is exceeded. */
export function complianceToCsv(res: AreaCompliance[]): string {
  const header = ['areaId', 'kind', 'baugebietId', 'landUse', 'plotAreaM2', 'rule', 'value', 'limit', 'status', 'buildingIds', 'note'];
  const rows: TableCell[][] = [];
  for (const a of res)
    for (const x of a.rules)
      rows.push([a.areaId, a.kind, a.baugebietId, a.landUse, r(a.plotAreaM2, 2), x.rule, x.value === null ? '' : r(x.value, 4), x.limit === null ? '' : r(x.limit, 4), x.status, offendingBuildingIds(x).join(';'), x.note ?? '']);
  return writeTable(header, rows, CLI_TABLE);
}
