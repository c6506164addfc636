import type { ConversionIssue } from '../core/model/ConversionReport';
import { textInAllLanguages } from '../core/i18n/textInAllLanguages';
import type { CatalogLayer } from '../core/model/Catalog';
import type { Message, MessageKey, NestedMessage } from '../core/i18n/Message';
import type { DroppedFileResult } from '../core/convert/convertDroppedFile';
import type { SliceCreator } from './AppState';
import { defaultLayerSettings, type LayerSettings, type LayerStatus } from './layersSlice';
import type { CameraView } from './viewSlice';

/** File name endings the drop target accepts; the kind itself is detected from the content. */
export const DROP_EXTENSIONS = ['.gml', '.xml', '.json', '.geojson', '.zip'] as const;
/** Largest file converted in the browser (the worker holds the text, the tree and the GeoJSON at once). */
export const MAX_DROP_BYTES = 64 * 1024 * 1024;
/** CRSs offered when a file names none (CityJSON without `referenceSystem`, CityGML without `srsName`). */
export const DROP_CRS_CHOICES = ['EPSG:25832', 'EPSG:25833', 'EPSG:28992', 'EPSG:31467'] as const;

/** Something the browser can read as bytes: a `File`, or a `Blob` with a name. */
export interface DropSource {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why a file could not be shown; the UI turns the code into a sentence. */
export type DropErrorCode = 'extension' | 'tooLarge' | 'nothing' | 'worker';

export interface DroppedFileEntry {
  id: string;
  name: string;
  sizeBytes: number;
  status: 'queued' | 'converting' | 'done' | 'error';
  /** 0..1 while converting. */
  progress: number;
  /** CRS chosen by the user for a retry. */
  crs?: string;
  /** True when the file names no (known) CRS: the UI offers a CRS choice and a retry. */
  needsCrs: boolean;
  /** Why the file showed nothing: `detail` in English, `detailMessage` (a conversion issue's message) for the UI's language. */
  error?: { code: DropErrorCode; detail: string; detailMessage?: NestedMessage };
  /** Detected kind (xplanung, citygml, geojson, …). */
  kind?: string;
  /** Skipped features and warnings, with file, line, feature id and reason. */
  issues: ConversionIssue[];
  layerIds: string[];
  /** Features in the file's layers, counted when it was converted. */
  featureCount?: number;
  durationMs?: number;
  /** The bytes, kept for a retry with another CRS (and stored in the browser, see `app/droppedFilesPersistence`). */
  source: DropSource;
  /** Restored from the browser's storage on load (its conversion does not move the camera). */
  restored?: boolean;
  /** Analysis roles the user chose, by layer id; they win over the roles inferred from the content. */
  roleOverrides?: Record<string, LayerRole>;
  /** Whether the file is kept in this browser: saved, or why not (a storage message code, e.g. a full disk). */
  persist?: { state: 'saved' } | { state: 'failed'; error: Message };
}

export type LayerRole = NonNullable<CatalogLayer['role']>;

/** A file read back from the browser's storage, queued again under its old id. */
export interface RestoredDropFile {
  id: string;
  source: DropSource;
  crs?: string;
  roleOverrides?: Record<string, LayerRole>;
}

/**
 * A converted file as the store takes it: each layer's catalog entry with the
 * `blob:` url its GeoJSON is served from (made by the app, which also revokes
 * it when the layer goes), and its feature count.
 */
export interface DroppedFileLayers {
  kind: DroppedFileResult['kind'];
  report: DroppedFileResult['report'];
  layers: { layer: CatalogLayer; url: string; featureCount: number }[];
}

export interface DroppedFilesSlice {
  droppedFiles: DroppedFileEntry[];
  /**
   * Catalog layers made from dropped files (`origin: 'dropped'`, `fileId`,
   * `url` = `blob:`). Their visibility, opacity and load state live in
   * `layers[id]` / `layerStatus[id]` like every other layer; read all layers
   * through `allCatalogLayers`.
   */
  droppedLayers: CatalogLayer[];
  /** File whose skipped-feature list is open, if any. */
  dropReportFor: string | undefined;
  /** File names a shared link lists (`file=`); the ones not opened here are shown as missing. */
  sharedFileNames: string[];
  /** True once the files stored in this browser are back in the list (or there is no storage). */
  droppedFilesRestored: boolean;
  /** Queues files read back from storage, under their stored ids, without moving the camera when they are converted. */
  restoreDroppedFiles(files: RestoredDropFile[]): void;
  setDroppedFilesRestored(): void;
  setSharedFileNames(names: string[]): void;
  /** Sets the analysis role of a dropped layer (the user's choice; kept with the file). */
  setDroppedLayerRole(layerId: string, role: LayerRole): void;
  /** Reports whether a file was stored in the browser. */
  droppedFilePersisted(id: string, result: { ok: true } | { ok: false; error: Message }): void;
  /** Queues files for conversion (the app's controller runs the worker); returns their entry ids. */
  openDroppedFiles(files: DropSource[]): string[];
  droppedFileStarted(id: string): void;
  droppedFileProgress(id: string, progress: number): void;
  /** Installs a converted file: its layers (switched on), issues, and a camera flight to the new data. */
  droppedFileConverted(id: string, result: DroppedFileLayers): void;
  droppedFileFailed(id: string, detail: string): void;
  /** Converts the file again with the given CRS. */
  retryDroppedFile(id: string, crs: string): void;
  removeDroppedFile(id: string): void;
  removeDroppedLayer(layerId: string): void;
  setDropReportFor(fileId: string | undefined): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends DroppedFilesSlice {}
}

/** Group of dropped layers in the layer tree. */
export const DROPPED_GROUP = textInAllLanguages('drop.group');

// Issues of the city-model and vector readers when a file names no usable CRS (the UI then offers a CRS choice).
const CRS_ISSUES = new Set<MessageKey>(['convert.crs.none', 'convert.crs.unknown', 'convert.crs.unknownOption', 'convert.cityjson.noCrs', 'convert.tiles.noCrs', 'convert.tiles.unknownCrs', 'convert.tiles.optionCrs']);

/**
 * A camera pose looking at a WGS84 bbox from the south at 45° pitch, far
 * enough back that the whole box fits a typical view.
 *
 * @example cameraViewForBbox([9.99, 53.54, 10.0, 53.55]).pitchDeg // -45
 */
export function cameraViewForBbox(bbox: [number, number, number, number]): CameraView {
  const [w, s, e, n] = bbox;
  const lat = (s + n) / 2;
  const mPerDegLat = 111_320;
  const widthM = (e - w) * mPerDegLat * Math.cos((lat * Math.PI) / 180);
  const heightM = (n - s) * mPerDegLat;
  // Distance along the view ray so the larger extent fits the view with a margin (also its near edge at 45°); at least 300 m.
  const dist = Math.max(300, 1.4 * Math.max(widthM, heightM));
  const pitch = 45;
  const back = dist * Math.cos((pitch * Math.PI) / 180);
  return { lon: (w + e) / 2, lat: lat - back / mPerDegLat, height: dist * Math.sin((pitch * Math.PI) / 180), headingDeg: 0, pitchDeg: -pitch };
}

/** A fresh entry id, above every id in use (restored files keep theirs). */
function nextFileId(files: readonly DroppedFileEntry[], extra: readonly string[] = []): string {
  let max = 0;
  for (const id of [...files.map((f) => f.id), ...extra]) {
    const m = /^file-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `file-${max + 1}`;
}

function extensionOk(name: string): boolean {
  const lower = name.toLowerCase();
  return DROP_EXTENSIONS.some((x) => lower.endsWith(x));
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1;
}

export const createDroppedFilesSlice: SliceCreator<DroppedFilesSlice> = (set, get) => {
  const patchFile = (id: string, patch: Partial<DroppedFileEntry>) =>
    set({ droppedFiles: get().droppedFiles.map((f) => (f.id === id ? { ...f, ...patch } : f)) });
  /** State without the given dropped layers: their defs, settings, load states and a selection on them. */
  const without = (gone: (l: CatalogLayer) => boolean) => {
    const s = get();
    const ids = new Set(s.droppedLayers.filter(gone).map((l) => l.id));
    const layers: Record<string, LayerSettings> = { ...s.layers };
    const layerStatus: Record<string, LayerStatus> = { ...s.layerStatus };
    for (const id of ids) {
      delete layers[id];
      delete layerStatus[id];
    }
    return {
      droppedLayers: s.droppedLayers.filter((l) => !ids.has(l.id)),
      layers,
      layerStatus,
      selection: s.selection && ids.has(s.selection.layerId) ? undefined : s.selection,
    };
  };
  return {
    droppedFiles: [],
    droppedLayers: [],
    dropReportFor: undefined,
    sharedFileNames: [],
    droppedFilesRestored: false,
    restoreDroppedFiles: (restored) => {
      const have = new Set(get().droppedFiles.map((f) => f.id));
      const added: DroppedFileEntry[] = restored
        .filter((r) => !have.has(r.id))
        .map((r) => ({
          id: r.id,
          name: r.source.name,
          sizeBytes: r.source.size,
          status: 'queued',
          progress: 0,
          needsCrs: false,
          issues: [],
          layerIds: [],
          source: r.source,
          restored: true,
          persist: { state: 'saved' },
          ...(r.crs ? { crs: r.crs } : {}),
          ...(r.roleOverrides ? { roleOverrides: r.roleOverrides } : {}),
        }));
      set({ droppedFiles: [...get().droppedFiles, ...added] });
    },
    setDroppedFilesRestored: () => set({ droppedFilesRestored: true }),
    setSharedFileNames: (names) => set({ sharedFileNames: [...new Set(names)] }),
    setDroppedLayerRole: (layerId, role) => {
      const l = get().droppedLayers.find((x) => x.id === layerId);
      if (!l || l.role === role) return;
      set({ droppedLayers: get().droppedLayers.map((x) => (x.id === layerId ? { ...x, role } : x)) });
      const file = get().droppedFiles.find((f) => f.id === l.fileId);
      if (file) patchFile(file.id, { roleOverrides: { ...file.roleOverrides, [layerId]: role } });
    },
    droppedFilePersisted: (id, result) => patchFile(id, { persist: result.ok ? { state: 'saved' } : { state: 'failed', error: result.error } }),
    openDroppedFiles: (files) => {
      const ids: string[] = [];
      const added: DroppedFileEntry[] = files.map((source) => {
        const id = nextFileId(get().droppedFiles, ids);
        ids.push(id);
        const base = { id, name: source.name, sizeBytes: source.size, progress: 0, needsCrs: false, issues: [], layerIds: [], source };
        if (!extensionOk(source.name)) return { ...base, status: 'error', error: { code: 'extension', detail: source.name } };
        if (source.size > MAX_DROP_BYTES) return { ...base, status: 'error', error: { code: 'tooLarge', detail: `${(source.size / 1048576).toFixed(1)} MB` } };
        return { ...base, status: 'queued' };
      });
      set({ droppedFiles: [...get().droppedFiles, ...added] });
      return added.map((f) => f.id);
    },
    droppedFileStarted: (id) => patchFile(id, { status: 'converting', progress: 0, error: undefined }),
    droppedFileProgress: (id, progress) => patchFile(id, { progress: clamp01(progress) }),
    droppedFileConverted: (id, result) => {
      const file = get().droppedFiles.find((f) => f.id === id);
      if (!file) return;
      const rest = without((l) => l.fileId === id);
      // Catalog ids are taken too: a dropped layer never shadows a catalog layer.
      const taken = new Set([...rest.droppedLayers.map((l) => l.id), ...(get().catalog?.layers ?? []).map((l) => l.id)]);
      const defs: CatalogLayer[] = result.layers.map(({ layer, url }) => {
        // The same file dropped twice gets its own layer ids.
        let lid = layer.id;
        for (let k = 2; taken.has(lid); k++) lid = `${layer.id}-${k}`;
        taken.add(lid);
        const role = file.roleOverrides?.[lid] ?? layer.role;
        return { ...layer, id: lid, group: DROPPED_GROUP, url, origin: 'dropped', fileId: id, defaultVisible: true, ...(role ? { role } : {}) };
      });
      const errors = result.report.issues.filter((i) => i.severity === 'error');
      const needsCrs = defs.length === 0 && errors.some((i) => CRS_ISSUES.has(i.message.code));
      patchFile(id, {
        status: defs.length ? 'done' : 'error',
        progress: 1,
        kind: result.kind,
        issues: result.report.issues,
        needsCrs,
        layerIds: defs.map((l) => l.id),
        featureCount: result.layers.reduce((n, l) => n + l.featureCount, 0),
        durationMs: result.report.durationMs,
        error: defs.length ? undefined : { code: 'nothing', detail: errors[0]?.reason ?? result.kind, ...(errors[0] ? { detailMessage: errors[0].message } : {}) },
      });
      const layers = { ...rest.layers };
      for (const d of defs) layers[d.id] = defaultLayerSettings(d);
      set({ ...rest, droppedLayers: [...rest.droppedLayers, ...defs], layers });
      // A file restored on reload stays where the link or the home view put the camera.
      if (defs.length && result.report.bbox && !file.restored) get().flyTo(cameraViewForBbox(result.report.bbox));
    },
    droppedFileFailed: (id, detail) => patchFile(id, { status: 'error', error: { code: 'worker', detail } }),
    retryDroppedFile: (id, crs) => {
      set(without((l) => l.fileId === id));
      patchFile(id, { status: 'queued', crs, progress: 0, error: undefined, needsCrs: false, issues: [], layerIds: [], featureCount: undefined });
    },
    removeDroppedFile: (id) =>
      set({ ...without((l) => l.fileId === id), droppedFiles: get().droppedFiles.filter((f) => f.id !== id), dropReportFor: get().dropReportFor === id ? undefined : get().dropReportFor }),
    removeDroppedLayer: (layerId) => {
      const l = get().droppedLayers.find((x) => x.id === layerId);
      if (!l) return;
      set(without((x) => x.id === layerId));
      const file = get().droppedFiles.find((f) => f.id === l.fileId);
      if (file) patchFile(file.id, { layerIds: file.layerIds.filter((x) => x !== layerId) });
    },
    setDropReportFor: (fileId) => set({ dropReportFor: fileId }),
  };
};

/**
 * The files a shared link names (`file=`) that are not open here, once the stored files are back: the recipient
 * is asked to open them.
 *
 * @example missingSharedFiles(s) // ['HafenCity7.gml']
 */
export function missingSharedFiles(s: Pick<DroppedFilesSlice, 'sharedFileNames' | 'droppedFiles' | 'droppedFilesRestored'>): string[] {
  if (!s.droppedFilesRestored) return [];
  const open = new Set(s.droppedFiles.filter((f) => f.status !== 'error').map((f) => f.name));
  return s.sharedFileNames.filter((n) => !open.has(n));
}
