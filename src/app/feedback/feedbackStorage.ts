import type { FeedbackPin } from '../../core/kiosk/FeedbackPin';
import { readFeedbackPin } from '../../core/kiosk/readFeedbackPin';
import type { PlanlotseDbHandle } from '../storage/openPlanlotseDb';
import type { FeedbackOutboxRecord, FeedbackRecord } from '../storage/planlotseDbSchema';
import { getRecord, listRecords, writeTransaction } from '../storage/records';
import type { StorageResult } from '../storage/StorageError';

/** The stored form of a pin: storage's envelope (id, createdAt, hidden) around the pin itself. */
export function feedbackRecord(pin: FeedbackPin): FeedbackRecord {
  return { id: pin.id, createdAt: pin.createdAt, hidden: pin.hidden, doc: pin };
}

/**
 * Stores a confirmed pin, and (when the kiosk syncs) its entry in the retry queue, in one transaction with
 * `durability: 'strict'`: when this resolves `ok`, the comment is on disk and survives a reload, a crash or a power
 * cut. A full disk comes back as `storage.quotaExceeded` and nothing is written (the transaction is all or nothing;
 * pins already stored are untouched), so the form can keep the comment and say so.
 *
 * @example const r = await saveFeedbackPin(db, pin); if (!r.ok) showError(r.error);
 */
export function saveFeedbackPin(db: PlanlotseDbHandle, pin: FeedbackPin, outbox?: FeedbackOutboxRecord): Promise<StorageResult<void>> {
  return writeTransaction(db, { put: { feedback: [feedbackRecord(pin)], ...(outbox ? { feedbackOutbox: [outbox] } : {}) } }, { durability: 'strict' });
}

/**
 * Every stored pin, oldest first. Each record is validated ({@link readFeedbackPin}); one that cannot be read is
 * counted in `skipped` and left in the database (never deleted: a later version may read it).
 */
export async function loadFeedbackPins(db: PlanlotseDbHandle): Promise<StorageResult<{ pins: FeedbackPin[]; skipped: number }>> {
  const r = await listRecords(db, 'feedback');
  if (!r.ok) return r;
  const pins: FeedbackPin[] = [];
  let skipped = 0;
  for (const { value } of r.value) {
    const read = readFeedbackPin((value as Partial<FeedbackRecord> | undefined)?.doc);
    if ('pin' in read) pins.push(read.pin);
    else skipped++;
  }
  pins.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return { ok: true, value: { pins, skipped } };
}

/** One stored pin by id (`undefined` when there is none or it cannot be read). */
export async function getFeedbackPin(db: PlanlotseDbHandle, id: string): Promise<StorageResult<FeedbackPin | undefined>> {
  const r = await getRecord(db, 'feedback', id);
  if (!r.ok) return r;
  const read = readFeedbackPin((r.value as Partial<FeedbackRecord> | undefined)?.doc);
  return { ok: true, value: 'pin' in read ? read.pin : undefined };
}

/**
 * Hides a pin from the public (staff) or restores it: the pin is kept either way, `updatedAt` moves on so the
 * newer state wins when exports of several kiosks are merged. Returns the changed pin.
 */
export async function setFeedbackHidden(db: PlanlotseDbHandle, id: string, hidden: boolean, now = new Date()): Promise<StorageResult<FeedbackPin | undefined>> {
  const got = await getFeedbackPin(db, id);
  if (!got.ok || !got.value) return got;
  const pin: FeedbackPin = { ...got.value, hidden, updatedAt: now.toISOString() };
  const w = await writeTransaction(db, { put: { feedback: [feedbackRecord(pin)] } }, { durability: 'strict' });
  return w.ok ? { ok: true, value: pin } : w;
}
