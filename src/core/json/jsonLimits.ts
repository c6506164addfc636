import type { NestedMessage } from '../i18n/Message';
/**
 * Limits for parsed JSON (GeoJSON, CityJSON) checked per feature before a
 * reader walks it, so that one hostile or broken feature is skipped with its
 * JSON path instead of ending the whole conversion ("Maximum call stack size
 * exceeded" from a 10,000-level array, for example). JSON.parse itself is
 * iterative in V8 and copes; recursive code after it (string conversion of
 * arrays, structured clone, JSON.stringify) does not.
 */

/** Deepest nesting accepted in properties/attributes (objects and arrays). Real data nests 1–5 levels. */
export const MAX_JSON_DEPTH = 64;

/** A JSON path step: `.name` for identifier-like keys, `["key"]` otherwise, `[i]` for array items. */
export function pathStep(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * Path (relative, e.g. `.a.b[0]`) to the first value nested deeper than
 * `maxDepth` levels of objects/arrays below `value`, or undefined when it
 * fits. Iterative: safe on any depth.
 *
 * @example deeperThan({ a: [[1]] }, 2) // '.a[0]'
 */
export function deeperThan(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: { v: object; depth: number; path: string }[] = [{ v: value, depth: 1, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (depth > maxDepth) return path;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const c: unknown = v[i];
        if (c !== null && typeof c === 'object') stack.push({ v: c, depth: depth + 1, path: path + pathStep(i) });
      }
    } else {
      for (const [k, c] of Object.entries(v)) if (c !== null && typeof c === 'object') stack.push({ v: c as object, depth: depth + 1, path: path + pathStep(k) });
    }
  }
  return undefined;
}

/** What is wrong in nested number arrays: the path relative to the value (`(top)` for the value itself) and why. */
export interface NestedNumbersProblem {
  path: string;
  problem: NestedMessage;
}

/**
 * Checks that `value` is arrays nested exactly `levels` deep with finite
 * numbers (or, with `integers`, non-negative integers) at the bottom: GeoJSON
 * `coordinates`, CityJSON `boundaries`. Returns the relative path and what is
 * wrong there, or undefined. Iterative.
 *
 * @example nestedNumbersProblem([[0, 1], [2]], 2, { minLength: 2 }) // { path: '[1]', problem: convert.json.tooFewNumbers: '1 number(s), needs at least 2' }
 */
export function nestedNumbersProblem(value: unknown, levels: number, o: { integers?: boolean; minLength?: number } = {}): NestedNumbersProblem | undefined {
  const stack: { v: unknown; level: number; path: string }[] = [{ v: value, level: 1, path: '' }];
  while (stack.length) {
    const { v, level, path } = stack.pop()!;
    if (!Array.isArray(v)) return { path: path || '(top)', problem: { code: 'convert.json.expectedArray', params: { n: levels - level + 1, found: describe(v) } } };
    if (level === levels) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== 'number' || !Number.isFinite(x) || (o.integers && (!Number.isInteger(x) || x < 0))) {
          return { path: path + pathStep(i), problem: { code: o.integers ? 'convert.json.expectedIndex' : 'convert.json.expectedNumber', params: { found: describe(x) } } };
        }
      }
      if (o.minLength !== undefined && v.length < o.minLength) return { path: path || '(top)', problem: { code: 'convert.json.tooFewNumbers', params: { n: v.length, min: o.minLength } } };
    } else for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], level: level + 1, path: path + pathStep(i) });
  }
  return undefined;
}

function describe(v: unknown): string | NestedMessage {
  if (Array.isArray(v)) return { code: 'convert.json.foundArray', params: { n: arrayDepth(v) } };
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `"${v.slice(0, 30)}"`;
  return v === null ? 'null' : typeof v;
}

/** Depth of the first-element chain of an array (bounded walk, no recursion). */
function arrayDepth(v: unknown[]): number {
  let d = 0;
  let x: unknown = v;
  while (Array.isArray(x) && d < 100_000) {
    d++;
    x = x[0];
  }
  return d;
}
