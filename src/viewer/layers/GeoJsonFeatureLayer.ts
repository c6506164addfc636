import type { Viewer } from 'cesium';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../../core/model/Catalog';
import { featureIdOf } from '../../core/table/featureTable';
import type { LayerLook } from './SceneLayer';
import { fetchLayerGeoJson } from './fetchLayerGeoJson';

/**
 * What the layers drawn from a layer's GeoJSON share: the definition, URL
 * and viewer they were made with; each feature's attributes by its stable id
 * (core `featureIdOf`, the rule of the attribute table too, so a row and a
 * picked feature name the same thing); the last look asked for, applied once
 * loading ends; and whether the layer was destroyed while it loaded.
 */
export abstract class GeoJsonFeatureLayer {
  protected readonly props = new Map<string, Record<string, unknown>>();
  protected last: LayerLook | undefined;
  protected destroyed = false;

  constructor(
    readonly def: CatalogLayer,
    private readonly url: string,
    protected readonly viewer: Viewer,
  ) {}

  /**
   * Fetches the layer's GeoJSON, writes each feature's stable id into its
   * `id` and keeps the attributes `attributesOf` makes of its properties.
   */
  protected async fetchFeatures(attributesOf: (properties: Record<string, unknown>) => Record<string, unknown>): Promise<FeatureCollection> {
    const json = await fetchLayerGeoJson(this.def, this.url);
    json.features.forEach((f, i) => {
      const fid = featureIdOf(f, i);
      f.id = fid;
      this.props.set(fid, attributesOf((f.properties ?? {}) as Record<string, unknown>));
    });
    return json;
  }

  findFeature(featureId: string): Record<string, unknown> | undefined {
    return this.props.get(featureId);
  }
}
