import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportLoader } from '../../src/core/report/buildReport';
import { loadInputs } from '../../src/core/analysis/loadInputs';
import { prepareBuildings } from '../../src/core/analysis/prepareBuildings';
import type { BuildingCollection } from '../../src/core/model/Building';
import type { Catalog, CatalogLayer } from '../../src/core/model/Catalog';
import { effectiveBuildings } from '../../src/core/scenario/effectiveBuildings';
import { readCollection } from '../analyze/runAnalyzeCommand';
import { readJsonFile } from '../analyze/readJsonFile';

/**
 * A dataset folder (catalog.json + GeoJSON layers) as the report's loader:
 * the same role rules as the worker (`loadInputs`), files read once with the
 * analyze CLI's reader (errors name the file), buildings per variant and their
 * prepared solids cached like the worker's dataset store.
 */
export async function loadDataset(dir: string): Promise<{ catalog: Catalog; load: ReportLoader }> {
  const catalogFile = path.join(dir, 'catalog.json');
  const catalog = (await readJsonFile(catalogFile)) as Catalog;
  if (!catalog || !Array.isArray(catalog.layers) || typeof catalog.id !== 'string') throw new Error(`${catalogFile}: not a Planlotse catalog (needs id and layers)`);
  const files = new Map<string, Promise<GeoJSON.FeatureCollection>>();
  const collection = (l: CatalogLayer) => {
    if (/^[a-z]+:/i.test(l.url)) throw new Error(`${catalogFile}: layer "${l.id}" is online (${l.url}); the report reads local layers only`);
    const file = path.join(dir, l.url);
    let p = files.get(file);
    if (!p) files.set(file, (p = readCollection(file)));
    return p;
  };
  const variants = new Map<string, BuildingCollection>();
  const prepared = new WeakMap<object, Map<string, ReturnType<typeof prepareBuildings>>>();
  const load: ReportLoader = (variant, needs) =>
    loadInputs(catalog.layers, needs, {
      collection,
      async buildings(l) {
        const key = `${l.id}|${variant?.id ?? 'existing'}`;
        let b = variants.get(key);
        if (!b) variants.set(key, (b = effectiveBuildings((await collection(l)) as BuildingCollection, variant)));
        return b;
      },
      prepare(features, frame) {
        let m = prepared.get(features);
        if (!m) prepared.set(features, (m = new Map()));
        const k = `${frame.originX},${frame.originY}`;
        let p = m.get(k);
        if (!p) m.set(k, (p = prepareBuildings(features, frame)));
        return p;
      },
    });
  return { catalog, load };
}

/** A polygon area file: a GeoJSON Polygon/MultiPolygon, Feature or FeatureCollection with one polygon feature. */
export async function readAreaPolygon(file: string): Promise<GeoJSON.Polygon | GeoJSON.MultiPolygon> {
  const j = JSON.parse(await readFile(file, 'utf8').catch((e: Error) => Promise.reject(new Error(`${file}: ${e.message}`)))) as GeoJSON.GeoJSON;
  const g = j.type === 'FeatureCollection' ? (j.features.length === 1 ? j.features[0].geometry : undefined) : j.type === 'Feature' ? j.geometry : j;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
    throw new Error(`${file}: the area must be one Polygon or MultiPolygon (a geometry, a Feature, or a FeatureCollection with one feature)`);
  return g;
}
