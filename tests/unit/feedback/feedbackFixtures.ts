import { createFeedbackPin } from '../../../src/core/kiosk/createFeedbackPin';
import type { FeedbackPin } from '../../../src/core/kiosk/FeedbackPin';
import { feedbackDraft } from '../kiosk/kioskFixtures';

/** A valid pin with the given text, confirmed at `at` (ISO), optionally with a fixed id. */
export function pinOf(text: string, at: string, id?: string): FeedbackPin {
  const r = createFeedbackPin(feedbackDraft({ text }), { now: new Date(at), ...(id ? { id } : {}) });
  if (!('pin' in r)) throw new Error(JSON.stringify(r.errors));
  return r.pin;
}
