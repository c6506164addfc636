import type { LocalizedText } from '../model/Catalog';

/** A problem in an input document, named by its JSON path, e.g. `stories[2].steps[0].caption.en`; `''` is the whole document. */
export interface FieldError {
  path: string;
  message: string;
}

/** Ids in kiosk files and feedback: short, no spaces, safe in URLs, CSV and file names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** `path` + `.key` (or just `key` at the root). */
export function fieldPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/**
 * Collects {@link FieldError}s while reading untrusted JSON: every reader
 * returns the value when it is valid and `undefined` (after recording the
 * problem) when not, so one pass reports every bad field instead of the
 * first. Never throws for bad input.
 *
 * @example
 * const c = new FieldChecker();
 * const o = c.object(doc, '', ['title']);
 * const title = o && c.text(o.title, 'title', 120);
 * if (c.errors.length) return { errors: c.errors };
 */
export class FieldChecker {
  readonly errors: FieldError[] = [];

  error(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  /**
   * A plain object without keys outside `allowed` (a typo like `idleTimeout`
   * would otherwise silently fall back to a default); `forbidden` maps keys to
   * a dedicated message. The object is returned even with unknown keys, so
   * its known fields are still checked; missing fields are reported by the
   * readers of those fields.
   */
  object(v: unknown, path: string, allowed: readonly string[], forbidden: Record<string, string> = {}): Record<string, unknown> | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.error(path, v === undefined ? 'missing' : `must be an object, got ${describe(v)}`);
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (Object.hasOwn(forbidden, key)) this.error(fieldPath(path, key), forbidden[key]);
      else if (!allowed.includes(key)) this.error(fieldPath(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
    }
    return o;
  }

  /** A string, trimmed non-empty, at most `maxLength` characters, without control characters (line breaks allowed when `multiline`). */
  string(v: unknown, path: string, maxLength: number, o: { multiline?: boolean; allowEmpty?: boolean } = {}): string | undefined {
    if (typeof v !== 'string') return this.error(path, v === undefined ? 'missing' : `must be a string, got ${describe(v)}`);
    if (!o.allowEmpty && v.trim() === '') return this.error(path, 'must not be empty');
    if (v.length > maxLength) return this.error(path, `is ${v.length} characters long, at most ${maxLength}`);
    // eslint-disable-next-line no-control-regex
    const bad = o.multiline ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/ : /[\u0000-\u001f\u007f-\u009f]/;
    if (bad.test(v)) return this.error(path, `contains a control character${o.multiline ? '' : ' or line break'}`);
    return v;
  }

  /** An id matching {@link ID_PATTERN}. */
  id(v: unknown, path: string): string | undefined {
    if (typeof v !== 'string') return this.error(path, v === undefined ? 'missing' : `must be a string id, got ${describe(v)}`);
    if (!ID_PATTERN.test(v)) return this.error(path, `${JSON.stringify(v.slice(0, 80))} is not an id (letters, digits, _ . : -, at most 64 characters)`);
    return v;
  }

  /** A finite number in [min, max], optionally an integer. */
  number(v: unknown, path: string, min: number, max: number, o: { integer?: boolean; unit?: string } = {}): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.error(path, v === undefined ? 'missing' : `must be a number, got ${describe(v)}`);
    if (o.integer && !Number.isInteger(v)) return this.error(path, `must be a whole number, got ${v}`);
    const unit = o.unit === undefined ? '' : o.unit === '°' ? '°' : ` ${o.unit}`;
    if (v < min || v > max) return this.error(path, `${v}${unit} is outside ${min}–${max}${unit}`);
    return v;
  }

  /** An array of `min`–`max` entries. */
  array(v: unknown, path: string, min: number, max: number): unknown[] | undefined {
    if (!Array.isArray(v)) return this.error(path, v === undefined ? 'missing' : `must be a list, got ${describe(v)}`);
    if (v.length < min) return this.error(path, min === 1 ? 'must not be empty' : `needs at least ${min} entries, has ${v.length}`);
    if (v.length > max) return this.error(path, `has ${v.length} entries, at most ${max}`);
    return v;
  }

  /** `{ de, en }`, both non-empty strings of at most `maxLength`. */
  text(v: unknown, path: string, maxLength: number, multiline = false): LocalizedText | undefined {
    const o = this.object(v, path, ['de', 'en']);
    if (!o) return undefined;
    const de = this.string(o.de, fieldPath(path, 'de'), maxLength, { multiline });
    const en = this.string(o.en, fieldPath(path, 'en'), maxLength, { multiline });
    return de !== undefined && en !== undefined ? { de, en } : undefined;
  }

  /** Reports entries of `ids` seen before (by their index in `paths`). */
  unique(ids: (string | undefined)[], path: (i: number) => string, what: string): void {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (id === undefined) return;
      if (seen.has(id)) this.error(path(i), `${what} "${id}" appears twice`);
      seen.add(id);
    });
  }
}

/** A short description of a JSON value for messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/**
 * Checks that a parsed JSON value nests at most `maxDepth` levels and has at
 * most `maxNodes` values, without recursion (a hostile file must not blow
 * the stack). Returns a message, or null when it is within bounds.
 */
export function checkJsonShape(doc: unknown, maxDepth: number, maxNodes: number): string | null {
  const stack: [unknown, number][] = [[doc, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) return `has more than ${maxNodes} values`;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > maxDepth) return `nests deeper than ${maxDepth} levels`;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return null;
}
