import type { MessageKey, NestedMessage } from '../i18n/Message';
import { ConversionError } from '../model/ConversionError';

/**
 * Receives the events of an {@link XmlScanner}. Names are qualified as
 * written (`gml:Polygon`); namespaces are not resolved (CityGML readers go
 * by local names).
 */
export interface XmlScanHandler {
  /**
   * A start tag (`selfClosing` for `<a/>`, which gets no `close`). `attrs`
   * holds name, value, name, value… with the raw qualified names and the
   * values decoded (one shared empty array for tags without attributes).
   * Return true to skip the element's content without events: the scanner
   * then jumps to the matching end tag (that subtree is only counted for
   * lines, not checked).
   */
  open(qname: string, attrs: readonly string[], line: number, selfClosing: boolean): boolean | void;
  /** Character data (entities decoded, CDATA included), only while {@link XmlScanner.wantText} is true. */
  text(text: string): void;
  close(qname: string): void;
}

/**
 * A well-formedness error: `syntax` says what (a `convert.xml.*` message), `line` where (1-based). Its problem (and
 * English `message`) is "<what> (line n)".
 */
export class XmlSyntaxError extends ConversionError {
  constructor(
    readonly syntax: NestedMessage,
    readonly line: number,
  ) {
    super({ code: 'convert.xml.atLine', params: { problem: syntax, line } });
    this.name = 'XmlSyntaxError';
  }
}

/** The parts of markup a file can end inside, by the message that names them. */
const PART: Record<'start tag' | 'end tag' | 'comment' | 'CDATA section' | 'DOCTYPE' | 'processing instruction', MessageKey> = {
  'start tag': 'convert.xml.part.startTag',
  'end tag': 'convert.xml.part.endTag',
  comment: 'convert.xml.part.comment',
  'CDATA section': 'convert.xml.part.cdata',
  DOCTYPE: 'convert.xml.part.doctype',
  'processing instruction': 'convert.xml.part.pi',
};
type XmlPart = keyof typeof PART;

const BOM = 0xfeff;
const AMP = 38;
const LT = 60, GT = 62, SLASH = 47, QMARK = 63, BANG = 33, EQ = 61, NL = 10, DQ = 34, SQ = 39;
const CR_LF = /\r\n?/g;
const ATTR_WS_ALL = /\r\n|[\t\n\r]/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A streaming XML tokenizer for big, regular GML files: the hot loop finds
 * markup with `indexOf` and slices names and values straight out of the
 * chunk, so it makes few strings and no per-character callbacks (saxes, the
 * general-purpose parser, spends most of its time there: this scanner is
 * several times faster on CityGML, see `npm run bench convert`).
 *
 * It checks what makes CityGML unreadable: mismatched or unclosed tags
 * (truncated files), broken tag and attribute syntax, unknown entities,
 * content outside the root element. It does not validate names against the
 * XML character classes, DTDs (a DOCTYPE is skipped; its entities are not
 * supported) or namespaces. Errors are thrown as {@link XmlSyntaxError}
 * with the line of the offending markup.
 *
 * @example
 * const s = new XmlScanner(handler);
 * for (const chunk of chunks) s.write(chunk);
 * s.close();
 */
export class XmlScanner {
  /** Line of the markup being read (1-based). */
  line = 1;
  /** Set by the handler: deliver character data (otherwise it is skipped unread). */
  wantText = false;
  private buf = '';
  private pos = 0;
  private readonly stack: string[] = [];
  private readonly names = new NameTable();
  /** Out-parameters of {@link attributes}. */
  private tagAttrs = NO_PAIRS;
  private tagSelfClosing = false;
  private rootClosed = false;
  private seenRoot = false;
  private closed = false;
  /** While skipping a subtree: its qualified name and nesting depth. */
  private skipName = '';
  private skipDepth = 0;

  constructor(private readonly handler: XmlScanHandler) {}

