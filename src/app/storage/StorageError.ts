import type { Message } from '../../core/i18n/Message';

/** Why a storage call failed, as a message code the UI translates; `params.detail` is the browser's own text. */
export interface StorageError extends Message {
  code: 'storage.unavailable' | 'storage.blocked' | 'storage.quotaExceeded' | 'storage.versionTooNew' | 'storage.failed';
  params: { detail: string };
}

/** The result of a storage call: a value or a coded error; storage never throws at its callers. */
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

/** Maps what IndexedDB threw (a `DOMException` by name) to a {@link StorageError}. */
export function storageError(e: unknown): StorageError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const detail = String((e as Error | null)?.message ?? e);
  // Browsers report a full disk as QuotaExceededError; some wrap it in an AbortError of the transaction.
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return { code: 'storage.quotaExceeded', params: { detail } };
  if (name === 'VersionError') return { code: 'storage.versionTooNew', params: { detail } };
  if (name === 'BlockedError') return { code: 'storage.blocked', params: { detail } };
  return { code: 'storage.failed', params: { detail: name && !detail.startsWith(name) ? `${name}: ${detail}` : detail } };
}
