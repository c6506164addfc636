import type { NestedMessage } from '../i18n/Message';
import { englishText } from './englishText';

/**
 * A problem found while reading a file (a damaged archive, a bad coordinate, an unknown CRS) that a reader turns
 * into an issue: a message code with parameters, and as `message` its English text (what logs and report.json
 * always carried). Readers pass `problemOf(e)` on as the message.
 *
 * @example throw new ConversionError({ code: 'convert.shp.notShapefile' })
 */
export class ConversionError extends Error {
  readonly problem: NestedMessage;
  constructor(problem: NestedMessage) {
    super(englishText(problem));
    this.name = 'ConversionError';
    this.problem = problem;
  }
}

/**
 * The message of anything a reader caught: a {@link ConversionError}'s problem, otherwise the error's own text
 * (`convert.detail`, said as it is in every language: e.g. a JSON parser's message).
 */
export function problemOf(e: unknown): NestedMessage {
  if (e instanceof ConversionError) return e.problem;
  return detail(e instanceof Error ? e.message : String(e));
}

/** A text from outside Planlotse (a parser's or the file system's message), carried as it is. */
export function detail(text: string): NestedMessage {
  return { code: 'convert.detail', params: { detail: text } };
}
