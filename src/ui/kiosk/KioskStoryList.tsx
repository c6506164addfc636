import { useAppState, useAppStoreApi } from '../StoreContext';

/** The stories of the kiosk: one large button each; tapping starts the story at its first step. */
export function KioskStoryList() {
  const store = useAppStoreApi();
  const config = useAppState((s) => s.kioskConfig)!;
  const lang = useAppState((s) => s.lang);
  const story = useAppState((s) => s.kioskStory);
  return (
    <div className="kiosk-row kiosk-wrap">
      {config.stories.map((s, i) => (
        <button
          key={s.id}
          type="button"
          className="kiosk-btn kiosk-choice"
          aria-pressed={story.mode !== 'stopped' && story.storyIndex === i}
          onClick={() => store.getState().kioskStoryEvent({ type: 'start', storyId: s.id, atMs: performance.now() })}
        >
          {s.title[lang]}
        </button>
      ))}
    </div>
  );
}
