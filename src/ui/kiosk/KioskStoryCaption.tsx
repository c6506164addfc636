import { useTranslation } from 'react-i18next';
import { storyCanMove } from '../../core/kiosk/storyPlayer';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';

/**
 * Left column, top: the intro text while no story plays and no card is open; during a story its
 * title, the step's caption, where in the story we are and previous / next /
 * from the start / end.
 */
export function KioskStoryCaption() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { kioskConfig, lang, kioskStory: story } = useAppFields('kioskConfig', 'lang', 'kioskStory');
  const config = kioskConfig!;
  // A tapped place's card takes the intro's room (on a small display the column could not show both).
  const cardOpen = useAppState((s) => !!s.selection || !!s.selectedProposedId);
  if (story.mode === 'stopped') {
    if (cardOpen) return null;
    return (
      <section className="kiosk-panel kiosk-intro" data-region="intro">
        {config.intro[lang].split('\n').map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
    );
  }
  const s = config.stories[story.storyIndex];
  const step = s.steps[story.stepIndex];
  const can = storyCanMove(story, config);
  const ev = (type: 'next' | 'previous' | 'replay') => store.getState().kioskStoryEvent({ type, atMs: performance.now() });
  return (
    <section className="kiosk-panel kiosk-story" data-region="story" aria-live="polite">
      <h2>{s.title[lang]}</h2>
      <p className="kiosk-story-step">{t('kiosk.storyStep', { step: String(story.stepIndex + 1), total: String(s.steps.length) })}</p>
      <p className="kiosk-caption">{step.caption[lang]}</p>
      {story.mode === 'manual' && (
        <div className="kiosk-row kiosk-wrap">
          <button type="button" className="kiosk-btn" disabled={!can.previous} onClick={() => ev('previous')}>
            <span aria-hidden="true">‹ </span>
            {t('kiosk.storyPrevious')}
          </button>
          <button type="button" className="kiosk-btn kiosk-btn-primary" disabled={!can.next} onClick={() => ev('next')}>
            {t('kiosk.storyNext')}
            <span aria-hidden="true"> ›</span>
          </button>
          <button type="button" className="kiosk-btn" onClick={() => ev('replay')}>
            <span aria-hidden="true">↺ </span>
            {t('kiosk.storyReplay')}
          </button>
          <button type="button" className="kiosk-btn" onClick={() => store.getState().kioskStoryEvent({ type: 'stop' })}>
            <span aria-hidden="true">✕ </span>
            {t('kiosk.storyClose')}
          </button>
        </div>
      )}
    </section>
  );
}
