/** Kind of a building surface, from CityGML boundary surfaces or CityJSON semantics. */
export type SurfaceKind = 'roof' | 'wall' | 'ground' | 'closure' | 'other';

/**
 * Thematic surface class → kind. CityGML boundary surfaces and CityJSON
 * semantic surfaces share these names; outer ceilings are roofs, the rest
 * (floors, interior surfaces) only matter as "other".
 */
export const SURFACE_KIND: Record<string, SurfaceKind> = {
  RoofSurface: 'roof',
  WallSurface: 'wall',
  GroundSurface: 'ground',
  ClosureSurface: 'closure',
  OuterCeilingSurface: 'roof',
  OuterFloorSurface: 'other',
  FloorSurface: 'other',
  CeilingSurface: 'other',
  InteriorWallSurface: 'other',
};

/** One planar polygon of a building, in the source CRS (flat xyz, GML-style closed rings allowed). */
export interface SourcePolygon {
  /** Undefined when the source gives no semantics (LoD1 solids): classified by normal later. */
  kind?: SurfaceKind;
  /** Exterior ring first, then interior rings; flat xyz. */
  rings: ArrayLike<number>[];
  /** gml:id of the polygon, if any. */
  id?: string;
  /** 1-based line in the source where the polygon starts. */
  line?: number;
  /** JSON path of the polygon's surface (CityJSON). */
  path?: string;
}

/** Attributes read from a building (and its parts). */
export interface SourceBuildingAttributes {
  function?: string;
  roofType?: string;
  measuredHeightM?: number;
  storeysAboveGround?: number;
  storeysBelowGround?: number;
  address?: string;
  /** Generic attributes (gen:stringAttribute …, CityJSON attributes) by name. */
  generic: Record<string, string | number>;
}

/**
 * A building as read from CityGML or CityJSON, before projection and
 * triangulation. Format readers produce it; `prepareBuilding` consumes it.
 */
export interface SourceBuilding {
  id: string;
  /** e.g. `bldg:Building`. */
  featureClass: string;
  file: string;
  /** 1-based line of the start tag (CityGML). */
  line?: number;
  /** JSON path of the city object (CityJSON), e.g. `$.CityObjects["NL.IMBAG.Pand.0503"]`. */
  path?: string;
  /** srsName found on or inside the building (CityGML), else the file's. */
  srsName?: string;
  /** LoD of the chosen geometry (1, 2, …). */
  lod: number;
  polygons: SourcePolygon[];
  /** Number of BuildingParts merged into this building. */
  partCount: number;
  attributes: SourceBuildingAttributes;
}
