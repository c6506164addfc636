import type { GeoPoint } from '../../core/measure/measureGeometry';

/** A feature of a registry layer under the pointer. */
export interface PickedLayerFeature {
  layerId: string;
  featureId: string;
  /** Attributes as read from the data (undefined when the layer has not loaded them). */
  properties: Record<string, unknown> | undefined;
}

/**
 * What is under the pointer, as the input router reports it to the active
 * tool. The router computes each part at most once per event and only when a
 * tool reads it (so a mouse move that only needs the ground never runs
 * `scene.pick`); tests pass plain objects.
 */
export interface Pick {
  /** Window position of the event relative to the canvas, CSS px. */
  readonly screen: { x: number; y: number };
  /** The feature of a registry layer (catalog or dropped) under the pointer. */
  readonly feature: PickedLayerFeature | undefined;
  /** Whether `feature` belongs to a 3D Tiles city model (demolish and sun points use its building id). */
  readonly onCityModel: boolean;
  /** The drawn surface point: on a city-model building the depth-buffer point (roof, wall), else the ground. */
  readonly surface: GeoPoint | undefined;
  /** The ground point (ray/globe intersection; height of the globe, 0 m offline). */
  readonly ground: GeoPoint | undefined;
  /** The proposed building (scenario model) under the pointer. */
  readonly proposedId: string | undefined;
  /** The corner handle of the selected proposed building under the pointer. */
  readonly vertex: { buildingId: string; index: number } | undefined;
  /** Alt was held (the sketch tool then places the corner unsnapped). */
  readonly altKey?: boolean;
  /** Canvas position (CSS px) of a WGS84 point, for tools that compare screen distances. */
  project(lon: number, lat: number, heightM: number): { x: number; y: number } | undefined;
}
