import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogLayer, Viewpoint } from '../../src/core/model/Catalog';

/**
 * Adds or replaces layers (by id) in `<dir>/catalog.json`, creating the
 * catalog when missing. `home` is set from the data bbox unless one exists.
 */
export async function updateCatalog(
  dir: string,
  layers: CatalogLayer[],
  defaults: { id: string; title: Catalog['title']; bbox?: [number, number, number, number]; crs?: string; origin?: [number, number] },
): Promise<Catalog> {
  const file = path.join(dir, 'catalog.json');
  const catalog: Catalog = existsSync(file)
    ? JSON.parse(await readFile(file, 'utf8'))
    : { id: defaults.id, title: defaults.title, crs: defaults.crs ?? 'EPSG:25832', origin: defaults.origin ?? [0, 0], home: homeFromBbox(defaults.bbox), viewpoints: [], layers: [] };
  for (const layer of layers) {
    const i = catalog.layers.findIndex((l) => l.id === layer.id);
    if (i >= 0) catalog.layers[i] = layer;
    else catalog.layers.push(layer);
  }
  if (defaults.bbox && catalog.home.lon === 0 && catalog.home.lat === 0) catalog.home = homeFromBbox(defaults.bbox);
  await writeFile(file, JSON.stringify(catalog, null, 2));
  return catalog;
}

/** An oblique view from the south onto the centre of a WGS84 bbox. */
export function homeFromBbox(bbox?: [number, number, number, number]): Viewpoint {
  if (!bbox) return { id: 'home', title: { de: 'Start', en: 'Home' }, lon: 0, lat: 0, height: 2e7, headingDeg: 0, pitchDeg: -90 };
  const [w, s, e, n] = bbox;
  const sizeM = Math.max((e - w) * 111320 * Math.cos(((s + n) / 2) * (Math.PI / 180)), (n - s) * 110540, 200);
  const height = sizeM * 0.9;
  // Look north at 45°: stand south of the centre by `height` metres.
  const lat = (s + n) / 2 - height / 110540;
  return { id: 'home', title: { de: 'Start', en: 'Home' }, lon: (w + e) / 2, lat, height, headingDeg: 0, pitchDeg: -45 };
}
