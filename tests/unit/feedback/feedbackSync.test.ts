import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadFeedbackPins, saveFeedbackPin, setFeedbackHidden } from '../../../src/app/feedback/feedbackStorage';
import { startFeedbackSync } from '../../../src/app/feedback/feedbackSync';
import { openPlanlotseDb } from '../../../src/app/storage/openPlanlotseDb';
import type { StorageResult } from '../../../src/app/storage/StorageError';
import { feedbackSyncDelayMs, SYNC_MAX_DELAY_MS } from '../../../src/core/kiosk/feedbackSyncDelayMs';
import { pinOf } from './feedbackFixtures';

function ok<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`storage: ${r.error.code} ${r.error.params.detail}`);
  return r.value;
}

const ENDPOINT = 'https://ogc.example.org/api/collections/feedback/items';

/** A fake network boundary: answers from a script, records every request. */
function fakeFetch(answers: (number | 'network')[]) {
  const calls: { url: string; method: string; contentType: string; body: Record<string, any> }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input), method: init?.method ?? 'GET', contentType: headers.get('content-type') ?? '', body: JSON.parse(String(init?.body)) });
    const a = answers.shift() ?? 201;
    if (a === 'network') throw new TypeError('Failed to fetch');
    return new Response(a === 201 ? '' : 'busy', { status: a, headers: a === 201 ? { Location: `${ENDPOINT}/x` } : {} });
  };
  return { fn: fn as typeof fetch, calls };
}

describe('feedback sync (OGC API – Features Part 4 POST, retry queue in IndexedDB)', () => {
  it('backoff doubles from 5 s and is capped at 15 min', () => {
    expect([1, 2, 3, 4].map(feedbackSyncDelayMs)).toEqual([5000, 10000, 20000, 40000]);
    expect(feedbackSyncDelayMs(40)).toBe(SYNC_MAX_DELAY_MS);
    expect(feedbackSyncDelayMs(0)).toBe(0);
  });

  it('POSTs each queued pin as a GeoJSON feature; failures wait with backoff, the queue survives a reopen, 201 empties it', async () => {
    const idb = new IDBFactory();
    let clock = 1_000_000;
    const timers: { fn: () => void; ms: number }[] = [];
    const net = fakeFetch([503, 'network', 201, 201]);
    const db = ok(await openPlanlotseDb({ idb }));
    const mk = () => startFeedbackSync({ db, endpoint: ENDPOINT, fetch: net.fn, now: () => clock, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => undefined });
    let sync = mk();
    const a = pinOf('Mehr Schatten am Spielplatz', '2026-06-01T10:00:00.000Z');
    ok(await saveFeedbackPin(db, a, sync.outboxRecordFor(a.id)));

    let st = await sync.flush();
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0]).toMatchObject({ url: ENDPOINT, method: 'POST', contentType: 'application/geo+json' });
    expect(net.calls[0].body).toMatchObject({ type: 'Feature', id: a.id, geometry: { type: 'Point', coordinates: [a.lon, a.lat, a.height] }, properties: { text: a.text, scenario: { variantId: 'existing' } } });
    expect(st).toMatchObject({ pending: 1, sent: 0, lastError: 'HTTP 503' });
    expect(timers.at(-1)!.ms).toBe(5000);
    expect(await db.get('feedbackOutbox', a.id)).toMatchObject({ attempts: 1, nextAttemptAtMs: clock + 5000 });

    // Not due yet: nothing is sent.
    st = await sync.flush();
    expect(net.calls).toHaveLength(1);

    // A reload: a new sync on a reopened database picks the queue up; the second try fails on the network.
    sync.stop();
    db.close();
    const db2 = ok(await openPlanlotseDb({ idb }));
    sync = startFeedbackSync({ db: db2, endpoint: ENDPOINT, fetch: net.fn, now: () => clock, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => undefined });
    clock += 5000;
    st = await sync.flush();
    expect(net.calls).toHaveLength(2);
    expect(st.lastError).toBe('Failed to fetch');
    expect(timers.at(-1)!.ms).toBe(10_000);

    // A second pin, hidden by staff before it is sent: sent as it is then. Both go out on the next due round.
    const b = pinOf('Radweg fehlt', '2026-06-01T11:00:00.000Z');
    ok(await saveFeedbackPin(db2, b, sync.outboxRecordFor(b.id)));
    ok(await setFeedbackHidden(db2, b.id, true, new Date('2026-06-01T11:05:00.000Z')));
    clock += 10_000;
    timers.at(-1)!.fn();
    st = await sync.flush();
    expect(net.calls.map((c) => c.body.id).sort()).toEqual([a.id, a.id, a.id, b.id].sort());
    expect(net.calls.find((c) => c.body.id === b.id)!.body.properties.hidden).toBe(true);
    expect(st).toMatchObject({ pending: 0, sent: 2 });
    expect(await db2.getAllKeys('feedbackOutbox')).toEqual([]);
    // The pins themselves stay stored after sending.
    expect(ok(await loadFeedbackPins(db2)).pins.map((p) => p.id)).toEqual([a.id, b.id]);
    sync.stop();
    db2.close();
  });
});
