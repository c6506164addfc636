import type { FieldError } from '../core/kiosk/FieldChecker';
import type { KioskConfig } from '../core/kiosk/KioskConfig';
import { idleTimer, idleTimerStart, type IdleTimerState } from '../core/kiosk/idleTimer';
import { STORY_STOPPED, storyPlayer, type StoryEvent, type StoryPlayerState } from '../core/kiosk/storyPlayer';
import type { KioskSunChoice } from '../core/kiosk/kioskSun';
import type { Message } from '../core/i18n/Message';
import type { SliceCreator } from './AppState';

/** Why the kiosk cannot start: the file could not be read (a message), or it broke rules (one error per field). */
export type KioskLoadError = { kind: 'load'; url: string; message: Message } | { kind: 'invalid'; url: string; errors: FieldError[] };

/**
 * State of the kiosk screen (`?mode=kiosk`, issue 13). The planner app never
 * sets it. `kioskResetCount` is the reset event: it increases once per idle
 * reset (and per explicit `kioskReset`), after the scene went back to its
 * start state; anything holding a visitor's unconfirmed input (the feedback
 * form) subscribes to it and wipes that input.
 */
export interface KioskSlice {
  /** The validated kiosk.json; null until loaded (or when it is broken). */
  kioskConfig: KioskConfig | null;
  kioskLoadError: KioskLoadError | null;
  /** High-contrast theme of the kiosk screen. */
  kioskHighContrast: boolean;
  /** Idle / countdown / reset / attract cycle ({@link idleTimer}). */
  kioskIdle: IdleTimerState;
  /** Story playback ({@link storyPlayer}). */
  kioskStory: StoryPlayerState;
  /** Id of the shown variant from `kioskConfig.variants`. */
  kioskVariantId: string;
  /** The chosen sun setting (season × time of day); null while a story (or the start state) sets the time. */
  kioskSun: KioskSunChoice | null;
  /** Increases by one with every reset to the start state (the reset event). */
  kioskResetCount: number;
  setKioskConfig(config: KioskConfig): void;
  setKioskLoadError(error: KioskLoadError): void;
  setKioskHighContrast(on: boolean): void;
  /** Feeds the idle timer (touch, tick, resetDone); the kiosk controller reacts to the phase. */
  kioskIdleEvent(event: Parameters<typeof idleTimer>[1]): void;
  /** Feeds the story player. */
  kioskStoryEvent(event: StoryEvent): void;
  setKioskVariant(id: string): void;
  setKioskSun(choice: KioskSunChoice | null): void;
  /** Marks a finished reset: bumps `kioskResetCount`. */
  kioskResetFinished(): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends KioskSlice {}
}

export const createKioskSlice: SliceCreator<KioskSlice> = (set, get) => ({
  kioskConfig: null,
  kioskLoadError: null,
  kioskHighContrast: false,
  kioskIdle: idleTimerStart(0),
  kioskStory: STORY_STOPPED,
  kioskVariantId: '',
  kioskSun: null,
  kioskResetCount: 0,
  setKioskConfig: (kioskConfig) => set({ kioskConfig, kioskLoadError: null, kioskVariantId: kioskConfig.variants[0]?.id ?? '' }),
  setKioskLoadError: (kioskLoadError) => set({ kioskLoadError, kioskConfig: null }),
  setKioskHighContrast: (kioskHighContrast) => set({ kioskHighContrast }),
  kioskIdleEvent: (event) => {
    const config = get().kioskConfig;
    if (!config) return;
    const next = idleTimer(get().kioskIdle, event, config);
    if (next !== get().kioskIdle) set({ kioskIdle: next });
  },
  kioskStoryEvent: (event) => {
    const config = get().kioskConfig;
    if (!config) return;
    const next = storyPlayer(get().kioskStory, event, config);
    if (next !== get().kioskStory) set({ kioskStory: next });
  },
  setKioskVariant: (kioskVariantId) => {
    const config = get().kioskConfig;
    if (config && !config.variants.some((v) => v.id === kioskVariantId)) throw new Error(`setKioskVariant: unknown variant "${kioskVariantId}"`);
    set({ kioskVariantId });
  },
  setKioskSun: (kioskSun) => set({ kioskSun }),
  kioskResetFinished: () => set({ kioskResetCount: get().kioskResetCount + 1 }),
});
