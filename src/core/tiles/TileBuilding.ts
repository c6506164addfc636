/**
 * Where a building sits: the anchor of its local frame (WGS84 degrees,
 * height 0) and its WGS84 bbox and height range above the ellipsoid — all
 * the tiling needs before the meshes.
 */
export interface TilePlacement {
  lon: number;
  lat: number;
  west: number;
  south: number;
  east: number;
  north: number;
  minH: number;
  maxH: number;
}

/** A building's triangle mesh in the east-north-up frame of its anchor (metres, float32). */
export interface BuildingMesh {
  positions: Float32Array;
  /** Unit normals × 127. */
  normals: Int8Array;
  /** Surface kind per vertex (KIND_CODE in prepareBuilding). */
  kinds: Uint8Array;
  indices: Uint16Array | Uint32Array;
}

/**
 * What the tiles need of a prepared building, held until the tiles are
 * written: placement, mesh and the properties as one JSON string (one
 * compact string instead of an object graph per building).
 */
export interface TileBuilding extends TilePlacement, BuildingMesh {
  /** Bbox of the source coordinates used: [minX, minY, minZ, maxX, maxY, maxZ] in the source CRS. */
  nativeBbox: [number, number, number, number, number, number];
  /** JSON of the BuildingProperties without `roofs` (those are in buildings.geojson). */
  propertiesJson: string;
}
