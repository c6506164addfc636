import type { ReportSceneView } from './reportSceneViews';
import type { AnalysisTable } from '../analysis/AnalysisDescriptor';
import type { RuleName, RuleStatus } from '../analysis/computeCompliance';
import type { LayerStats } from '../analysis/layerStats/layerStatsAnalysis';
import type { AreaDelta } from '../analysis/compare/compareVariants';
import type { OverlapGroupShare } from '../analysis/overlapCategories';
import type { Lang } from '../i18n/Lang';
import type { LocalizedText } from '../model/Catalog';
import type { Variant } from '../model/Scenario';

/** The area a report covers: the whole dataset, one plan, one Baugebiet, or a polygon (WGS84). */
export type ReportArea =
  | { kind: 'all' }
  | { kind: 'plan'; id?: string }
  | { kind: 'baugebiet'; id: string }
  | { kind: 'polygon'; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; name?: string };

/** A variant a report runs on: what changes the buildings, plus its name. */
export type ReportVariant = Pick<Variant, 'id' | 'name' | 'buildings' | 'demolishedIds'>;

/** What the analyst chose in the report builder (or on the command line). */
export interface ReportParams {
  lang: Lang;
  area: ReportArea;
  /** Layers for feature counts and areas by category; default every polygon layer. */
  layers?: string[];
  /** None (the existing city), one (it, compared with the existing city) or two (A → B). */
  variants: ReportVariant[];
  /** Local date `YYYY-MM-DD` of the sun analyses. */
  date: string;
  /** Sun-hours grid cell (m, default 2) and time step (min, default 10). */
  cellM?: number;
  stepMin?: number;
  /** Façade check threshold, hours (default 1.5: DIN EN 17037 minimum level on 21 March). */
  facadeThresholdHours?: number;
  author?: string;
  title?: string;
}

/** Traffic light of a key figure. */
export type Light = 'green' | 'amber' | 'red' | 'grey';

/** One key figure of the summary; `id` is its label key `report.kf.<id>`. */
export interface KeyFigure {
  id: 'exceeded' | 'newConflicts' | 'zoneShare2h' | 'facadePass' | 'meanSunHours' | 'buildings' | 'areaM2';
  value: number;
  unit: '' | 'm²' | 'h' | '%';
  light: Light;
}

/** One Baugebiet's compliance: its light and the five rules (limit, value, status). */
export interface ComplianceRow {
  baugebietId: string;
  label: string;
  landUse: string;
  plotAreaM2: number;
  light: RuleStatus;
  rules: { rule: RuleName; value: number | null; limit: number | null; status: RuleStatus }[];
  /** Parcels of the Baugebiet that exceed a rule. */
  parcelsExceeded: number;
}

/** Sun hours of one zone (playground, green space, parcel) with its histogram. */
export interface SunZoneRow {
  id: string;
  layerId: string;
  label: string;
  groundAreaM2: number;
  meanSunHours: number | null;
  shareAtLeast2h: number | null;
  shareAtLeast4h: number | null;
  complete: boolean;
}

/** A map drawn in the local metric frame (x east, y north, metres from `origin`). */
export interface ReportMap {
  id: 'plan' | 'sunHours' | 'delta';
  /** [minX, minY, maxX, maxY] metres. */
  extent: [number, number, number, number];
  /** Outlines: the area, Baugebiete with light, zones, buildings (GeoJSON in local metres). */
  shapes: GeoJSON.FeatureCollection;
  /** A raster (sun hours or their change), cells of `cellM` from (x0, y0); null = building. */
  raster?: { x0: number; y0: number; cellM: number; nx: number; ny: number; values: (number | null)[] };
}

/** Every figure of a report, ready to render and export (JSON-serialisable). */
export interface ReportDocument {
  schema: 'planlotse-report/1';
  lang: Lang;
  title: {
    text: string;
    dataset: LocalizedText;
    datasetId: string;
    plan?: { id: string; name: string; number?: string; date?: string };
    area: { kind: ReportArea['kind']; label: string; areaM2: number };
    variants: string[];
    date: string;
    author: string;
    createdAt: string;
  };
  keyFigures: KeyFigure[];
  layers: (LayerStats & { title: LocalizedText })[];
  overlaps: { a: string; b: string; aTitle: LocalizedText; bTitle: LocalizedText; totalAreaM2: number; groups: OverlapGroupShare[] }[];
  compliance: { variant: string; rows: ComplianceRow[] };
  sun: {
    /** False for a dataset without building footprints: no sun analyses ran. */
    computed: boolean;
    date: string;
    cellM: number;
    stepMin: number;
    meanSunHours: number;
    shareAtLeast2h: number;
    shareAtLeast4h: number;
    zones: SunZoneRow[];
    /** Per zone layer: counts of ground cells per half-hour bin (bin i = [i/2, i/2 + 0.5) h). */
    histograms: { layerId: string; title: LocalizedText; counts: number[] }[];
  };
  facades: {
    thresholdHours: number;
    points: { id: string; buildingId: string; lonLat: [number, number]; azimuthDeg: number; heightM: number; sunHours: number; meets: boolean }[];
  };
  deltas?: {
    before: string;
    after: string;
    areas: AreaDelta[];
    newConflicts: { areaId: string; rule: RuleName }[];
    addedBuildings: number;
    removedBuildings: number;
    zones: { id: string; label: string; before: number | null; after: number | null; delta: number | null }[];
  };
  maps: ReportMap[];
  /** The fixed viewpoints and sun times of the scene images (the same for the browser and the CLI). */
  sceneViews: ReportSceneView[];
  /**
   * Images of the 3D scene (PNG data URLs), one per {@link sceneViews} entry, captured with shadows by the app
   * (browser) or by Chromium on the production build (CLI); empty until captured or when the capture failed.
   */
  sceneImages: { title: string; dataUrl: string }[];
  /** Why the scene images are missing (the capture failed); the report says so instead of leaving them out unsaid. */
  sceneImagesError?: string;
  /** The descriptors' tables, by file name (`compliance`, `sunHours-zones`, …). */
  tables: (AnalysisTable & { file: string })[];
  /** Result layers as GeoJSON (RFC 7946), by file name. */
  geojson: Record<string, GeoJSON.FeatureCollection>;
  provenance: {
    sources: { layerId: string; title: LocalizedText; url: string; attribution: string }[];
    attributions: string[];
    crs: string;
    origin: [number, number];
    timeZone: string;
    dates: { label: string; value: string }[];
    analyses: { kind: string; variant: string; layers: string[]; params: Record<string, unknown> }[];
    appVersion: string;
    buildCommit: string;
    createdAt: string;
  };
}
