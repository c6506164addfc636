// XmlScanner against saxes (an independent, conforming XML parser) on the real
// GML files: the same elements, attributes and text, in any chunking; and the
// same verdict (with the line) on broken copies.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner, XmlSyntaxError } from '../../../src/core/xml/XmlScanner';
import { REAL, hasReal } from './citymodelTestUtils';

type Event = string;

/** Events as strings; text is trimmed and only non-empty text between two markup events is kept. */
function saxesEvents(text: string): Event[] {
  const out: Event[] = [];
  let pending = '';
  const flush = () => {
    if (pending.trim()) out.push(`T ${pending.trim()}`);
    pending = '';
  };
  const p = new SaxesParser({ xmlns: false, position: true });
  p.on('opentag', (t) => {
    flush();
    out.push(`O ${t.name} ${JSON.stringify(t.attributes)} ${t.isSelfClosing ? '/' : ''}`);
    if (t.isSelfClosing) out.push(`C ${t.name}`);
  });
  p.on('closetag', (t) => {
    flush();
    if (!t.isSelfClosing) out.push(`C ${t.name}`);
  });
  p.on('text', (t) => (pending += t));
  p.on('cdata', (t) => (pending += t));
  p.write(text).close();
  return out;
}

function pairsToObject(attrs: readonly string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (let k = 0; k < attrs.length; k += 2) o[attrs[k]] = attrs[k + 1];
  return o;
}

function scannerEvents(text: string, chunkSizes: number[]): { events: Event[]; lines: number[] } {
  const out: Event[] = [];
  const lines: number[] = [];
  let pending = '';
  const flush = () => {
    if (pending.trim()) out.push(`T ${pending.trim()}`);
    pending = '';
  };
  const s: XmlScanner = new XmlScanner({
    open(qname, attrs, line, selfClosing) {
      flush();
      lines.push(line);
      out.push(`O ${qname} ${JSON.stringify(pairsToObject(attrs))} ${selfClosing ? '/' : ''}`);
      if (selfClosing) out.push(`C ${qname}`);
    },
    text: (t) => (pending += t),
    close(qname) {
      flush();
      out.push(`C ${qname}`);
    },
  });
  s.wantText = true;
  let i = 0, k = 0;
  while (i < text.length) {
    const n = chunkSizes[k++ % chunkSizes.length];
    s.write(text.slice(i, i + n));
    i += n;
  }
  s.close();
  return { events: out, lines };
}

/** Line (1-based) of every start tag's "<", counted independently (comments blanked first; the files have no CDATA). */
function startLines(xml: string): number[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1, at = 0;
  for (const m of text.matchAll(/<(?![/!?])/g)) {
    for (let j = text.indexOf('\n', at); j >= 0 && j < m.index; j = text.indexOf('\n', j + 1)) line++;
    at = m.index;
    lines.push(line);
  }
  return lines;
}

const GML_DIRS = ['nrw-lod2', 'berlin-citygml2-3', 'xplanung-hh', 'hh-masterportal-wfs', 'hh-trees-deegree'];

function realGmlFiles(): string[] {
  const files: string[] = [];
  for (const d of GML_DIRS) {
    for (const f of readdirSync(path.join(REAL, d))) if (/\.(gml|xml)$/.test(f)) files.push(path.join(REAL, d, f));
  }
  return files;
}

describe.runIf(hasReal)('XmlScanner vs saxes on the real GML files', () => {
  it('gives the same elements, attributes, text and start-tag lines for every file and chunking', async () => {
    const files = realGmlFiles();
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      const expected = saxesEvents(text);
      // Whole text, odd small chunks (tags, entities and numbers cut anywhere), 64 KB chunks.
      for (const sizes of [[text.length], [1, 7, 13, 64, 5, 101], [1 << 16]]) {
        const { events, lines } = scannerEvents(text, sizes);
        expect(events.length, `${path.basename(f)} chunks ${sizes.join(',')}`).toBe(expected.length);
        expect(events, `${path.basename(f)} chunks ${sizes.join(',')}`).toEqual(expected);
        if (sizes.length === 1) expect(lines).toEqual(startLines(text));
      }
    }
  });
});

