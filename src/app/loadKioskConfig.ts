import type { KioskConfig } from '../core/kiosk/KioskConfig';
import { parseKioskConfig, type KioskConfigContext } from '../core/kiosk/parseKioskConfig';
import { parseScenarioFile } from '../core/scenario/parseScenarioFile';
import type { Scenario } from '../core/model/Scenario';
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

/** URL of the scenario whose variants a dataset's kiosk shows (Entwurf A / B …), next to its kiosk.json. */
export function kioskScenarioUrlOf(dataset: string): string {
  return `data/${encodeURIComponent(dataset)}/kiosk-scenario.json`;
}

/**
 * Fetches the kiosk's scenario (a Planlotse scenario file). Absent (404):
 * null, and the kiosk shows only Bestand. A file that is there but broken
 * is an `invalid` error naming the file and its problems, like a broken
 * kiosk.json: a consultation must not silently show fewer drafts.
 */
export async function loadKioskScenario(url: string): Promise<{ scenario: Scenario | null } | { error: KioskLoadError }> {
  let text: string;
  try {
    const res = await fetch(url);
    if (res.status === 404) return { scenario: null };
    if (!res.ok) return { error: { kind: 'load', url, message: { code: 'kiosk.configHttp', params: { url, status: res.status } } } };
    text = await res.text();
  } catch (e) {
    return { error: { kind: 'load', url, message: { code: 'kiosk.configUnreachable', params: { url, detail: String((e as Error)?.message ?? e) } } } };
  }
  const r = parseScenarioFile(text, 'kiosk-scenario.json');
  return r.ok ? { scenario: r.scenario } : { error: { kind: 'invalid', url, errors: r.errors.map((message) => ({ path: '', message })) } };
}
