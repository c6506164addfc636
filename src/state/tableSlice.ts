import type { FeatureTable } from '../core/table/featureTable';
import type { Message } from '../core/i18n/Message';
import type { CatalogLayer } from '../core/model/Catalog';
import type { SliceCreator } from './AppState';

/**
 * What the attribute table shows: a layer of the registry (`allCatalogLayers`;
 * the app loads its features), or rows handed over as they are (an analysis
 * result's table), with a title as a message code.
 */
export type TableSource = { kind: 'layer'; layerId: string } | { kind: 'rows'; id: string; title: Message };

/** The table in the bottom drawer: its source, loading state and data. */
export interface TableView {
  source: TableSource;
  status: 'loading' | 'ready' | 'error';
  data?: FeatureTable;
  error?: Message;
  /**
   * Layers whose selections are this table's rows: the layer itself, plus the
   * city model for its footprints table (a picked 3D building selects its row).
   */
  layerIds: string[];
}

export interface TableSlice {
  /** The open attribute table (undefined: drawer closed). */
  table: TableView | undefined;
  /** Opens a layer's table (the app's table controller loads it). */
  openLayerTable(layerId: string): void;
  /** Opens a table of given rows (analysis results); `layerId` is the layer rows select in, when they are features. */
  openRowsTable(id: string, title: Message, data: FeatureTable, layerIds?: string[]): void;
  /** Called by the table controller. `layerIds` adds layers whose selections are rows of this table. */
  tableLoaded(layerId: string, data: FeatureTable, layerIds?: string[]): void;
  tableFailed(layerId: string, error: Message): void;
  closeTable(): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends TableSlice {}
}

/**
 * Which file holds a layer's features: the layer's own GeoJSON; for a city
 * model (3D Tiles) the dataset's building footprints, which carry the same
 * ids and attributes as the tiles' features.
 */
export function tableLayerOf(layer: CatalogLayer, layers: readonly CatalogLayer[]): CatalogLayer | undefined {
  if (layer.type.startsWith('geojson')) return layer;
  if (layer.type === '3dtiles') return layers.find((l) => l.role === 'buildingFootprints' && l.type.startsWith('geojson'));
  return undefined;
}

const isLayer = (t: TableView | undefined, layerId: string) => t?.source.kind === 'layer' && t.source.layerId === layerId;

export const createTableSlice: SliceCreator<TableSlice> = (set, get) => ({
  table: undefined,
  openLayerTable: (layerId) => {
    if (isLayer(get().table, layerId) && get().table?.status !== 'error') return;
    set({ table: { source: { kind: 'layer', layerId }, status: 'loading', layerIds: [layerId] } });
  },
  openRowsTable: (id, title, data, layerIds = []) => set({ table: { source: { kind: 'rows', id, title }, status: 'ready', data, layerIds } }),
  tableLoaded: (layerId, data, layerIds = []) => {
    const t = get().table;
    // A late answer for a table the user has left is dropped.
    if (t && isLayer(t, layerId)) set({ table: { ...t, status: 'ready', data, layerIds: [...new Set([layerId, ...layerIds])] } });
  },
  tableFailed: (layerId, error) => {
    const t = get().table;
    if (t && isLayer(t, layerId)) set({ table: { ...t, status: 'error', error, data: undefined } });
  },
  closeTable: () => set({ table: undefined }),
});
