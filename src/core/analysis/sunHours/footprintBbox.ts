import type { BuildingCollection } from '../../model/Building';
import { ringsBox } from '../compliance/buildingInfo';

/** Bounding box (WGS84) of the buildings, at most 1.2 km across around their centre (sun-hour grids stay small). */
export function footprintBbox(b: BuildingCollection): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of b.features) {
    const [a, c, d, g] = ringsBox(f.geometry);
    w = Math.min(w, a);
    s = Math.min(s, c);
    e = Math.max(e, d);
    n = Math.max(n, g);
  }
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const hx = Math.min((e - w) / 2 + 0.0005, 0.6 / (111.32 * Math.cos((cy * Math.PI) / 180)));
  const hy = Math.min((n - s) / 2 + 0.0005, 0.6 / 111.32);
  return [cx - hx, cy - hy, cx + hx, cy + hy];
}
