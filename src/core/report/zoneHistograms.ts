import { fillPolygon } from '../analysis/fillPolygon';
import { prepareLayer } from '../analysis/polygonLayer';
import type { SunHoursSummary } from '../analysis/sunHours/sunHoursAnalysis';
import { LocalFrame } from '../crs/LocalFrame';

/**
 * Half-hour histograms of the ground cells of each zone layer (playgrounds,
 * green spaces, …) in a sun-hours result: which cells belong to a zone is
 * decided by the same `fillPolygon` mask as `zoneSunStatistics`, so the
 * histogram's shares ≥ 2 h and ≥ 4 h are the table's.
 *
 * @example zoneHistograms(summary, zones)[0].counts[4] // cells with 2–2.5 h of sun
 */
export function zoneHistograms(sh: Pick<SunHoursSummary, 'grid' | 'sunHours' | 'building'>, zones: { id: string; layerId: string; feature: GeoJSON.Feature }[]): { layerId: string; counts: number[] }[] {
  const g = sh.grid;
  const frame = new LocalFrame(g.originX, g.originY);
  const out = new Map<string, number[]>();
  const mask = new Uint8Array(g.nx * g.ny);
  for (const z of zones) {
    const layer = prepareLayer([z.feature], frame);
    const counts = out.get(z.layerId) ?? [];
    out.set(z.layerId, counts);
    for (const item of layer.items) for (const p of item.polygons) fillPolygon(mask, g, p, 1);
    for (let k = 0; k < mask.length; k++) {
      if (!mask[k]) continue;
      mask[k] = 0;
      if (sh.building[k]) continue;
      const bin = Math.floor(sh.sunHours[k] * 2 + 1e-6);
      while (counts.length <= bin) counts.push(0);
      counts[bin]++;
    }
  }
  return [...out].map(([layerId, counts]) => ({ layerId, counts }));
}
