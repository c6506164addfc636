import { Resource } from 'cesium';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../../core/model/Catalog';

/**
 * Loads a layer's GeoJSON (catalog file or a dropped file's blob: url) and
 * checks that it is a FeatureCollection; errors name the layer and the url,
 * so the layer tree can say which layer failed.
 *
 * @example const fc = await fetchLayerGeoJson(def, url);
 */
export async function fetchLayerGeoJson(def: CatalogLayer, url: string): Promise<FeatureCollection> {
  let json: FeatureCollection;
  try {
    json = (await Resource.fetchJson({ url })) as FeatureCollection;
  } catch (e) {
    throw new Error(`layer "${def.id}": cannot load ${url}: ${(e as Error).message ?? e}`);
  }
  if (!json || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error(`layer "${def.id}": ${url} is not a GeoJSON FeatureCollection`);
  return json;
}
