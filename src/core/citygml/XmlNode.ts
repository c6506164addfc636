/**
 * A small element tree: the attribute elements of one building (function,
 * address, generic attributes…), kept by {@link BuildingAssembler} for
 * readBuildingAttributes. Geometry never becomes a tree.
 */
export interface XmlNode {
  /** Local name without prefix, e.g. `Polygon`. */
  name: string;
  /** Qualified name as written, e.g. `gml:Polygon`. */
  qname: string;
  /** Attributes by local name (`id`, `href`, `srsName`, `srsDimension`, `name`, `orientation`). */
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

/** Local part of a qualified XML name. */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** First child with the given local name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

/** All descendants (depth first) with the given local name, not descending into matches. */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

/** Concatenated text of a node and its descendants, trimmed. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.children.length === 0) return node.text.trim();
  let s = node.text;
  for (const c of node.children) s += ' ' + textOf(c);
  return s.trim();
}

/** The shared attribute object of elements without (kept) attributes. */
export const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

// Attributes of an element are name, value, name, value… with qualified names (XmlScanner's form).
const KEPT_ATTRS = new Set(['id', 'href', 'srsName', 'srsDimension', 'name', 'orientation', 'Type', 'count', 'dimension']);

const LOCAL_NAMES = new Map<string, string>();

/** localName, cached: the scanner interns qualified names, so each distinct one is split once. */
export function localOf(qname: string): string {
  let l = LOCAL_NAMES.get(qname);
  if (l === undefined) {
    l = localName(qname);
    if (LOCAL_NAMES.size < 10000) LOCAL_NAMES.set(qname, l);
  }
  return l;
}

/** The kept attributes (by local name) of a scanner's name/value list. */
export function pickAttrs(attrs: readonly string[]): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (let k = 0; k < attrs.length; k += 2) {
    const l = localOf(attrs[k]);
    if (KEPT_ATTRS.has(l)) (out ??= {})[l] = attrs[k + 1];
  }
  return out ?? NO_ATTRS;
}

/** Value of the attribute with the given local name in a scanner's name/value list. */
export function attrPair(attrs: readonly string[], local: string): string | undefined {
  for (let k = 0; k < attrs.length; k += 2) if (localOf(attrs[k]) === local) return attrs[k + 1];
  return undefined;
}
