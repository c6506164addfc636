import type { NestedMessage } from '../i18n/Message';
import type { ReportBuilder } from '../model/ConversionReport';
import type { XmlElement } from '../xml/parseXmlTree';

/**
 * Feature members without repeated `gml:id`s (XML IDs must be unique within a
 * document, and XPlanung relates features by them): the first member with an
 * id is kept; each later one is skipped and reported with its own line and
 * the line of the first — as a duplicated member when its content is the
 * same, as a clash otherwise. Members without an id pass.
 *
 * @example uniqueMembers(featureElements(root), { file, report }) // members, duplicates reported
 */
export function uniqueMembers(members: XmlElement[], o: { file: string; report: ReportBuilder }): XmlElement[] {
  const first = new Map<string, XmlElement>();
  const out: XmlElement[] = [];
  for (const m of members) {
    const id = m.attrs.id;
    if (id === undefined) {
      out.push(m);
      continue;
    }
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, m);
      out.push(m);
      continue;
    }
    const message: NestedMessage = sameContent(earlier, m)
      ? { code: 'convert.gml.duplicateMember', params: { line: earlier.line } }
      : { code: 'convert.gml.duplicateId', params: { id, line: earlier.line, cls: earlier.local } };
    o.report.skip({ file: o.file, line: m.line, featureId: id, featureClass: m.local, message });
  }
  return out;
}

/** Same element names, attributes and trimmed text all the way down (iterative). */
export function sameContent(a: XmlElement, b: XmlElement): boolean {
  const stack: [XmlElement, XmlElement][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    if (x.name !== y.name || x.uri !== y.uri || x.text.trim() !== y.text.trim() || x.children.length !== y.children.length) return false;
    const ka = Object.keys(x.attrs), kb = Object.keys(y.attrs);
    if (ka.length !== kb.length || ka.some((k) => x.attrs[k] !== y.attrs[k])) return false;
    for (let i = 0; i < x.children.length; i++) stack.push([x.children[i], y.children[i]]);
  }
  return true;
}
