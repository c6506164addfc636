import type { ParseKeys, TFunction } from 'i18next';

/** A key of the resources (plural keys by their base name: `'layers.features'` for `layers.features_one/_other`). */
export type MessageKey = ParseKeys;

/**
 * A text that state, app or core hands to the UI: a resource key plus its placeholder values, never German or
 * English prose. The UI (or a CLI, or a report) translates it with `t(m.code, m.params)` in its language.
 *
 * @example { code: 'scenario.importDone', params: { name: 'Nord', count: 2 } }
 */
export interface Message {
  code: MessageKey;
  params?: Record<string, string | number>;
}

/** Translates a message with any i18next `t` (a react-i18next hook's or one from `createI18n`). */
export function translateMessage(t: TFunction, m: Message): string {
  // A message's params are checked where it is made (its code is a typed key); here any key takes any params.
  return (t as unknown as (key: string, opts: object) => string)(m.code, m.params ?? {});
}

/**
 * An error that carries a message code, for expected failures that reach the user (a dataset without footprints,
 * no polygon layers chosen). Whoever catches it passes `messageOf(e)` on; a worker forwards `code` and `params`.
 *
 * @example throw new CodedError({ code: 'analysis.noFootprints' })
 */
export class CodedError extends Error {
  readonly code: MessageKey;
  readonly params: Record<string, string | number> | undefined;
  constructor(m: Message) {
    super(m.params ? `${m.code} ${JSON.stringify(m.params)}` : m.code);
    this.name = 'CodedError';
    this.code = m.code;
    this.params = m.params;
  }
}

/** The message of anything thrown: a {@link CodedError}'s code, otherwise `common.error` with the error's text. */
export function messageOf(e: unknown): Message {
  if (e instanceof CodedError) return e.params ? { code: e.code, params: e.params } : { code: e.code };
  return { code: 'common.error', params: { detail: String((e as Error | null)?.message ?? e) } };
}

/**
 * A message whose parameters may be messages themselves (or lists of them, joined with "; "): for problems that
 * are built in layers, such as "--bbox <problem>" or "<file>: <feature>: <problem>", each layer a code of its own.
 * Parameters are translated inside out with the same `t`.
 *
 * @example { code: 'cli.error.fileProblem', params: { file: 'a.geojson', problem: { code: 'problem.fc.notFc' } } }
 */
export interface NestedMessage {
  code: MessageKey;
  params?: Readonly<Record<string, string | number | NestedMessage | readonly NestedMessage[]>>;
}

/** Translates a {@link NestedMessage} with any i18next `t`, its parameters first. */
export function translateNested(t: TFunction, m: NestedMessage): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {}))
    params[k] = typeof v === 'string' || typeof v === 'number' ? v : Array.isArray(v) ? v.map((x: NestedMessage) => translateNested(t, x)).join('; ') : translateNested(t, v as NestedMessage);
  return translateMessage(t, { code: m.code, params });
}
