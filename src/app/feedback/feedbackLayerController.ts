import type { FeedbackPin } from '../../core/kiosk/FeedbackPin';
import { FEEDBACK_LAYER_ID } from '../../state/feedbackSlice';
import { feedbackToGeoJson } from '../../core/kiosk/feedbackToGeoJson';
import type { AppStore } from '../../state';

/**
 * Keeps the feedback layer of the one layer registry in step with the pins
 * the store holds (staff list in the kiosk, imported pins in the planner
 * app): their visible pins as a same-origin `blob:` GeoJSON (the old url is
 * revoked by the dropped-layer bookkeeping when it leaves the registry), no
 * layer when there are none. Returns the unsubscribe.
 */
export function startFeedbackLayer(store: AppStore): () => void {
  const apply = (pins: readonly FeedbackPin[]) => {
    const shown = pins.filter((p) => !p.hidden);
    const url = shown.length ? URL.createObjectURL(new Blob([JSON.stringify(feedbackToGeoJson(shown))], { type: 'application/geo+json' })) : null;
    const old = store.getState().droppedLayers.find((l) => l.id === FEEDBACK_LAYER_ID)?.url;
    store.getState().setFeedbackLayerUrl(url);
    if (old?.startsWith('blob:') && old !== url) URL.revokeObjectURL(old);
  };
  apply(store.getState().feedbackPins);
  return store.subscribe((s) => s.feedbackPins, apply);
}
