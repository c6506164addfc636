import type { FieldError } from './FieldChecker';
import type { FeedbackAgeGroup, FeedbackPin, FeedbackScenarioState } from './FeedbackPin';
import { randomUuid } from './randomUuid';
import { readFeedbackPin } from './readFeedbackPin';
import { sanitizeComment } from './sanitizeComment';

/** What the kiosk's feedback form collects; the rest of a pin is added here. */
export interface FeedbackDraft {
  category: string;
  /** Raw typed text; cleaned with {@link sanitizeComment}. */
  text: string;
  rating?: number | null;
  ageGroup?: FeedbackAgeGroup | null;
  lon: number;
  lat: number;
  height: number;
  scenario: FeedbackScenarioState;
}

/**
 * Turns a confirmed feedback form into a {@link FeedbackPin}: a fresh UUID
 * ({@link randomUuid}), `createdAt = updatedAt = now`, not hidden,
 * text cleaned and cut to the length limit, every field checked (an empty
 * text, an unknown category, a rating outside 1–5 are errors with the
 * field's path, for the form to show). Pure apart from the random id;
 * pass `id` and `now` for reproducible tests.
 *
 * @example
 * const r = createFeedbackPin(draft, { categories: config.feedbackCategories.map((c) => c.id) });
 * if ('pin' in r) await storage.putFeedback(r.pin);
 */
export function createFeedbackPin(draft: FeedbackDraft, o: { now?: Date; id?: string; categories?: readonly string[] } = {}): { pin: FeedbackPin } | { errors: FieldError[] } {
  const at = (o.now ?? new Date()).toISOString();
  const record = {
    id: o.id ?? randomUuid(),
    createdAt: at,
    updatedAt: at,
    hidden: false,
    category: draft.category,
    // Cut to the limit here (the form should stop typing there anyway); an import over the limit is an error instead.
    text: typeof draft.text === 'string' ? sanitizeComment(draft.text) : draft.text,
    rating: draft.rating ?? null,
    ageGroup: draft.ageGroup ?? null,
    lon: draft.lon,
    lat: draft.lat,
    height: draft.height,
    scenario: draft.scenario,
  };
  return readFeedbackPin(record, '', o.categories);
}