  /** Feeds the next chunk of text; events fire for every complete token in it. */
  write(chunk: string): void {
    if (this.closed) throw new Error('XmlScanner: write after close');
    if (this.pos < this.buf.length && this.skipDepth === 0) {
      // A token cut by the chunk boundary: finish it in a small joint string (the rest of the
      // old chunk up to the end of the new chunk's first tag) instead of joining whole chunks,
      // which would copy every chunk once more.
      const lt = chunk.indexOf('<');
      const gt = lt < 0 ? -1 : chunk.indexOf('>', lt);
      if (gt >= 0) {
        this.buf = this.buf.slice(this.pos) + chunk.slice(0, gt + 1);
        this.pos = 0;
        this.scan(false);
        const rest = this.buf.slice(this.pos);
        // Usually the joint is used up; otherwise (a '>' inside an attribute value) join as before.
        this.buf = rest.length ? rest + chunk.slice(gt + 1) : chunk;
        this.pos = rest.length ? 0 : gt + 1;
        this.scan(false);
        return;
      }
    }
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.scan(false);
  }

  /** End of input: throws when the document is incomplete. */
  close(): void {
    this.scan(true);
    this.closed = true;
    if (this.skipDepth > 0 || this.stack.length > 0) {
      const open = this.skipDepth > 0 ? this.skipName : this.stack[this.stack.length - 1];
      throw new XmlSyntaxError({ code: 'convert.xml.truncated', params: { element: open, n: this.stack.length - 1 + (this.skipDepth > 0 ? 1 : 0) } }, this.line);
    }
    if (!this.seenRoot) throw new XmlSyntaxError({ code: 'convert.xml.noRootElement' }, this.line);
  }

  /** Counts line breaks in buf[from, to). */
  private countLines(from: number, to: number): void {
    const b = this.buf;
    for (let i = b.indexOf('\n', from); i >= 0 && i < to; i = b.indexOf('\n', i + 1)) this.line++;
  }

  private scan(final: boolean): void {
    const b = this.buf;
    const n = b.length;
    for (;;) {
      if (this.skipDepth > 0 && !this.skipContent(final)) return;
      const lt = b.indexOf('<', this.pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > this.pos) {
        // Character data: held back until its end is in the buffer, so it arrives in one piece.
        if (lt < 0 && !final) return;
        this.textRun(this.pos, textEnd);
        this.pos = textEnd;
      }
      if (lt < 0) return;
      if (lt + 1 >= n) {
        if (final) throw new XmlSyntaxError({ code: 'convert.xml.endInMarkup' }, this.line);
        return;
      }
      const c = b.charCodeAt(lt + 1);
      let end: number;
      if (c === SLASH) end = this.endTag(lt, final);
      else if (c === BANG) end = this.bang(lt, final);
      else if (c === QMARK) end = this.instruction(lt, final);
      else end = this.startTag(lt, final);
      if (end < 0) return; // incomplete: wait for more input
      this.pos = end;
    }
  }

