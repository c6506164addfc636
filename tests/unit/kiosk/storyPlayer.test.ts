import { describe, expect, it } from 'vitest';
import { ATTRACT_SLOWDOWN, currentStoryStep, STORY_STOPPED, storyCanMove, storyNextDeadlineMs, storyPlayer, type StoryEvent, type StoryPlayerState } from '../../../src/core/kiosk/storyPlayer';
import { validKioskConfig } from './kioskFixtures';

const config = validKioskConfig(); // stories: intro (2 steps), schatten (3 steps), gruen (1 step); 8 s per step
const run = (s: StoryPlayerState, ...events: StoryEvent[]) => events.reduce((a, e) => storyPlayer(a, e, config), s);
const stepMs = 8 * ATTRACT_SLOWDOWN * 1000; // 12 s in the attract loop

describe('storyPlayer', () => {
  it('steps through a story with next/previous, stopping at both ends, and replays', () => {
    let s = run(STORY_STOPPED, { type: 'start', storyId: 'schatten', atMs: 0 });
    expect(s).toEqual({ mode: 'manual', storyIndex: 1, stepIndex: 0, stepStartedMs: 0 });
    expect(currentStoryStep(s, config)?.caption.de).toBe('März (de)');
    expect(storyCanMove(s, config)).toEqual({ previous: false, next: true });
    expect(run(s, { type: 'previous', atMs: 1 })).toBe(s);
    s = run(s, { type: 'next', atMs: 1 }, { type: 'next', atMs: 2 });
    expect(currentStoryStep(s, config)?.caption.de).toBe('Dezember (de)');
    expect(storyCanMove(s, config)).toEqual({ previous: true, next: false });
    expect(run(s, { type: 'next', atMs: 3 })).toBe(s);
    s = run(s, { type: 'previous', atMs: 4 });
    expect(s.stepIndex).toBe(1);
    s = run(s, { type: 'replay', atMs: 5 });
    expect(s).toEqual({ mode: 'manual', storyIndex: 1, stepIndex: 0, stepStartedMs: 5 });
    // Manual mode never advances by itself.
    expect(run(s, { type: 'tick', atMs: 1e9 })).toBe(s);
  });

  it('plays the attract story slowly in a loop, skipping whole loops on a late tick', () => {
    let s = run(STORY_STOPPED, { type: 'attract', atMs: 1000 });
    expect(s).toEqual({ mode: 'attract', storyIndex: 0, stepIndex: 0, stepStartedMs: 1000 });
    expect(storyNextDeadlineMs(s, config)).toBe(1000 + stepMs);
    expect(run(s, { type: 'tick', atMs: 1000 + stepMs - 1 })).toBe(s);
    s = run(s, { type: 'tick', atMs: 1000 + stepMs });
    expect(s).toMatchObject({ stepIndex: 1, stepStartedMs: 1000 + stepMs });
    s = run(s, { type: 'tick', atMs: 1000 + 2 * stepMs + 5 });
    expect(s).toMatchObject({ stepIndex: 0, stepStartedMs: 1000 + 2 * stepMs }); // looped
    // 10 loops and 1.5 steps later: step 1, started at the exact boundary.
    s = run(s, { type: 'tick', atMs: 1000 + 2 * stepMs + 10 * 2 * stepMs + 1.5 * stepMs });
    expect(s).toMatchObject({ stepIndex: 1, stepStartedMs: 1000 + 2 * stepMs + 10 * 2 * stepMs + stepMs });
  });

  it('uses attractStoryId when set; a touch on next takes over the loop as a manual tour', () => {
    const cfg = { ...config, attractStoryId: 'gruen' };
    let s = storyPlayer(STORY_STOPPED, { type: 'attract', atMs: 0 }, cfg);
    expect(s.storyIndex).toBe(2);
    s = storyPlayer(s, { type: 'tick', atMs: stepMs * 3 + 1 }, cfg); // one-step story loops onto itself
    expect(s).toMatchObject({ stepIndex: 0, stepStartedMs: stepMs * 3 });
    s = storyPlayer(s, { type: 'next', atMs: 7 }, cfg);
    expect(s).toEqual({ mode: 'manual', storyIndex: 2, stepIndex: 0, stepStartedMs: 7 });
    expect(storyNextDeadlineMs(s, cfg)).toBeNull();
  });

  it('stays stopped for unknown stories and empty story lists', () => {
    expect(run(STORY_STOPPED, { type: 'start', storyId: 'nope', atMs: 0 })).toBe(STORY_STOPPED);
    expect(storyPlayer(STORY_STOPPED, { type: 'attract', atMs: 0 }, { stories: [] })).toBe(STORY_STOPPED);
    expect(run(STORY_STOPPED, { type: 'next', atMs: 0 })).toBe(STORY_STOPPED);
    expect(currentStoryStep(STORY_STOPPED, config)).toBeNull();
    expect(run(run(STORY_STOPPED, { type: 'start', storyId: 'intro', atMs: 0 }), { type: 'stop' })).toBe(STORY_STOPPED);
  });
});
