import type { CatalogLayer } from '../../core/model/Catalog';
import type { LayerLook } from '../../state/sceneLayers';

export type { LayerLook };

/** A feature of a layer under the pointer, as the input router reports it. */
export interface PickedFeature {
  featureId: string;
  properties: Record<string, unknown> | undefined;
}

/**
 * One layer of the registry in the Cesium scene. Lifecycle is idempotent:
 * `load` once, `apply` as often as its look changes, `destroy` once. To add a
 * layer type, implement this interface and choose it in `createSceneLayer`.
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
  /** The feature of this layer that `scene.pick` returned, or undefined when the pick is not this layer's. */
  featureOf(picked: unknown): PickedFeature | undefined;
  destroy(): void;
}
