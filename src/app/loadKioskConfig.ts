import type { KioskConfig } from '../core/kiosk/KioskConfig';
import { parseKioskConfig, type KioskConfigContext } from '../core/kiosk/parseKioskConfig';
import type { KioskLoadError } from '../state/kioskSlice';

/** URL of a dataset's kiosk configuration, relative to the page. */
export function kioskConfigUrlOf(dataset: string): string {
  return `data/${encodeURIComponent(dataset)}/kiosk.json`;
}

/**
 * Fetches and validates `data/<dataset>/kiosk.json` against the dataset's
 * layer (and variant) ids. Never throws: a missing or unreadable file is a
 * `load` error (a message the screen translates), a file that breaks the
 * rules an `invalid` error listing every bad field by its JSON path.
 */
export async function loadKioskConfig(url: string, context: KioskConfigContext): Promise<{ config: KioskConfig } | { error: KioskLoadError }> {
  let text: string;
  try {
    const res = await fetch(url);
    if (!res.ok) return { error: { kind: 'load', url, message: res.status === 404 ? { code: 'kiosk.configMissing', params: { url } } : { code: 'kiosk.configHttp', params: { url, status: res.status } } } };
    text = await res.text();
  } catch (e) {
    return { error: { kind: 'load', url, message: { code: 'kiosk.configUnreachable', params: { url, detail: String((e as Error)?.message ?? e) } } } };
  }
  const r = parseKioskConfig(text, context);
  return 'errors' in r ? { error: { kind: 'invalid', url, errors: r.errors } } : { config: r.config };
}
