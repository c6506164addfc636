import type { CatalogLayer, LocalizedText } from '../core/model/Catalog';
import type { AppState } from './AppState';
import { measureResult, type MeasureResult } from './measureSlice';
import { measureModeOf } from './toolSlice';

/**
 * The dataset's catalog layers in catalog order, grouped by their (localized)
 * group title. Dropped layers are listed under their file ("Your files") instead.
 */
export function selectLayerGroups(s: AppState): { group: LocalizedText; layers: CatalogLayer[] }[] {
  const groups: { group: LocalizedText; layers: CatalogLayer[] }[] = [];
  for (const l of s.catalog?.layers ?? []) {
    let g = groups.find((x) => x.group.de === l.group.de && x.group.en === l.group.en);
    if (!g) groups.push((g = { group: l.group, layers: [] }));
    g.layers.push(l);
  }
  return groups;
}

/** Layers that are switched on (catalog order, then dropped layers). */
export function selectVisibleLayers(s: AppState): CatalogLayer[] {
  return allCatalogLayers(s).filter((l) => s.layers[l.id]?.visible);
}

/** Distinct attribution lines of the visible layers. */
export function selectAttributions(s: AppState): string[] {
  return [...new Set(selectVisibleLayers(s).map((l) => l.attribution).filter(Boolean))];
}

/** The catalog layer of the selected feature. */
export function selectSelectedLayer(s: AppState): CatalogLayer | undefined {
  const id = s.selection?.layerId;
  return id ? allCatalogLayers(s).find((l) => l.id === id) : undefined;
}

/** The first visible 3D Tiles layer (the city model) — building styles apply to 3D Tiles layers. */
export function selectHasBuildings(s: AppState): boolean {
  return allCatalogLayers(s).some((l) => l.type === '3dtiles');
}

/** Result of the current measurement. */
export function selectMeasureResult(s: AppState): MeasureResult {
  return measureResult(measureModeOf(s.tool), s.measurePoints);
}

/** Picks the text of the current language. */
export function localized(text: LocalizedText | undefined, lang: AppState['lang']): string {
  return text ? text[lang] : '';
}

/**
 * Every layer of the one layer registry: the catalog's layers, then layers the
 * user added (dropped files). Layer tree, scene sync and analyses all read
 * layers through this selector, so a dropped layer is a layer like any other.
 */
export function allCatalogLayers(s: AppState): CatalogLayer[] {
  const catalog = s.catalog?.layers ?? NO_LAYERS;
  if (s.droppedLayers.length === 0) return catalog;
  // Memoized on its two inputs, so subscribers comparing the array see a change only when a layer comes or goes.
  if (memo.catalog !== catalog || memo.dropped !== s.droppedLayers) memo = { catalog, dropped: s.droppedLayers, all: [...catalog, ...s.droppedLayers] };
  return memo.all;
}
const NO_LAYERS: CatalogLayer[] = [];
let memo: { catalog: CatalogLayer[] | undefined; dropped: CatalogLayer[] | undefined; all: CatalogLayer[] } = { catalog: undefined, dropped: undefined, all: [] };
