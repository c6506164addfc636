/** `data/<dataset>/catalog.json`: the layers and viewpoints of one dataset. */
export interface LocalizedText {
  de: string;
  en: string;
}

export type CatalogLayerType = '3dtiles' | 'geojson-polygons' | 'geojson-points' | 'geojson-lines' | 'wms' | 'xyz';

export interface LegendEntry {
  label: LocalizedText;
  color: string;
}

export interface CatalogLayer {
  id: string;
  title: LocalizedText;
  /** Group in the layer tree, e.g. "Stadtmodell", "Planung", "Umwelt", "Basiskarten". */
  group: LocalizedText;
  type: CatalogLayerType;
  /** Relative to the catalog.json, or absolute for online layers. */
  url: string;
  defaultVisible: boolean;
  /** Opacity 0..1. */
  opacity?: number;
  /**
   * Style: `planzv` colours polygons by `landUse`; `base` draws a base map (polygons coloured by their `kind`: land,
   * block, park, street, water; the `label` property written on the map; always under the other layers);
   * otherwise a fill colour.
   */
  style?: { kind: 'planzv' } | { kind: 'base' } | { kind: 'fill'; color: string; outline?: string } | { kind: 'point'; color: string; symbol?: 'tree' | 'playground' | 'pin' } | { kind: 'line'; color: string; width?: number };
  legend?: LegendEntry[];
  /** Attribution line with the license, e.g. `© FHH, LGV, dl-de/by-2.0`. */
  attribution: string;
  /** True for layers that need the internet (OSM tiles, WMS); off by default. */
  online?: boolean;
  /** WMS layer names, for `wms`. */
  wmsLayers?: string;
  /** Role in analyses: which layer is the buildings footprint file, parcels, playgrounds, plan areas. */
  role?: 'buildings' | 'buildingFootprints' | 'plan' | 'parcels' | 'playgrounds' | 'green' | 'trees' | 'water' | 'protection' | 'flood' | 'other'
    // XPlanung themes: Baugebiete with GRZ/GFZ/storeys/heights, überbaubare Grundstücksflächen, Baugrenzen/-linien.
    | 'zoning' | 'buildableArea' | 'buildingLines' | 'traffic' | 'districts' | 'cycleRoutes'
    // An offline base map (streets with names, blocks, water) drawn under everything else; never an analysis input.
    | 'base';
  /**
   * Where the layer comes from: the dataset's catalog (default) or a file the
   * user dropped/opened. Dropped layers have a same-origin `blob:` url of
   * their converted GeoJSON, so the scene and the worker load them like any layer.
   */
  origin?: 'catalog' | 'dropped';
  /** For dropped layers: the id of the dropped-file entry the layer was made from. */
  fileId?: string;
}

export interface Viewpoint {
  id: string;
  title: LocalizedText;
  /** Camera position: lon/lat degrees, height metres above ellipsoid, heading/pitch degrees. */
  lon: number;
  lat: number;
  height: number;
  headingDeg: number;
  pitchDeg: number;
}

export interface Catalog {
  id: string;
  title: LocalizedText;
  /** Shown in the app: e.g. "generated demo data". */
  notice?: LocalizedText;
  generated?: boolean;
  /** Metric CRS and local origin of the dataset, for analyses. */
  crs: string;
  origin: [number, number];
  /** IANA time zone of the dataset (e.g. 'Europe/Zurich'): analysis dates are its local calendar dates. Default 'Europe/Berlin'. */
  timeZone?: string;
  home: Viewpoint;
  viewpoints: Viewpoint[];
  layers: CatalogLayer[];
}
