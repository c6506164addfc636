import { useState } from 'react';
import { createFeedbackPin } from '../../../core/kiosk/createFeedbackPin';
import type { MessageKey } from '../../../core/i18n/Message';
import { feedbackScenarioState } from '../../../state/feedbackSlice';
import { useAppState, useAppStoreApi } from '../../StoreContext';
import { FeedbackForm, type FeedbackFormValues } from './FeedbackForm';
import { useFeedbackService } from './FeedbackService';
import './feedback.css';

type FormError = { key: MessageKey; params?: Record<string, unknown> } | null;

/**
 * The comment form as a bottom sheet over the map, open while a pin is placed
 * (`feedbackPlace`). "Send" makes the pin ({@link createFeedbackPin}, with
 * the scenario state of that moment) and stores it through the app's
 * feedback service; only a stored pin is thanked for. A storage error (a full
 * disk) keeps the form and its text and says so. Cancel, another tool, or
 * the idle reset (tool back to `select`, screen remounted) drop the pin and the text.
 */
export function FeedbackSheet() {
  const store = useAppStoreApi();
  const service = useFeedbackService();
  const lang = useAppState((s) => s.lang);
  const open = useAppState((s) => s.tool === 'placeFeedback' && s.feedbackPlace !== null);
  const categories = useAppState((s) => s.kioskConfig?.feedbackCategories ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError>(null);
  if (!open) return null;

  const cancel = () => {
    setError(null);
    store.getState().setTool('select');
  };
  const confirm = async (v: FeedbackFormValues) => {
    const s = store.getState();
    if (!s.feedbackPlace) return;
    const made = createFeedbackPin(
      { ...v, lon: s.feedbackPlace.lon, lat: s.feedbackPlace.lat, height: s.feedbackPlace.height, scenario: feedbackScenarioState(s) },
      { categories: categories.map((c) => c.id) },
    );
    if ('errors' in made) {
      const bad = new Set(made.errors.map((e) => e.path));
      setError({ key: bad.has('category') ? 'feedback.err.category' : bad.has('text') ? 'feedback.err.text' : 'feedback.err.storage', params: { detail: made.errors[0]?.message } });
      return;
    }
    setBusy(true);
    const saved = await service.save(made.pin);
    setBusy(false);
    if (!saved.ok) {
      setError(saved.error.code === 'storage.quotaExceeded' ? { key: 'feedback.err.quota' } : { key: 'feedback.err.storage', params: { detail: saved.error.params?.detail ?? saved.error.code } });
      return;
    }
    setError(null);
    store.getState().setTool('select');
    store.getState().setFeedbackSaved(true);
  };

  return (
    <div className="feedback-sheet" data-feedback="sheet">
      <FeedbackForm categories={categories} lang={lang} busy={busy} error={error} onConfirm={(v) => void confirm(v)} onCancel={cancel} />
    </div>
  );
}
