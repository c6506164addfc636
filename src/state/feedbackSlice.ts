import type { FeedbackPin, FeedbackScenarioState } from '../core/kiosk/FeedbackPin';
import { EXISTING_VARIANT_ID } from '../core/kiosk/KioskConfig';
import { mergeFeedback } from '../core/kiosk/mergeFeedback';
import { PIN_LOCKOUT_START, type PinLockoutState } from '../core/kiosk/pinLockout';
import { LANGS, type Lang } from '../core/i18n/Lang';
import type { CatalogLayer } from '../core/model/Catalog';
import { textInAllLanguages } from '../core/i18n/textInAllLanguages';
import type { AppState, SliceCreator } from './AppState';
import { defaultLayerSettings, type LayerSettings, type LayerStatus } from './layersSlice';

/** Where a citizen tapped to leave a comment (WGS84 degrees, height in metres: the surface under the finger). */
export interface FeedbackPlace {
  lon: number;
  lat: number;
  height: number;
  /** The city-model building tapped, if any. */
  buildingId?: string;
}

/** Id of the one layer that shows feedback pins (the kiosk's own for staff, imported ones in the planner app). */
export const FEEDBACK_LAYER_ID = 'feedback-pins';

/** What did not come back when restoring a pin's view ("show what this person saw"). */
export type FeedbackRestoreGap = 'dataset' | 'variant';

export interface FeedbackSlice {
  /** The pin being written: set by the `placeFeedback` tool, cleared on confirm, cancel and idle reset. */
  feedbackPlace: FeedbackPlace | null;
  /**
   * The pins the app holds: in the kiosk the stored ones (staff list and map), in the planner app the imported
   * ones (merged by id). Hidden pins are included with their flag.
   */
  feedbackPins: FeedbackPin[];
  /** Kiosk: the thank-you after a stored comment (cleared by the next comment or the idle reset). */
  feedbackSaved: boolean;
  /** Kiosk staff area: closed, PIN pad, or the list of pins. */
  staffScreen: 'closed' | 'pin' | 'list';
  /** The PIN pad's lockout (kept while the pad closes and opens; not reset by the idle reset). */
  staffLockout: PinLockoutState;
  /** Pin whose view was restored last, and what could not be restored. */
  feedbackRestored: { pinId: string; gaps: FeedbackRestoreGap[] } | null;
  /** Puts the pin being written at a place (the tool's click). */
  placeFeedback(place: FeedbackPlace): void;
  /** Drops the pin being written (cancel, confirm, idle reset). */
  clearFeedbackPlace(): void;
  setFeedbackSaved(saved: boolean): void;
  setStaffScreen(screen: FeedbackSlice['staffScreen']): void;
  setStaffLockout(s: PinLockoutState): void;
  setFeedbackPins(pins: FeedbackPin[]): void;
  /** Merges imported pins into the held ones by id (newest `updatedAt` wins); returns how many were new and how many were already held. */
  importFeedbackPins(pins: FeedbackPin[]): { added: number; duplicates: number };
  /**
   * Shows the feedback layer with its data at `url` (a `blob:` GeoJSON made by the app), or removes it (null).
   * It is a dropped-style layer of the one registry (`origin: 'dropped'`), so scene, picking and layer tree treat it
   * like any other.
   */
  setFeedbackLayerUrl(url: string | null): void;
  /** Restores what a pin's author saw: camera, variant, scene time, visible catalog layers, language. */
  showWhatPinSaw(pinId: string): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends FeedbackSlice {}
}

/** The feedback layer's registry entry for a data url. */
export function feedbackLayer(url: string): CatalogLayer {
  return {
    id: FEEDBACK_LAYER_ID,
    title: textInAllLanguages('feedback.layer'),
    group: textInAllLanguages('feedback.layerGroup'),
    type: 'geojson-points',
    url,
    defaultVisible: true,
    style: { kind: 'point', color: '#b3261e', symbol: 'pin' },
    attribution: '',
    origin: 'dropped',
    fileId: FEEDBACK_LAYER_ID,
  };
}

