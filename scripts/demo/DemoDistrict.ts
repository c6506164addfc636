/**
 * The in-memory model of the generated demo district, in local metres
 * (EPSG:25832 minus `origin`, x east, y north). The writers turn it into
 * CityGML, XPlanGML and GeoJSON; the tests check it directly.
 */
export type Xy = [number, number];
export type Xyz = [number, number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type RoofKind = 'flat' | 'shed' | 'gabled' | 'hipped';

/** CityGML / ALKIS roof type codes. */
export const ROOF_TYPE_CODE: Record<RoofKind, string> = { flat: '1000', shed: '2100', gabled: '3100', hipped: '3200' };

export interface DemoStreet {
  id: string;
  name: string;
  rect: Rect;
  /** 'ew' streets run west–east (house numbers grow eastwards), 'ns' south–north. */
  orientation: 'ew' | 'ns';
}

export type BlockUse = 'perimeter' | 'commercial' | 'campus' | 'park' | 'school' | 'villas' | 'rowHouses';

export interface DemoBlock {
  id: string;
  rect: Rect;
  use: BlockUse;
  /** Street names on each side, for addresses. */
  streets: { s: string; n: string; w: string; e: string };
}

export interface DemoBuilding {
  id: string;
  blockId: string;
  lotId: string;
  /**
   * Footprint, counter-clockwise, not closed (first point not repeated).
   * For pitched roofs it is a rectangle and the ridge (for shed roofs, the
   * low eave) runs along footprint[0]→[1].
   */
  footprint: Xy[];
  roof: RoofKind;
  storeys: number;
  /** Eave height above ground (for flat roofs the roof height). */
  eaveHeightM: number;
  /** Highest point above ground (= measuredHeight). */
  ridgeHeightM: number;
  /** Absolute ground height, DHHN2016 (m NHN). */
  groundHeightM: number;
  /** ALKIS Gebäudefunktion, e.g. `31001_1000`. */
  functionCode: string;
  street?: string;
  houseNumber?: string;
  /** Position along the street (m) and side, used to number houses. */
  frontage?: { street: string; along: number; side: 'left' | 'right' };
  /** Set on buildings that deliberately break the plan: what they break. */
  violation?: string;
}

export interface DemoLot {
  id: string;
  blockId: string;
  ring: Xy[];
  /** ALKIS-like use of the parcel. */
  use: string;
}

/** A ring vertex; when `arcMid` is set, the edge to the next vertex is a circular arc through it. */
export interface PlanVertex {
  p: Xy;
  arcMid?: Xy;
}

export type PlanAreaClass =
  | 'BP_BaugebietsTeilFlaeche'
  | 'BP_GemeinbedarfsFlaeche'
  | 'BP_GruenFlaeche'
  | 'BP_StrassenVerkehrsFlaeche'
  | 'SO_Gewaesser'
  | 'BP_UeberbaubareGrundstuecksFlaeche';

export interface HeightLimit {
  hMax: number;
  /** XP_ArtHoehenbezug: 1000 absolute NHN, 2000 relative to ground. */
  hoehenbezug: '1000' | '2000';
  /** XP_ArtHoehenbezugspunkt: 2000 ridge (FH), 6000 building height (GBH), 6600 top of building (GOK). */
  bezugspunkt: '2000' | '6000' | '6600';
}

export interface PlanArea {
  id: string;
  featureClass: PlanAreaClass;
  /** Short label as on the plan, e.g. "WA 1". */
  label: string;
  exterior: PlanVertex[];
  holes?: Xy[][];
  /** Block this area belongs to (Baugebiete, überbaubare Flächen). */
  blockId?: string;
  allgArt?: string;
  besondereArt?: string;
  grz?: number;
  gfz?: number;
  zmax?: number;
  height?: HeightLimit;
  bauweise?: string;
  bebauungsArt?: string;
  /** BP_KomplexeZweckbest*: allgemein codes. */
  zweckbestimmung?: string[];
  nutzungsform?: string;
  name?: string;
  /** False for overlays (überbaubare Flächen); true for areas that tile the plan. */
  flaechenschluss: boolean;
}

export interface PlanLine {
  id: string;
  featureClass: 'BP_BauGrenze';
  points: Xy[];
  blockId?: string;
}

export interface DemoTree {
  id: string;
  p: Xy;
  species: string;
  speciesDe: string;
  plantingYear: number;
  heightM: number;
  crownDiameterM: number;
  trunkCircumferenceCm: number;
  street?: string;
}

export interface DemoPlayground {
  id: string;
  name: string;
  kind: string;
  ring: Xy[];
  ageGroup: string;
}

export interface DemoDistrict {
  seed: number;
  /** EPSG:25832 of local (0, 0). */
  origin: Xy;
  width: number;
  height: number;
  streets: DemoStreet[];
  water: { name: string; rect: Rect };
  blocks: DemoBlock[];
  buildings: DemoBuilding[];
  lots: DemoLot[];
  planAreas: PlanArea[];
  planLines: PlanLine[];
  /** Plan boundary (Geltungsbereich). */
  planBoundary: Xy[];
  trees: DemoTree[];
  playgrounds: DemoPlayground[];
  floodZone: Xy[];
}
