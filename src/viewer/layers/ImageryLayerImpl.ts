import { ImageryLayer, UrlTemplateImageryProvider, WebMapServiceImageryProvider, type Viewer } from 'cesium';
import type { CatalogLayer } from '../../core/model/Catalog';
import type { LayerLook, SceneLayer } from './SceneLayer';

/**
 * An online base map (XYZ tiles such as OpenStreetMap, or a WMS such as the
 * Hamburg orthophotos). Created only when the user switches it on, so the
 * default app makes no request outside its origin.
 */
export class ImageryLayerImpl implements SceneLayer {
  private layer: ImageryLayer | undefined;

  constructor(
    readonly def: CatalogLayer,
    private readonly url: string,
    private readonly viewer: Viewer,
  ) {}

  async load(): Promise<{ featureCount?: number }> {
    const provider =
      this.def.type === 'wms'
        ? new WebMapServiceImageryProvider({ url: this.url, layers: this.def.wmsLayers ?? '0', parameters: { transparent: true, format: 'image/png' } })
        : new UrlTemplateImageryProvider({ url: this.url, maximumLevel: 19 });
    this.layer = this.viewer.imageryLayers.addImageryProvider(provider);
    return {};
  }

  apply(look: LayerLook): void {
    if (!this.layer) return;
    this.layer.show = look.visible;
    this.layer.alpha = look.opacity;
  }

  isSettled(): boolean {
    return true;
  }

  findFeature(): undefined {
    return undefined;
  }

  featureOf(): undefined {
    return undefined;
  }

  destroy(): void {
    if (this.layer) this.viewer.imageryLayers.remove(this.layer, true);
    this.layer = undefined;
  }
}
