import { createContext, useContext } from 'react';
import type { Message } from '../../../core/i18n/Message';
import type { FeedbackPin } from '../../../core/kiosk/FeedbackPin';

/** A storage answer as the UI sees it: done, or a message code to show. */
export type FeedbackResult<T = void> = { ok: true; value: T } | { ok: false; error: Message };

/** Sync progress for the staff screen; `null` when no endpoint is configured (nothing is ever sent). */
export interface FeedbackSyncView {
  pending: number;
  sent: number;
  lastError: string | null;
}

/**
 * What the kiosk's feedback and staff screens need from the app (IndexedDB,
 * sync). The app implements it (`app/feedback/createFeedbackService.ts`) and
 * hands it in through {@link FeedbackServiceContext}; UI never opens storage itself.
 */
export interface FeedbackService {
  /** Stores a confirmed pin durably (and queues it for sync when configured). */
  save(pin: FeedbackPin): Promise<FeedbackResult>;
  /** Every stored pin (hidden ones too), and how many records could not be read. */
  list(): Promise<FeedbackResult<{ pins: FeedbackPin[]; skipped: number }>>;
  setHidden(id: string, hidden: boolean): Promise<FeedbackResult<FeedbackPin | undefined>>;
  /** Deletes a pin for good (the UI asks a second time first). */
  remove(id: string): Promise<FeedbackResult>;
  /** Current sync state, null when sync is off. */
  syncStatus(): FeedbackSyncView | null;
  /** Called with each new sync state. */
  onSyncStatus(fn: (s: FeedbackSyncView) => void): () => void;
}

export const FeedbackServiceContext = createContext<FeedbackService | null>(null);

/** The app's feedback service (throws when the kiosk shell did not provide one: a wiring error). */
export function useFeedbackService(): FeedbackService {
  const s = useContext(FeedbackServiceContext);
  if (!s) throw new Error('FeedbackServiceContext is not provided');
  return s;
}
