import { CodedError } from '../core/i18n/Message';
import type { Catalog } from '../core/model/Catalog';

/** URL of a dataset's catalog, relative to the page. */
export function catalogUrlOf(dataset: string): string {
  return `data/${encodeURIComponent(dataset)}/catalog.json`;
}

/**
 * Fetches and checks `data/<dataset>/catalog.json`. Throws a {@link CodedError}
 * whose message names the URL and the problem (translated and shown to the user).
 */
export async function loadCatalog(url: string): Promise<Catalog> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new CodedError({ code: 'catalog.unreachable', params: { url, detail: String((e as Error)?.message ?? e) } });
  }
  if (!res.ok) throw new CodedError(res.status === 404 ? { code: 'catalog.notFound', params: { url } } : { code: 'catalog.http', params: { url, status: res.status } });
  let c: Catalog;
  try {
    c = (await res.json()) as Catalog;
  } catch {
    throw new CodedError({ code: 'catalog.notJson', params: { url } });
  }
  const problems: string[] = [];
  if (!c || typeof c !== 'object') problems.push('not an object');
  else {
    if (!Array.isArray(c.layers)) problems.push('"layers" is missing');
    if (!c.home || !Number.isFinite(c.home.lon) || !Number.isFinite(c.home.lat)) problems.push('"home" viewpoint is missing or has no lon/lat');
    if (!c.title?.de || !c.title?.en) problems.push('"title" needs de and en');
    for (const [i, l] of (c.layers ?? []).entries()) {
      if (!l.id || !l.type || !l.url) problems.push(`layer #${i} (${l.id ?? 'no id'}) lacks id, type or url`);
    }
  }
  // The problems name JSON fields of the file (for whoever writes catalogs), so they stay as written.
  if (problems.length) throw new CodedError({ code: 'catalog.invalid', params: { url, problems: problems.join('; ') } });
  c.viewpoints ??= [];
  return c;
}
