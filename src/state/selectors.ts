import type { CatalogLayer, LocalizedText } from '../core/model/Catalog';
import type { AppState } from './AppState';
import { measureResult, type MeasureResult } from './measureSlice';

/** Catalog layers in catalog order, grouped by their (localized) group title. */
export function selectLayerGroups(s: AppState): { group: LocalizedText; layers: CatalogLayer[] }[] {
  const groups: { group: LocalizedText; layers: CatalogLayer[] }[] = [];
  for (const l of s.catalog?.layers ?? []) {
    let g = groups.find((x) => x.group.de === l.group.de && x.group.en === l.group.en);
    if (!g) groups.push((g = { group: l.group, layers: [] }));
    g.layers.push(l);
  }
  return groups;
}

/** Layers that are switched on, in catalog order. */
export function selectVisibleLayers(s: AppState): CatalogLayer[] {
  return (s.catalog?.layers ?? []).filter((l) => s.layers[l.id]?.visible);
}

/** Distinct attribution lines of the visible layers. */
export function selectAttributions(s: AppState): string[] {
  return [...new Set(selectVisibleLayers(s).map((l) => l.attribution).filter(Boolean))];
}

/** The catalog layer of the selected feature. */
export function selectSelectedLayer(s: AppState): CatalogLayer | undefined {
  const id = s.selection?.layerId;
  return id ? s.catalog?.layers.find((l) => l.id === id) : undefined;
}

/** The first visible 3D Tiles layer (the city model) — building styles apply to 3D Tiles layers. */
export function selectHasBuildings(s: AppState): boolean {
  return (s.catalog?.layers ?? []).some((l) => l.type === '3dtiles');
}

/** Result of the current measurement. */
export function selectMeasureResult(s: AppState): MeasureResult {
  return measureResult(s.measureMode, s.measurePoints);
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
  return s.catalog?.layers ?? [];
}
