import type { DBSchema } from 'idb';
import type { Scenario } from '../../core/model/Scenario';
import type { VariantRef } from '../../state/scenarioSlice';

/** One stored scenario: the document as saved, plus when. Written since v1. */
export interface ScenarioRecord {
  id: string;
  savedAt: string;
  doc: Scenario;
}

/** The last active scenario/variant (store `meta`, key `'session'`). Written since v1. */
export interface SessionRecord {
  key: 'session';
  activeScenarioId: string | null;
  activeVariantId: VariantRef;
}

/**
 * One citizen comment of the kiosk (store `feedback`, since v2). The kiosk defines `doc` (pin, category, text,
 * recorded scenario state); storage only needs the id, the time it was confirmed and whether staff hid it
 * (hidden pins are kept: there is no hard delete without a second confirmation).
 */
export interface FeedbackRecord {
  id: string;
  createdAt: string;
  hidden?: boolean;
  doc: unknown;
}

/**
 * A file the user dropped or opened (store `files`, since v3): its source bytes as read, not the converted layers,
 * so a reload converts it again with the same readers (and any fixes to them), a CRS retry still has the bytes, and
 * CityGML keeps what the footprint layer drops. `crs` is the CRS the user chose for a file that names none;
 * `roleOverrides` the analysis roles the user chose, by layer id.
 */
export interface DroppedFileRecord {
  id: string;
  name: string;
  savedAt: string;
  bytes: ArrayBuffer;
  crs?: string;
  roleOverrides?: Record<string, string>;
}

/**
 * A pin waiting to be sent to the kiosk's sync endpoint (store `feedbackOutbox`, since v4): the pin id, failed
 * tries so far and when the next try is due (epoch ms). The pin itself is read from `feedback` when it is sent, so a
 * hide in between is sent as it is then.
 */
export interface FeedbackOutboxRecord {
  id: string;
  attempts: number;
  nextAttemptAtMs: number;
  /** The last failure (HTTP status or network error), for staff. */
  lastError?: string;
}

/**
 * The object stores of Planlotse's one IndexedDB database, for idb's typed API. The value types are what the app
 * writes; what it reads back is validated record by record (a record may be corrupt or from an older version).
 */
export interface PlanlotseDb extends DBSchema {
  scenarios: { key: string; value: ScenarioRecord };
  meta: { key: string; value: SessionRecord };
  feedback: { key: string; value: FeedbackRecord; indexes: { createdAt: string } };
  files: { key: string; value: DroppedFileRecord; indexes: { savedAt: string } };

  feedbackOutbox: { key: string; value: FeedbackOutboxRecord };
}

export type StoreName = 'scenarios' | 'meta' | 'feedback' | 'files' | 'feedbackOutbox';
