import { SaxesParser } from 'saxes';

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
  /** Direct text content (concatenated, untrimmed). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  /** False when the file ended (or broke) before the end tag. */
  complete: boolean;
  parent?: XmlElement;
}

export interface XmlParseProblem {
  line: number;
  message: string;
}

export interface XmlTree {
  root?: XmlElement;
  /** Well-formedness errors; the tree holds everything read up to and after them. */
  errors: XmlParseProblem[];
}

/**
 * Parses XML text into a light element tree with line numbers, using saxes
 * (runs in Node and in browser workers). Malformed or truncated input does
 * not throw: the tree keeps what could be read, elements that were never
 * closed have `complete: false`, and the problems are listed in `errors`.
 *
 * @example parseXmlTree('<a><b x="1">t</b></a>').root?.children[0].attrs.x // '1'
 */
export function parseXmlTree(xml: string): XmlTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: XmlParseProblem[] = [];
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  parser.on('error', (e) => {
    // Keep going: saxes recovers from most errors, and whatever follows may still be usable.
    if (errors.length < 50) errors.push({ line: parser.line, message: e.message.replace(/^[^:]*:\d+:\d+: /, '') });
  });
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(node.attributes)) {
      const attr = a as { local: string; value: string; prefix: string };
      if (attr.prefix === 'xmlns' || attr.local === 'xmlns') continue;
      attrs[attr.local] = attr.value;
    }
    const el: XmlElement = { name: node.name, local: node.local ?? node.name, uri: node.uri ?? '', attrs, children: [], text: '', line: parser.line, complete: false };
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else if (!root) root = el;
    stack.push(el);
    if (node.isSelfClosing) {
      // saxes still emits closetag for self-closing tags; completion is set there.
    }
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) el.complete = true;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    errors.push({ line: parser.line, message: e instanceof Error ? e.message : String(e) });
  }
  return { root, errors };
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