  private textRun(from: number, to: number): void {
    const b = this.buf;
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) {
        const ch = b.charCodeAt(i);
        if (ch === NL) this.line++;
        else if (ch > 32 && ch !== BOM) throw new XmlSyntaxError({ code: this.seenRoot ? 'convert.xml.textAfterRoot' : 'convert.xml.textBeforeRoot' }, this.line);
      }
      return;
    }
    // Most runs are the indentation between two tags: counted, never sliced.
    let i = from;
    for (; i < to; i++) {
      const ch = b.charCodeAt(i);
      if (ch > 32) break;
      if (ch === NL) this.line++;
    }
    if (i === to) return;
    if (this.wantText) {
      let s = b.slice(from, to);
      // XML line-end normalisation: CRLF and lone CR read as LF.
      if (s.indexOf('\r') >= 0) s = s.replace(CR_LF, '\n');
      if (s.indexOf('&') >= 0) s = decodeEntities(s, this.line);
      this.handler.text(s);
    }
    this.countLines(i, to);
  }

  private startTag(lt: number, final: boolean): number {
    const b = this.buf;
    const n = b.length;
    let i = lt + 1;
    let h = 0;
    while (i < n) {
      const ch = b.charCodeAt(i);
      if (ch <= 32 || ch === GT || ch === SLASH) break;
      if (ch === LT || ch === EQ || ch === DQ || ch === SQ) throw new XmlSyntaxError({ code: 'convert.xml.badTagChar' }, this.line);
      h = (Math.imul(h, 31) + ch) | 0;
      i++;
    }
    if (i >= n) return this.incomplete(final, 'start tag');
    if (i === lt + 1) throw new XmlSyntaxError({ code: 'convert.xml.ltNoName' }, this.line);
    const qname = this.names.intern(b, lt + 1, i, h);
    const line = this.line;
    let attrs = NO_PAIRS;
    let selfClosing = false;
    // Most tags are a bare name: `<gml:posList>`. The rest go through the attribute reader.
    if (b.charCodeAt(i) === GT) i++;
    else {
      const end = this.attributes(i, qname, line, final);
      if (end < 0) return end;
      i = end;
      attrs = this.tagAttrs;
      selfClosing = this.tagSelfClosing;
    }
    if (this.stack.length === 0) {
      if (this.seenRoot) throw new XmlSyntaxError({ code: 'convert.xml.secondRoot', params: { element: qname } }, line);
      this.seenRoot = true;
    }
    const skip = this.handler.open(qname, attrs, line, selfClosing);
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else if (skip) {
      this.skipName = qname;
      this.skipDepth = 1;
    } else this.stack.push(qname);
    return i;
  }

  /**
   * Reads the attributes and the end of a start tag from `i` (just after the
   * name) into tagAttrs / tagSelfClosing; returns the index after ">", or -1
   * when the tag is not complete in the buffer yet.
   */
  private attributes(start: number, qname: string, line: number, final: boolean): number {
    const b = this.buf;
    const n = b.length;
    let i = start;
    let attrs = NO_PAIRS;
    let selfClosing = false;
    for (;;) {
      // whitespace
      while (i < n) {
        const ch = b.charCodeAt(i);
        if (ch > 32) break;
        if (ch === NL) this.line++;
        i++;
      }
      if (i >= n) return this.rewind(line, final, 'start tag');
      const ch = b.charCodeAt(i);
      if (ch === GT) {
        i++;
        break;
      }
      if (ch === SLASH) {
        if (i + 1 >= n) return this.rewind(line, final, 'start tag');
        if (b.charCodeAt(i + 1) !== GT) throw new XmlSyntaxError({ code: 'convert.xml.slashNoGt', params: { element: qname } }, this.line);
        selfClosing = true;
        i += 2;
        break;
      }
      // attribute name
      const nameStart = i;
      let h = 0;
      while (i < n) {
        const c2 = b.charCodeAt(i);
        if (c2 <= 32 || c2 === EQ || c2 === GT || c2 === SLASH || c2 === LT) break;
        h = (Math.imul(h, 31) + c2) | 0;
        i++;
      }
      if (i >= n) return this.rewind(line, final, 'start tag');
      if (i === nameStart) throw new XmlSyntaxError({ code: 'convert.xml.unexpectedChar', params: { element: qname } }, this.line);
      const name = this.names.intern(b, nameStart, i, h);
      while (i < n && b.charCodeAt(i) <= 32) {
        if (b.charCodeAt(i) === NL) this.line++;
        i++;
      }
      if (i >= n) return this.rewind(line, final, 'start tag');
      if (b.charCodeAt(i) !== EQ) throw new XmlSyntaxError({ code: 'convert.xml.attrNoValue', params: { name, element: qname } }, this.line);
      i++;
      while (i < n && b.charCodeAt(i) <= 32) {
        if (b.charCodeAt(i) === NL) this.line++;
        i++;
      }
      if (i >= n) return this.rewind(line, final, 'start tag');
      const q = b.charCodeAt(i);
      if (q !== DQ && q !== SQ) throw new XmlSyntaxError({ code: 'convert.xml.attrNotQuoted', params: { name, element: qname } }, this.line);
      const close = b.indexOf(q === DQ ? '"' : "'", i + 1);
      if (close < 0) return this.rewind(line, final, 'start tag');
      // One pass over the value: "<" is an error, "&" starts a reference, control characters need normalising.
      let amp = false, ws = false;
      for (let k = i + 1; k < close; k++) {
        const c = b.charCodeAt(k);
        if (c === LT) throw new XmlSyntaxError({ code: 'convert.xml.ltInAttr', params: { name, element: qname } }, this.line);
        if (c === AMP) amp = true;
        else if (c < 32) {
          ws = true;
          if (c === NL) this.line++;
        }
      }
      let value = b.slice(i + 1, close);
      // Attribute-value normalisation: each literal line end or tab reads as one space (character references do not).
      if (ws) value = value.replace(ATTR_WS_ALL, ' ');
      if (amp) value = decodeEntities(value, this.line);
      for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) throw new XmlSyntaxError({ code: 'convert.xml.attrRepeated', params: { name, element: qname } }, this.line);
      if (attrs === NO_PAIRS) attrs = [name, value];
      else attrs.push(name, value);
      i = close + 1;
      const after = i < n ? b.charCodeAt(i) : -1;
      if (after > 32 && after !== GT && after !== SLASH) throw new XmlSyntaxError({ code: 'convert.xml.attrNoSpace', params: { element: qname } }, this.line);
    }
    this.tagAttrs = attrs;
    this.tagSelfClosing = selfClosing;
    return i;
  }

  private endTag(lt: number, final: boolean): number {
    const b = this.buf;
    const gt = b.indexOf('>', lt + 2);
    if (gt < 0) return this.incomplete(final, 'end tag');
    const top = this.stack.pop();
    // Compared in place: slicing every end tag's name would be a string per element.
    let e = lt + 2 + (top?.length ?? 0);
    while (e < gt && b.charCodeAt(e) <= 32) e++;
    if (top === undefined || e !== gt || !sameAt(b, lt + 2, top)) {
      let end = gt;
      while (end > lt + 2 && b.charCodeAt(end - 1) <= 32) end--;
      const qname = b.slice(lt + 2, end);
      if (top === undefined) throw new XmlSyntaxError({ code: 'convert.xml.endWithoutStart', params: { element: qname } }, this.line);
      throw new XmlSyntaxError({ code: 'convert.xml.mismatchedEnd', params: { expected: top, element: qname } }, this.line);
    }
    this.countLines(lt, gt);
    this.handler.close(top);
    if (this.stack.length === 0) this.rootClosed = true;
    return gt + 1;
  }

  /** Comments, CDATA sections and a DOCTYPE. */
  private bang(lt: number, final: boolean): number {
    const b = this.buf;
    if (b.startsWith('<!--', lt)) {
      const e = b.indexOf('-->', lt + 4);
      if (e < 0) return this.incomplete(final, 'comment');
      this.countLines(lt, e);
      return e + 3;
    }
    if (b.startsWith('<![CDATA[', lt)) {
      const e = b.indexOf(']]>', lt + 9);
      if (e < 0) return this.incomplete(final, 'CDATA section');
      if (this.stack.length === 0) throw new XmlSyntaxError({ code: 'convert.xml.cdataOutside' }, this.line);
      if (this.wantText) this.handler.text(b.slice(lt + 9, e).replace(CR_LF, '\n'));
      this.countLines(lt, e);
      return e + 3;
    }
    if (b.startsWith('<!DOCTYPE', lt)) {
      // An internal subset in [...] may contain '>'.
      const open = b.indexOf('[', lt);
      const gt0 = b.indexOf('>', lt);
      let e = gt0;
      if (open >= 0 && (gt0 < 0 || open < gt0)) {
        const closeBracket = b.indexOf(']', open);
        e = closeBracket < 0 ? -1 : b.indexOf('>', closeBracket);
      }
      if (e < 0) return this.incomplete(final, 'DOCTYPE');
      this.countLines(lt, e);
      return e + 1;
    }
    if (lt + 9 > b.length && !final) return -1;
    throw new XmlSyntaxError({ code: 'convert.xml.bangUnknown' }, this.line);
  }

  private instruction(lt: number, final: boolean): number {
    const e = this.buf.indexOf('?>', lt + 2);
    if (e < 0) return this.incomplete(final, 'processing instruction');
    this.countLines(lt, e);
    return e + 2;
  }

  /**
   * Skips a subtree the handler did not want: finds the matching end tag by
   * counting start and end tags of the same name; only line breaks are counted.
   */
  private skipContent(final: boolean): boolean {
    const b = this.buf;
    const name = this.skipName;
    // Everything before i is settled (depth counted); a wait for more input resumes at `resume`.
    let i = this.pos;
    const wait = (resume: number): boolean => {
      this.countLines(this.pos, resume);
      this.pos = resume;
      if (final) throw new XmlSyntaxError({ code: 'convert.xml.endInside', params: { element: name } }, this.line);
      return false;
    };
    for (;;) {
      const lt = b.indexOf(name, i);
      // Not found: keep the tail that could be the start of "</name".
      if (lt < 0) return wait(Math.max(i, b.length - name.length - 2));
      const after = lt + name.length;
      if (after >= b.length) return wait(Math.max(i, lt - 2));
      const next = b.charCodeAt(after);
      const boundary = next <= 32 || next === GT || next === SLASH;
      const isEnd = lt >= 2 && b.charCodeAt(lt - 1) === SLASH && b.charCodeAt(lt - 2) === LT;
      const isStart = !isEnd && lt >= 1 && b.charCodeAt(lt - 1) === LT;
      if (boundary && (isEnd || isStart)) {
        const gt = b.indexOf('>', after);
        if (gt < 0) return wait(lt - (isEnd ? 2 : 1));
        if (isEnd) {
          if (--this.skipDepth === 0) {
            this.countLines(this.pos, gt);
            this.pos = gt + 1;
            if (this.stack.length === 0) this.rootClosed = true;
            return true;
          }
        } else if (b.charCodeAt(gt - 1) !== SLASH) this.skipDepth++; // a nested start tag of the same name
        i = gt + 1;
      } else i = after;
    }
  }

  private incomplete(final: boolean, what: XmlPart): number {
    if (final) throw new XmlSyntaxError({ code: 'convert.xml.endInPart', params: { part: { code: PART[what] } } }, this.line);
    return -1;
  }

  /** A start tag that did not fit the buffer: undo its line count; it is read again with the next chunk. */
  private rewind(line: number, final: boolean, what: XmlPart): number {
    this.line = line;
    return this.incomplete(final, what);
  }

  /** True once the root element has been closed. */
  get done(): boolean {
    return this.rootClosed;
  }
}

