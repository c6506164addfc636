import { LocalFrame } from '../crs/LocalFrame';
import type { AreaCompliance } from './computeCompliance';
import type { OverlapGroup, OverlapPair, OverlapResult } from './computeOverlaps';
import { localToGeoJsonRings } from './localGeometry';

/** Quotes a CSV field when needed (RFC 4180). */
function csv(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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
  const lines = ['x,y,lon,lat,sunHours,building'];
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      const lx = g.x0 + (i + 0.5) * g.cellM, ly = g.y0 + (j + 0.5) * g.cellM;
      const [lon, lat] = frame.toWgs84([lx, ly]);
      lines.push(`${r(lx + g.originX, 3)},${r(ly + g.originY, 3)},${r(lon, 7)},${r(lat, 7)},${res.building[k] ? '' : r(res.sunHours[k], 4)},${res.building[k]}`);
    }
  return lines.join('\n') + '\n';
}

/** Overlap pairs as CSV (one row per pair), followed by nothing else: groups go to `overlapGroupsToCsv`. */
export function overlapsToCsv(res: { pairs: Omit<OverlapPair, 'aIndex' | 'bIndex' | 'polygons'>[] }): string {
  const lines = ['aId,bId,aGroup,bGroup,areaM2,shareOfA,shareOfB'];
  for (const p of res.pairs) lines.push([p.aId, p.bId, p.aGroup, p.bGroup, r(p.areaM2, 3), r(p.shareOfA, 6), r(p.shareOfB, 6)].map(csv).join(','));
  return lines.join('\n') + '\n';
}

/** Overlap totals per group pair as CSV. */
export function overlapGroupsToCsv(res: { groups: OverlapGroup[] }): string {
  const lines = ['aGroup,bGroup,areaM2,pairs'];
  for (const g of res.groups) lines.push([g.aGroup, g.bGroup, r(g.areaM2, 3), g.pairs].map(csv).join(','));
  return lines.join('\n') + '\n';
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

/** Compliance results as CSV: one row per area and rule. */
export function complianceToCsv(res: AreaCompliance[]): string {
  const lines = ['areaId,kind,baugebietId,landUse,plotAreaM2,rule,value,limit,status,buildingIds,note'];
  for (const a of res)
    for (const x of a.rules)
      lines.push(
        [a.areaId, a.kind, a.baugebietId, a.landUse, r(a.plotAreaM2, 2), x.rule, x.value === null ? '' : r(x.value, 4), x.limit === null ? '' : r(x.limit, 4), x.status, x.buildingIds.join(';'), x.note ?? '']
          .map(csv)
          .join(','),
      );
  return lines.join('\n') + '\n';
}
