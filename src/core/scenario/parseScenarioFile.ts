import { SCENARIO_FILE_KIND, type Scenario } from '../model/Scenario';
import { migrateScenario, ScenarioVersionError } from './scenarioMigrations';
import { validateScenario, type ScenarioContext, type ValidationResult } from './validateScenario';

/** Scenario files are small JSON; anything larger is not one (and must not freeze the tab). */
export const MAX_SCENARIO_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a scenario file (text or bytes): size check, JSON parse, kind check,
 * migrations to the current schema, validation. Never throws for bad input;
 * the errors name the file and the problem. A 50 MB junk file is rejected
 * by its size before any parsing. With `context.around` (the dataset's home)
 * buildings far from the dataset are refused.
 *
 * @example
 * const r = parseScenarioFile(await file.text(), file.name);
 * if (r.ok) store.getState().scenarioActions.importScenario(r.scenario);
 */
export function parseScenarioFile(input: string | Uint8Array, fileName = 'scenario file', context: ScenarioContext = {}): ValidationResult {
  const bytes = typeof input === 'string' ? input.length : input.byteLength;
  if (bytes > MAX_SCENARIO_FILE_BYTES) return { ok: false, errors: [tooLargeError(bytes, fileName)] };
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { ok: false, errors: [`${fileName}: not UTF-8 text; a scenario file is JSON`] };
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return { ok: false, errors: [`${fileName}: not a JSON object; a scenario file starts with "{"`] };
  let doc: unknown;
  try {
    doc = JSON.parse(start);
  } catch (e) {
    return { ok: false, errors: [`${fileName}: invalid JSON (${(e as Error).message})`] };
  }
  return parseScenarioObject(doc, fileName, context);
}

/** The error for a file over {@link MAX_SCENARIO_FILE_BYTES}; callers with a File check its size before reading it. */
export function tooLargeError(bytes: number, fileName: string): string {
  return `${fileName}: ${(bytes / 1024 / 1024).toFixed(1)} MB is too large for a scenario file (at most ${MAX_SCENARIO_FILE_BYTES / 1024 / 1024} MB); nothing was imported`;
}

/** Same as {@link parseScenarioFile} for an already parsed object (IndexedDB records, tests). */
export function parseScenarioObject(doc: unknown, fileName = 'scenario', context: ScenarioContext = {}): ValidationResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, errors: [`${fileName}: not a JSON object`] };
  const o = doc as Record<string, unknown>;
  if (o.kind !== SCENARIO_FILE_KIND) return { ok: false, errors: [`${fileName}: not a Planlotse scenario ("kind" is ${JSON.stringify(o.kind)}, expected "${SCENARIO_FILE_KIND}")`] };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateScenario(o);
  } catch (e) {
    if (e instanceof ScenarioVersionError) return { ok: false, errors: [`${fileName}: ${e.message}`] };
    return { ok: false, errors: [`${fileName}: migration failed (${(e as Error).message})`] };
  }
  return validateScenario(migrated, fileName, context);
}

/** Serialises a scenario for export (stable key order, 2-space indent). */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
