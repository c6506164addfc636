import type { KioskConfig, KioskStoryStep } from './KioskConfig';

/** The attract loop shows each step this many times longer than its `durationS` (slowly, for passers-by). */
export const ATTRACT_SLOWDOWN = 1.5;

/**
 * Where story playback stands. `manual`: a citizen steps through a story
 * (next/previous/replay). `attract`: the attract story plays by itself in a
 * loop. `stopped`: no story.
 */
export interface StoryPlayerState {
  mode: 'stopped' | 'manual' | 'attract';
  storyIndex: number;
  stepIndex: number;
  /** When the current step began (the attract loop advances from it). */
  stepStartedMs: number;
}

export type StoryEvent =
  | { type: 'start'; storyId: string; atMs: number }
  | { type: 'next'; atMs: number }
  | { type: 'previous'; atMs: number }
  | { type: 'replay'; atMs: number }
  | { type: 'attract'; atMs: number }
  | { type: 'stop' }
  | { type: 'tick'; atMs: number };

/** The stories a player runs over. */
export type StoryPlayerConfig = Pick<KioskConfig, 'stories' | 'attractStoryId'>;

/** No story playing. */
export const STORY_STOPPED: StoryPlayerState = { mode: 'stopped', storyIndex: 0, stepIndex: 0, stepStartedMs: 0 };

/**
 * Story navigation as a pure state machine over a kiosk config's stories.
 * `start` opens a story at its first step; `next`/`previous` move one step
 * and stop at the ends (no wrap: a citizen should notice the story is
 * over); `replay` returns to the first step; `attract` plays the attract
 * story (`attractStoryId`, else the first) which `tick`s advance after each
 * step's `durationS × ATTRACT_SLOWDOWN`, looping forever (a late tick skips
 * as many steps as the time covers). Unknown story ids and empty story lists
 * leave the player stopped. The scene is set from {@link currentStoryStep}.
 *
 * @example
 * let s = storyPlayer(STORY_STOPPED, { type: 'attract', atMs: now }, config);
 * s = storyPlayer(s, { type: 'tick', atMs: later }, config);
 * applyStep(currentStoryStep(s, config));
 */
export function storyPlayer(state: StoryPlayerState, event: StoryEvent, config: StoryPlayerConfig): StoryPlayerState {
  switch (event.type) {
    case 'start': {
      const storyIndex = config.stories.findIndex((s) => s.id === event.storyId);
      return storyIndex < 0 ? STORY_STOPPED : { mode: 'manual', storyIndex, stepIndex: 0, stepStartedMs: event.atMs };
    }
    case 'attract': {
      const storyIndex = attractStoryIndex(config);
      return storyIndex < 0 ? STORY_STOPPED : { mode: 'attract', storyIndex, stepIndex: 0, stepStartedMs: event.atMs };
    }
    case 'stop':
      return STORY_STOPPED;
    case 'next':
    case 'previous':
    case 'replay': {
      if (state.mode === 'stopped') return state;
      const last = config.stories[state.storyIndex].steps.length - 1;
      const stepIndex = event.type === 'replay' ? 0 : Math.min(last, Math.max(0, state.stepIndex + (event.type === 'next' ? 1 : -1)));
      // A citizen taking over the attract loop turns it into a manual tour of the same story.
      if (stepIndex === state.stepIndex && state.mode === 'manual') return state;
      return { mode: 'manual', storyIndex: state.storyIndex, stepIndex, stepStartedMs: event.atMs };
    }
    case 'tick': {
      if (state.mode !== 'attract') return state;
      const steps = config.stories[state.storyIndex].steps;
      const durations = steps.map((s) => s.durationS * ATTRACT_SLOWDOWN * 1000);
      const cycle = durations.reduce((a, b) => a + b, 0);
      let elapsed = event.atMs - state.stepStartedMs;
      if (elapsed < durations[state.stepIndex]) return state;
      let { stepIndex, stepStartedMs } = state;
      // Skip whole loops at once, then step by step (at most one loop).
      const loops = Math.floor(elapsed / cycle);
      if (loops > 1) {
        stepStartedMs += (loops - 1) * cycle;
        elapsed -= (loops - 1) * cycle;
      }
      while (elapsed >= durations[stepIndex]) {
        elapsed -= durations[stepIndex];
        stepStartedMs += durations[stepIndex];
        stepIndex = (stepIndex + 1) % steps.length;
      }
      return { ...state, stepIndex, stepStartedMs };
    }
  }
}

/** The step to show, or null when stopped. */
export function currentStoryStep(state: StoryPlayerState, config: StoryPlayerConfig): KioskStoryStep | null {
  return state.mode === 'stopped' ? null : (config.stories[state.storyIndex]?.steps[state.stepIndex] ?? null);
}

/** Whether `previous` / `next` would move (for enabling the buttons). */
export function storyCanMove(state: StoryPlayerState, config: StoryPlayerConfig): { previous: boolean; next: boolean } {
  if (state.mode === 'stopped') return { previous: false, next: false };
  return { previous: state.stepIndex > 0, next: state.stepIndex < config.stories[state.storyIndex].steps.length - 1 };
}

/** When the attract loop moves on (for one `setTimeout`), null outside it. */
export function storyNextDeadlineMs(state: StoryPlayerState, config: StoryPlayerConfig): number | null {
  if (state.mode !== 'attract') return null;
  return state.stepStartedMs + config.stories[state.storyIndex].steps[state.stepIndex].durationS * ATTRACT_SLOWDOWN * 1000;
}

function attractStoryIndex(config: StoryPlayerConfig): number {
  if (config.attractStoryId !== undefined) {
    const i = config.stories.findIndex((s) => s.id === config.attractStoryId);
    if (i >= 0) return i;
  }
  return config.stories.length > 0 ? 0 : -1;
}