export const createFeedbackSlice: SliceCreator<FeedbackSlice> = (set, get) => ({
  feedbackPlace: null,
  feedbackPins: [],
  feedbackRestored: null,
  feedbackSaved: false,
  staffScreen: 'closed',
  staffLockout: PIN_LOCKOUT_START,
  setFeedbackSaved: (feedbackSaved) => set({ feedbackSaved }),
  setStaffScreen: (staffScreen) => set({ staffScreen }),
  setStaffLockout: (staffLockout) => set({ staffLockout }),
  placeFeedback: (place) => set({ feedbackPlace: { ...place } }),
  clearFeedbackPlace: () => set({ feedbackPlace: null }),
  setFeedbackPins: (pins) => set({ feedbackPins: pins }),
  importFeedbackPins: (pins) => {
    const held = get().feedbackPins;
    const { pins: merged, duplicates } = mergeFeedback([held, pins]);
    set({ feedbackPins: merged });
    return { added: merged.length - held.length, duplicates };
  },
  setFeedbackLayerUrl: (url) => {
    const s = get();
    const rest = s.droppedLayers.filter((l) => l.id !== FEEDBACK_LAYER_ID);
    const old = s.droppedLayers.find((l) => l.id === FEEDBACK_LAYER_ID);
    if (!url) {
      if (!old) return;
      const layers: Record<string, LayerSettings> = { ...s.layers };
      const layerStatus: Record<string, LayerStatus> = { ...s.layerStatus };
      delete layers[FEEDBACK_LAYER_ID];
      delete layerStatus[FEEDBACK_LAYER_ID];
      set({ droppedLayers: rest, layers, layerStatus, selection: s.selection?.layerId === FEEDBACK_LAYER_ID ? undefined : s.selection });
      return;
    }
    const def = feedbackLayer(url);
    // New data keeps the user's visibility and opacity of the layer.
    set({ droppedLayers: [...rest, def], layers: { ...s.layers, [FEEDBACK_LAYER_ID]: s.layers[FEEDBACK_LAYER_ID] ?? defaultLayerSettings(def) } });
  },
  showWhatPinSaw: (pinId) => {
    const s = get();
    const pin = s.feedbackPins.find((p) => p.id === pinId);
    if (!pin) return;
    const sc = pin.scenario;
    const gaps: FeedbackRestoreGap[] = [];
    if (s.catalog && s.catalog.id !== sc.datasetId) gaps.push('dataset');
    if ((LANGS as readonly string[]).includes(sc.language)) s.setLang(sc.language as Lang);
    const t = Date.parse(sc.sceneTime);
    if (Number.isFinite(t)) s.setTime(t);
    const shown = new Set(sc.visibleLayerIds);
    for (const l of s.catalog?.layers ?? []) s.setLayerVisible(l.id, shown.has(l.id));
    if (sc.variantId === EXISTING_VARIANT_ID) s.setActiveVariant(null);
    else {
      const owner = s.scenarios.find((x) => x.variants.some((v) => v.id === sc.variantId));
      if (owner) {
        if (get().activeScenarioId !== owner.id) get().setActiveScenario(owner.id);
        get().setActiveVariant(sc.variantId);
      } else gaps.push('variant');
    }
    get().flyTo(sc.camera);
    set({ feedbackRestored: { pinId, gaps } });
  },
});

/**
 * The scenario state a new pin records: dataset, plan version (the active
 * scenario's last change, or the dataset id when the city is shown as it is),
 * variant (`existing` for none), camera, scene time, visible catalog layers
 * (not the feedback layer or dropped files) and the UI language.
 *
 * @example createFeedbackPin({ ...form, ...place, scenario: feedbackScenarioState(store.getState()) })
 */
export function feedbackScenarioState(s: AppState): FeedbackScenarioState {
  const scenario = s.scenarios.find((x) => x.id === s.activeScenarioId);
  const cam = s.camera ?? s.catalog?.home;
  return {
    datasetId: s.catalog?.id ?? s.dataset,
    planVersion: scenario ? `${scenario.id}@${scenario.updatedAt}` : null,
    // The kiosk shows its own variant switch (ids of the dataset's scenario variants, or `existing`).
    variantId: s.kioskConfig ? s.kioskVariantId || EXISTING_VARIANT_ID : (s.activeVariantId ?? EXISTING_VARIANT_ID),
    camera: cam ? { lon: cam.lon, lat: cam.lat, height: cam.height, headingDeg: cam.headingDeg, pitchDeg: cam.pitchDeg } : { lon: 0, lat: 0, height: 0, headingDeg: 0, pitchDeg: -90 },
    sceneTime: new Date(s.timeMs).toISOString(),
    visibleLayerIds: (s.catalog?.layers ?? []).filter((l) => s.layers[l.id]?.visible).map((l) => l.id),
    language: s.lang,
  };
}
