import type { NestedMessage } from '../i18n/Message';
import { englishText } from '../model/englishText';
import { XmlScanner, XmlSyntaxError } from './XmlScanner';

/** One element of a light XML tree: enough for GML/XPlanGML, nothing more. */
export interface XmlElement {
  /** Qualified name as written, e.g. `gml:Polygon`. */
  name: string;
  /** Local name, e.g. `Polygon`. */
  local: string;
  /** Namespace URI ('' when none). */
  uri: string;
  /** Attributes by local name (`gml:id` → `id`, `xlink:href` → `href`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content (concatenated, untrimmed; whitespace-only runs between tags are left out). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  /** False when the file ended (or broke) before the end tag. */
  complete: boolean;
  parent?: XmlElement;
}

export interface XmlParseProblem {
  line: number;
  /** What is wrong, in English. */
  message: string;
  /** The same as a message code (`convert.xml.*`), for the reader's issue in the user's language. */
  problem: NestedMessage;
}

export interface XmlTree {
  root?: XmlElement;
  /** Well-formedness errors; the tree holds everything read up to the first one. */
  errors: XmlParseProblem[];
}

/**
 * Deepest element nesting accepted. Real GML nests about 15 levels (XPlanGML
 * with curves ~20); a document nested deeper is refused at that element, so
 * that recursive walks over the tree cannot overflow the stack.
 */
export const MAX_XML_DEPTH = 256;

/**
 * Largest document (characters) made into a tree. The tree of a 256 MB
 * XPlanGML/WFS document needs about 1 GB of memory; CityGML, which can be
 * far bigger, streams and is not limited.
 */
export const MAX_XML_TREE_CHARS = 256 * 1024 * 1024;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses XML text into a light element tree with line numbers, on the same
 * streaming {@link XmlScanner} that reads CityGML (the one XML stack; it
 * measured 2–4× faster than saxes on every real file, `npm run bench xml`).
 * Namespace prefixes are resolved to URIs (xmlns declarations in scope).
 * Malformed or truncated input does not throw: the tree keeps what was read
 * before the first error, elements that were never closed have
 * `complete: false`, and the error is listed in `errors`.
 *
 * @example parseXmlTree('<a><b x="1">t</b></a>').root?.children[0].attrs.x // '1'
 */
export function parseXmlTree(xml: string): XmlTree {
  const errors: XmlParseProblem[] = [];
  if (xml.length > MAX_XML_TREE_CHARS) {
    const problem: NestedMessage = { code: 'convert.xml.tooLarge', params: { size: Math.round(xml.length / 2 ** 20), max: MAX_XML_TREE_CHARS / 2 ** 20 } };
    errors.push({ line: 1, message: englishText(problem), problem });
    return { errors };
  }
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  // Namespace scopes: prefix → URI, one map per element that declares any ('' is the default namespace).
  const scopes: { depth: number; map: Map<string, string> }[] = [{ depth: -1, map: new Map([['xml', XML_NS]]) }];
  const resolve = (prefix: string): string => {
    for (let k = scopes.length - 1; k >= 0; k--) {
      const uri = scopes[k].map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  };
  const scanner = new XmlScanner({
    open(qname, attrs, line, selfClosing) {
      if (stack.length >= MAX_XML_DEPTH) throw new XmlSyntaxError({ code: 'convert.xml.tooDeep', params: { max: MAX_XML_DEPTH, element: qname } }, line);
      const own: Record<string, string> = {};
      let declared: Map<string, string> | undefined;
      for (let k = 0; k < attrs.length; k += 2) {
        const name = attrs[k];
        if (name === 'xmlns') (declared ??= new Map()).set('', attrs[k + 1]);
        else if (name.startsWith('xmlns:')) (declared ??= new Map()).set(name.slice(6), attrs[k + 1]);
        else own[localPart(name)] = attrs[k + 1];
      }
      if (declared) scopes.push({ depth: stack.length, map: declared });
      const colon = qname.indexOf(':');
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      const el: XmlElement = { name: qname, local, uri: resolve(colon < 0 ? '' : qname.slice(0, colon)), attrs: own, children: [], text: '', line, complete: selfClosing };
      const parent = stack[stack.length - 1];
      if (parent) {
        el.parent = parent;
        parent.children.push(el);
      } else root ??= el;
      if (selfClosing) {
        if (declared) scopes.pop();
      } else stack.push(el);
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (top) top.text += t;
    },
    close() {
      const el = stack.pop();
      if (el) el.complete = true;
      if (scopes[scopes.length - 1].depth === stack.length) scopes.pop();
    },
  });
  scanner.wantText = true;
  try {
    scanner.write(xml);
    scanner.close();
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    errors.push({ line: e.line, message: englishText(e.syntax), problem: e.syntax });
  }
  return { root, errors };
}

function localPart(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Child elements with the given local name. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** First child element with the given local name. */
export function childNamed(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** Trimmed text of the first child with that local name. */
export function childText(el: XmlElement, local: string): string | undefined {
  const c = childNamed(el, local);
  const t = c?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** Depth-first search for the first descendant (or self) matching `pred`. */
export function findDescendant(el: XmlElement, pred: (e: XmlElement) => boolean): XmlElement | undefined {
  if (pred(el)) return el;
  for (const c of el.children) {
    const f = findDescendant(c, pred);
    if (f) return f;
  }
  return undefined;
}

/** True for elements in a GML namespace (3.1 `http://www.opengis.net/gml` or 3.2). */
export function isGml(el: XmlElement): boolean {
  return el.uri.startsWith('http://www.opengis.net/gml');
}
