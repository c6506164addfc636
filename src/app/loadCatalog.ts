import type { Catalog } from '../core/model/Catalog';

/** URL of a dataset's catalog, relative to the page. */
export function catalogUrlOf(dataset: string): string {
  return `data/${encodeURIComponent(dataset)}/catalog.json`;
}

/**
 * Fetches and checks `data/<dataset>/catalog.json`. Throws an error whose
 * message names the URL and the problem (shown to the user).
 */
export async function loadCatalog(url: string): Promise<Catalog> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}${res.status === 404 ? ' (run `npm run demo-data` for the demo dataset)' : ''}`);
  let c: Catalog;
  try {
    c = (await res.json()) as Catalog;
  } catch {
    throw new Error(`${url}: not valid JSON`);
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
  if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
  c.viewpoints ??= [];
  return c;
}
