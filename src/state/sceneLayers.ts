import type { CatalogLayer } from '../core/model/Catalog';
import type { ProposedBuilding, Variant } from '../core/model/Scenario';
import type { BuildingStyleKind } from '../core/style/buildingStyles';
import type { AppState } from './AppState';
import { findVariant } from './scenarioSlice';
import { allCatalogLayers } from './selectors';

/** What a scene layer needs to draw itself; derived from the store by {@link createSceneLayersSelector}. */
export interface LayerLook {
  visible: boolean;
  opacity: number;
  selectedFeatureId: string | undefined;
  buildingStyle: BuildingStyleKind;
  /** City-model buildings hidden as demolished: on the whole view, or left of the compare divider. */
  hiddenIds: readonly string[];
  /**
   * While two different variants are compared: the buildings hidden right of
   * the divider (the tileset draws a twin for that side). Undefined: no split.
   */
  twinHiddenIds: readonly string[] | undefined;
}

/** One layer of the desired scene: its catalog entry and its look. */
export interface SceneLayerSpec {
  def: CatalogLayer;
  look: LayerLook;
}

/** Which side of the compare divider something is drawn on ('none': everywhere). */
export type SplitSide = 'none' | 'left' | 'right';

/** The two sides of the view: the variant drawn on each and whether the view is split. */
export interface CompareSides {
  left: Variant | null;
  right: Variant | null;
  /** True while two different variants are compared side by side. */
  split: boolean;
  /** Divider position 0…1 of the view width (0.5 when not comparing). */
  position: number;
}

/**
 * The variants on screen: the active one normally; in compare mode the left
 * and right ones, split only when they differ.
 *
 * @example compareSides(s).split // false unless comparing two different variants
 */
export function compareSides(s: AppState): CompareSides {
  const c = s.scenarioCompare;
  if (c.mode !== 'off') {
    const left = findVariant(s, c.left);
    const right = findVariant(s, c.right);
    return { left, right, split: (left?.id ?? null) !== (right?.id ?? null), position: c.swipe };
  }
  const v = findVariant(s, s.activeVariantId);
  return { left: v, right: v, split: false, position: 0.5 };
}

/**
 * Proposed buildings to draw, keyed `side:id` (side: {@link SplitSide}): the
 * shown variant's, or both sides' while split. Values are the store's own
 * building objects, so `shallow` sees a change only when a building changes.
 */
export function selectProposedSpecs(s: AppState): Map<string, ProposedBuilding> {
  const { left, right, split } = compareSides(s);
  const out = new Map<string, ProposedBuilding>();
  const add = (v: Variant | null, side: SplitSide) => v?.buildings.forEach((b) => out.set(`${side}:${b.id}`, b));
  if (split) {
    add(left, 'left');
    add(right, 'right');
  } else add(left, 'none');
  return out;
}

const sorted = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].sort();
const sameIds = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));
const sameLook = (a: LayerLook, b: LayerLook) =>
  a.visible === b.visible &&
  a.opacity === b.opacity &&
  a.selectedFeatureId === b.selectedFeatureId &&
  a.buildingStyle === b.buildingStyle &&
  a.hiddenIds === b.hiddenIds &&
  a.twinHiddenIds === b.twinHiddenIds;

/**
 * Makes the selector of the desired scene layers: every layer of the registry
 * (catalog and dropped) with its look — visibility, opacity, selected feature,
 * building style, and for 3D Tiles the demolished buildings per compare side.
 *
 * It is pure and memoized: a layer whose look did not change keeps the same
 * spec object, and the list keeps its identity-per-entry, so a subscriber
 * with `shallow` equality is called only when something on screen changes
 * (a time-slider drag changes nothing here).
 *
 * @example
 * const select = createSceneLayersSelector();
 * store.subscribe(select, (layers) => sync(layers), { equalityFn: shallow });
 */
export function createSceneLayersSelector(): (s: AppState) => SceneLayerSpec[] {
  let prev = new Map<string, SceneLayerSpec>();
  let hidden: { left: string[]; right: string[] | undefined } = { left: [], right: undefined };
  return (s) => {
    const sides = compareSides(s);
    const left = sorted(sides.left?.demolishedIds);
    const right = sides.split ? sorted(sides.right?.demolishedIds) : undefined;
    // Keep the arrays' identity while their content is the same, so looks compare by reference.
    hidden = { left: sameIds(left, hidden.left) ? hidden.left : left, right: sameIds(right, hidden.right) ? hidden.right : right };
    const next = new Map<string, SceneLayerSpec>();
    const out: SceneLayerSpec[] = [];
    for (const def of allCatalogLayers(s)) {
      const st = s.layers[def.id];
      const tiles = def.type === '3dtiles';
      const look: LayerLook = {
        visible: st?.visible ?? false,
        opacity: st?.opacity ?? 1,
        selectedFeatureId: s.selection?.layerId === def.id ? s.selection.featureId : undefined,
        buildingStyle: s.buildingStyle,
        hiddenIds: tiles ? hidden.left : NONE,
        twinHiddenIds: tiles ? hidden.right : undefined,
      };
      const old = prev.get(def.id);
      const spec = old && old.def === def && sameLook(old.look, look) ? old : { def, look };
      next.set(def.id, spec);
      out.push(spec);
    }
    prev = next;
    return out;
  };
}

const NONE: readonly string[] = [];
