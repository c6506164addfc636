import type { FeedbackPin } from './FeedbackPin';

/**
 * Merges the pins of several kiosks' exports (or an export into the pins
 * already held) by pin id, without duplicates: of two records of one pin the
 * one with the newer `updatedAt` wins (so a later hide or restore counts);
 * on a tie a hidden record wins (a hide is never lost to a copy made at the
 * same moment). Hidden pins are kept, with their flag. The result is sorted
 * by `createdAt`, then id, so merging in any order gives the same list.
 * `duplicates` counts the records that were folded into another.
 *
 * @example const { pins } = mergeFeedback([kioskA.pins, kioskB.pins]);
 */
export function mergeFeedback(lists: readonly (readonly FeedbackPin[])[]): { pins: FeedbackPin[]; duplicates: number } {
  const byId = new Map<string, FeedbackPin>();
  let duplicates = 0;
  for (const list of lists) {
    for (const pin of list) {
      const held = byId.get(pin.id);
      if (held) duplicates++;
      if (!held || newer(pin, held)) byId.set(pin.id, pin);
    }
  }
  const pins = [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { pins, duplicates };
}

function newer(a: FeedbackPin, b: FeedbackPin): boolean {
  // ISO instants from toISOString() compare correctly as strings.
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.hidden && !b.hidden;
}
