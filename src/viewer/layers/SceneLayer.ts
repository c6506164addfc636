import type { CatalogLayer } from '../../core/model/Catalog';
import type { BuildingStyleKind } from '../../core/style/buildingStyles';

/** What a scene layer needs to draw itself; derived from the store. */
export interface LayerLook {
  visible: boolean;
  opacity: number;
  selectedFeatureId: string | undefined;
  buildingStyle: BuildingStyleKind;
}

/**
 * One catalog layer in the Cesium scene. Lifecycle is idempotent: `load`
 * once, `apply` as often as the store changes, `destroy` once.
 */
export interface SceneLayer {
  readonly def: CatalogLayer;
  /** Resolves when the data is in the scene; rejects with a message naming the layer and URL. */
  load(): Promise<{ featureCount?: number }>;
  apply(look: LayerLook): void;
  /** True when everything the layer needs for the current view is loaded. */
  isSettled(): boolean;
  /** Attributes of a feature by id, if the layer has it loaded. */
  findFeature(featureId: string): Record<string, unknown> | undefined;
  destroy(): void;
}
