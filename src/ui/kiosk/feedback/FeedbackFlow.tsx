import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFeedbackPin } from '../../../core/kiosk/createFeedbackPin';
import type { KioskFeedbackCategory } from '../../../core/kiosk/KioskConfig';
import type { MessageKey } from '../../../core/i18n/Message';
import { feedbackScenarioState } from '../../../state/feedbackSlice';
import { useAppState, useAppStoreApi } from '../../StoreContext';
import { FeedbackForm, type FeedbackFormValues } from './FeedbackForm';
import { useFeedbackService } from './FeedbackService';
import './feedback.css';

type FormError = { key: MessageKey; params?: Record<string, unknown> } | null;

/**
 * The kiosk's comment flow: "Leave a comment" switches the one input router
 * to the `placeFeedback` tool, a tap on the map or a building puts the pin,
 * the form opens; "Send" makes the pin ({@link createFeedbackPin}, with the
 * scenario state at that moment) and stores it through the app's feedback
 * service; only a stored pin is thanked for. A storage error (full disk)
 * keeps the form and its text and says so. Cancel, or the idle reset
 * (which sets the tool back to `select`), drops the pin and the text.
 */
export function FeedbackFlow({ categories }: { categories: KioskFeedbackCategory[] }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const service = useFeedbackService();
  const lang = useAppState((s) => s.lang);
  const placing = useAppState((s) => s.tool === 'placeFeedback');
  const place = useAppState((s) => s.feedbackPlace);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError>(null);
  const [thanks, setThanks] = useState(false);

  const start = () => {
    setThanks(false);
    setError(null);
    store.getState().setTool('placeFeedback');
  };
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
    setThanks(true);
    store.getState().setTool('select');
  };

  return (
    <>
      {!placing && (
        <button type="button" className="fbtn fbtn-primary feedback-start" onClick={start}>
          {t('feedback.start')}
        </button>
      )}
      <div className="feedback-live" role="status">
        {thanks && !placing ? <p className="feedback-thanks">{t('feedback.saved')}</p> : null}
        {placing && !place ? <p className="feedback-hint">{t('feedback.placeHint')}</p> : null}
      </div>
      {placing && !place && (
        <button type="button" className="fbtn feedback-hint-cancel" onClick={cancel}>
          {t('feedback.cancel')}
        </button>
      )}
      {placing && place && (
        <div className="feedback-sheet">
          <FeedbackForm categories={categories} lang={lang} busy={busy} error={error} onConfirm={(v) => void confirm(v)} onCancel={cancel} />
        </div>
      )}
    </>
  );
}
