/**
 * One building as the analyses see it: a footprint with heights.
 * This is the `properties` object of each feature in `buildings.geojson`
 * (WGS84, RFC 7946), written by the converter and read by the analyses,
 * scenarios and the viewer.
 *
 * Height convention (see docs/heights.md): `groundHeightM` is the absolute
 * ground height as given by the source (e.g. DHHN2016 NHN). All other heights
 * are **above ground**. The 3D Tiles place each building's ground on the
 * ellipsoid (the offline viewer has no terrain), so nothing floats or sinks.
 */
export interface BuildingProperties {
  /** Stable id (gml:id or CityJSON object id). */
  id: string;
  /** Building function code as in the source (e.g. ALKIS `31001_1000`). */
  function?: string;
  /** Readable function label (German). */
  functionLabel?: string;
  /** Roof type code (CityGML/ALKIS codes: 1000 flat, 2100 shed, 3100 gabled, 3200 hipped, …). */
  roofType?: string;
  roofTypeLabel?: string;
  /** Absolute height of the ground under the building, source vertical datum. */
  groundHeightM: number;
  /** Height of the highest point above ground (ridge for pitched roofs). */
  heightM: number;
  /** `measuredHeight` attribute of the source, if any. */
  measuredHeightM?: number;
  /** Eave height above ground (lowest roof edge), if known. */
  eaveHeightM?: number;
  /** Ridge height above ground, if known. */
  ridgeHeightM?: number;
  storeysAboveGround?: number;
  storeysBelowGround?: number;
  address?: string;
  /** Source file name. */
  source: string;
  /**
   * LoD2 roof surfaces, each an outer ring of [lon, lat, heightAboveGroundM].
   * Absent for LoD1/prism buildings.
   */
  roofs?: [number, number, number][][];
  /** Level of detail of the converted geometry (1 or 2, CityJSON may give 2.2 etc.). */
  lod?: number;
  /** All other source attributes (e.g. CityGML gen:stringAttribute, CityJSON attributes), as read. */
  attributes?: Record<string, string | number>;
}

export type BuildingFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, BuildingProperties>;
export type BuildingCollection = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, BuildingProperties>;
