import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from '../../StoreContext';
import './feedback.css';

/**
 * The kiosk's entry to a comment (left column): "Leave a comment" switches the
 * one input router to the `placeFeedback` tool; while it waits for the tap, a
 * hint and Cancel; after a stored comment, the thank-you.
 */
export function FeedbackStart() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const placing = useAppState((s) => s.tool === 'placeFeedback');
  const placed = useAppState((s) => s.feedbackPlace !== null);
  const saved = useAppState((s) => s.feedbackSaved);
  return (
    <div className="kiosk-panel feedback-start" data-feedback="start">
      <div role="status">{saved && !placing ? <p className="feedback-thanks">{t('feedback.saved')}</p> : placing && !placed ? <p>{t('feedback.placeHint')}</p> : null}</div>
      {placing ? (
        !placed && (
          <button type="button" className="kiosk-btn" onClick={() => store.getState().setTool('select')}>
            {t('feedback.cancel')}
          </button>
        )
      ) : (
        <button
          type="button"
          className="kiosk-btn kiosk-btn-primary"
          onClick={() => {
            store.getState().setFeedbackSaved(false);
            store.getState().setTool('placeFeedback');
          }}
        >
          {t('feedback.start')}
        </button>
      )}
    </div>
  );
}
