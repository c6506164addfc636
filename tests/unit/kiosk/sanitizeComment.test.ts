import { describe, expect, it } from 'vitest';
import { graphemeCount, sanitizeComment } from '../../../src/core/kiosk/sanitizeComment';

describe('sanitizeComment', () => {
  it('strips control characters, bidi overrides and BOMs, unifies line breaks, trims', () => {
    expect(sanitizeComment('  Mehr Bäume\u0000 bitte!\r\n')).toBe('Mehr Bäume bitte!');
    expect(sanitizeComment('a\u0007b\u001bc\u007fd\u0085e\u009bf')).toBe('abcd\nef');
    expect(sanitizeComment('Zeile 1\r\nZeile 2\rZeile 3\u2028Zeile 4')).toBe('Zeile 1\nZeile 2\nZeile 3\nZeile 4');
    expect(sanitizeComment('a\n\n\n\n\nb')).toBe('a\n\nb');
    expect(sanitizeComment('a\tb')).toBe('a b');
    // U+202E would make "exe.txt" display reversed; U+2066–2069 isolate runs.
    expect(sanitizeComment('\ufeffgut \u202egnalf\u202c \u2066x\u2069')).toBe('gut gnalf x');
  });

  it('normalises to NFC and keeps markup characters as they are (shown as text, never HTML)', () => {
    const decomposed = 'Mu\u0308hlenstra\u00dfe';
    expect(sanitizeComment(decomposed)).toBe('Mühlenstraße');
    expect(sanitizeComment(decomposed).length).toBe(12);
    expect(sanitizeComment('<script>alert("x")</script> & =SUM(A1)')).toBe('<script>alert("x")</script> & =SUM(A1)');
  });

  it('replaces lone surrogates and never cuts a character in half', () => {
    expect(sanitizeComment('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(sanitizeComment('ä'.repeat(600))).toBe('ä'.repeat(500));
    const family = '👨‍👩‍👧'; // one grapheme of 8 UTF-16 units
    const cut = sanitizeComment(family.repeat(3), 2);
    expect(cut).toBe(family.repeat(2));
    expect(graphemeCount(cut)).toBe(2);
    expect(sanitizeComment('abc   def', 5)).toBe('abc'); // no trailing blanks after the cut
  });
});
