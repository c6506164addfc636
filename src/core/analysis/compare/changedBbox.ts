import { LocalFrame } from '../../crs/LocalFrame';
import type { BuildingCollection } from '../../model/Building';
import { effectiveBuildings } from '../../scenario/effectiveBuildings';
import type { CompareSide } from './compareVariants';

/** bbox (WGS84) around the buildings that differ between the two sides, plus a margin in metres; null when nothing differs. */
export function changedBbox(existing: BuildingCollection, a: CompareSide, b: CompareSide, marginM: number): [number, number, number, number] | null {
  const ea = effectiveBuildings(existing, a);
  const eb = effectiveBuildings(existing, b);
  const ida = new Set(ea.features.map((f) => f.properties.id));
  const idb = new Set(eb.features.map((f) => f.properties.id));
  const changed = [...ea.features.filter((f) => !idb.has(f.properties.id)), ...eb.features.filter((f) => !ida.has(f.properties.id))];
  const pts = changed.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.flatMap((p) => p[0])));
  if (!pts.length) return null;
  const frame = LocalFrame.around(pts[0] as [number, number]);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of pts) {
    const [x, y] = frame.toLocal(p as [number, number]);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const sw = frame.toWgs84([minX - marginM, minY - marginM]);
  const ne = frame.toWgs84([maxX + marginM, maxY + marginM]);
  return [sw[0], sw[1], ne[0], ne[1]];
}
