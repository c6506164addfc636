import { FEEDBACK_TEXT_MAX_CHARS } from './FeedbackPin';

/**
 * Cleans a citizen's comment for storage: lone UTF-16 surrogates become
 * U+FFFD, line breaks are unified to `\n` (three or more in a row become
 * two), tabs become spaces, control characters, bidi overrides/isolates
 * (which can make a displayed comment read differently from its bytes) and
 * byte-order marks are removed, the text is normalised to NFC (so "ü"
 * typed as u + combining diaeresis compares equal), trimmed and cut to
 * `maxChars` user-perceived characters (grapheme clusters: an emoji or an
 * "ü" is never cut in half). No HTML escaping: comments are always shown
 * as text, so escaping would only corrupt "<" or "&" in a comment.
 *
 * @example sanitizeComment('  Mehr Bäume\u0000 bitte!\r\n') // 'Mehr Bäume bitte!'
 */
export function sanitizeComment(raw: string, maxChars = FEEDBACK_TEXT_MAX_CHARS): string {
  const text = raw
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .normalize('NFC')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cutGraphemes(text, maxChars);
}

/** Number of user-perceived characters (grapheme clusters) in `text`. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes(text)) n++;
  return n;
}

function cutGraphemes(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text; // a grapheme has at least one UTF-16 unit
  let out = '', n = 0;
  for (const g of graphemes(text)) {
    if (n++ >= maxChars) break;
    out += g;
  }
  return out.trimEnd();
}

function* graphemes(text: string): Generator<string> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const s of segmenter.segment(text)) yield s.segment;
}
