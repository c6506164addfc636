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