describe('XmlScanner well-formedness', () => {
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<root xmlns:a="urn:a">\n${body}\n</root>\n`;

  /** Runs both parsers; returns the scanner's error line (or undefined) after checking saxes agrees it is an error. */
  function verdict(text: string): number | undefined {
    let saxesError = false;
    try {
      saxesEvents(text);
    } catch {
      saxesError = true;
    }
    let line: number | undefined;
    for (const sizes of [[text.length], [3]]) {
      try {
        scannerEvents(text, sizes);
        line = undefined;
      } catch (e) {
        expect(e).toBeInstanceOf(XmlSyntaxError);
        line = (e as XmlSyntaxError).line;
      }
      expect(line !== undefined, `scanner vs saxes on ${JSON.stringify(text.slice(0, 120))}`).toBe(saxesError);
    }
    return line;
  }

  it('accepts what saxes accepts: entities, CDATA, comments, self-closing tags, quotes, DOCTYPE', () => {
    expect(verdict(doc('<a:b x="1 &amp; 2" y=\'&lt;&#65;&#x42;\'>t &gt; u<![CDATA[<raw>&]]></a:b>\n<c/><d  e = "f" />'))).toBeUndefined();
    expect(verdict('<!DOCTYPE root [<!ELEMENT root ANY>]>\n<root>x</root>')).toBeUndefined();
    const { events } = scannerEvents(doc('<a:b x="1 &amp; 2">t &gt; u<![CDATA[<raw>&]]></a:b>'), [5]);
    expect(events).toContain('O a:b {"x":"1 & 2"} ');
    expect(events).toContain('T t > u<raw>&');
  });

  it('rejects broken documents with the line of the fault', () => {
    expect(verdict(doc('<a>\n<b>x</c>\n</a>'))).toBe(5);
    expect(verdict(doc('<a x=1/>'))).toBe(4);
    expect(verdict(doc('<a x="1" x="2"/>'))).toBe(4);
    expect(verdict(doc('<a>&nbsp;</a>'))).toBe(4);
    expect(verdict(doc('<a>fish & chips</a>'))).toBe(4);
    expect(verdict(doc('<a x="1"y="2"/>'))).toBe(4);
    expect(verdict('<root/>\n<second/>')).toBe(2);
    expect(verdict('<root/>\ntrailing text')).toBe(2);
    expect(verdict(doc('<a><b></a>'))).toBe(4);
  });

  it('rejects truncated documents at every cut inside the root', () => {
    const text = doc('<a:b x="1">12.5 13.5</a:b>\n<c d="e"/>');
    const rootStart = text.indexOf('<root');
    for (let cut = rootStart + 1; cut < text.length - 8; cut++) {
      expect(() => scannerEvents(text.slice(0, cut), [7]), `cut at ${cut}`).toThrow(XmlSyntaxError);
    }
  });

  it('skips a subtree on request, nested same-name elements included, and counts its lines', () => {
    const text = doc('<skip>\n<skip>\n<x>a</x>\n</skip><skip/>\n</skip>\n<after>b</after>');
    for (const sizes of [[text.length], [1], [4, 9]]) {
      const seen: string[] = [];
      const s = new XmlScanner({
        open: (q, _a, line) => {
          seen.push(`${q}@${line}`);
          return q === 'skip';
        },
        text: (t) => t.trim() && seen.push(t.trim()),
        close: () => {},
      });
      s.wantText = true;
      for (let i = 0; i < text.length; i += sizes[i % sizes.length]) s.write(text.slice(i, i + sizes[i % sizes.length]));
      s.close();
      expect(seen).toEqual(['root@3', 'skip@4', 'after@9', 'b']);
    }
  });
});