const NO_PAIRS: string[] = [];

/** b.startsWith(s, at) for the short names of tags, without a builtin call per tag. */
function sameAt(b: string, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let k = 0; k < s.length; k++) if (b.charCodeAt(at + k) !== s.charCodeAt(k)) return false;
  return true;
}


/**
 * Interned element and attribute names: a tag name is looked up by its hash
 * and compared in place, so the thousandth `<gml:posList>` allocates no
 * string. Names are copied flat when first seen (a slice would keep its
 * whole input chunk alive). Bounded: past 3/4 full, new names are sliced.
 */
class NameTable {
  private readonly slots: (string | undefined)[] = new Array(1 << 12);
  private readonly mask = (1 << 12) - 1;
  private size = 0;

  intern(b: string, start: number, end: number, hash: number): string {
    const len = end - start;
    for (let k = hash & this.mask; ; k = (k + 1) & this.mask) {
      const s = this.slots[k];
      if (s === undefined) {
        if (this.size * 4 >= this.slots.length * 3) return b.slice(start, end);
        const name = flatCopy(b.slice(start, end));
        this.slots[k] = name;
        this.size++;
        return name;
      }
      if (s.length === len && sameAt(b, start, s)) return s;
    }
  }
}

/** A string that does not share memory with its source. */
function flatCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function decodeEntities(s: string, line: number): string {
  return s.replace(/&([^;&\s]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new XmlSyntaxError({ code: 'convert.xml.ampNoEntity' }, line);
    if (ref in ENTITIES) return ENTITIES[ref];
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
    if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    throw new XmlSyntaxError({ code: 'convert.xml.unknownEntity', params: { ref } }, line);
  });
}

