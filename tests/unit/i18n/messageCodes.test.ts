import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../../src/app/loadCatalog';
import { createI18n } from '../../../src/core/i18n/createI18n';
import { CodedError, messageOf, translateMessage } from '../../../src/core/i18n/Message';

const en = createI18n('en').t;
const de = createI18n('de').t;

/** The message of what `loadCatalog` rejects with, when the network answers `res`. */
async function catalogFailure(res: () => Response | Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(async () => res()));
  try {
    await loadCatalog('data/x/catalog.json');
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
    return messageOf(e);
  }
  throw new Error('loadCatalog did not fail');
}

describe('message codes from app and state, translated by the UI', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('catalog failures are codes; the English text is the one the app showed before', async () => {
    const notFound = await catalogFailure(() => new Response('', { status: 404 }));
    expect(notFound).toEqual({ code: 'catalog.notFound', params: { url: 'data/x/catalog.json' } });
    expect(translateMessage(en, notFound)).toBe('data/x/catalog.json: HTTP 404 (run `npm run demo-data` for the demo dataset)');
    expect(translateMessage(de, notFound)).toMatch(/^data\/x\/catalog\.json: nicht gefunden/);
    const bad = await catalogFailure(() => new Response(JSON.stringify({ title: { de: 'x' } }), { status: 200 }));
    expect(bad.code).toBe('catalog.invalid');
    expect(translateMessage(en, bad)).toBe('data/x/catalog.json: "layers" is missing; "home" viewpoint is missing or has no lon/lat; "title" needs de and en');
    expect((await catalogFailure(() => new Response('{', { status: 200 }))).code).toBe('catalog.notJson');
    expect(await catalogFailure(() => new Response('', { status: 500 }))).toEqual({ code: 'catalog.http', params: { url: 'data/x/catalog.json', status: 500 } });
    const down = await catalogFailure(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(translateMessage(en, down)).toBe('data/x/catalog.json: Failed to fetch');
  });

  it('anything else thrown becomes common.error with its text', () => {
    expect(messageOf(new Error('boom'))).toEqual({ code: 'common.error', params: { detail: 'boom' } });
    expect(translateMessage(de, messageOf('kaputt'))).toBe('Fehler: kaputt');
    expect(translateMessage(en, messageOf(new CodedError({ code: 'analysis.noZoning' })))).toBe('Error: this dataset has no building-zone layer (role zoning) for the compliance check.');
  });
});
