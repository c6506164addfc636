import type { ReportBuilder } from '../model/ConversionReport';
import type { XmlTree } from '../xml/parseXmlTree';

/**
 * Reports the well-formedness errors of an element tree (the first five, as warnings: what was read before them is
 * still used) and, when there is no document element at all, the file as skipped. Shared by the XPlanGML and WFS
 * readers, so both say it in the same words.
 *
 * @example xmlErrorIssues(parseXmlTree(xml), 'plan.gml', report); if (!tree.root) return
 */
export function xmlErrorIssues(tree: XmlTree, file: string, report: ReportBuilder): void {
  for (const e of tree.errors.slice(0, 5)) report.warn({ file, line: e.line, message: { code: 'convert.xml.notWellFormed', params: { problem: e.problem } } });
  if (tree.root) return;
  const first = tree.errors[0];
  report.skip({ file, line: first?.line, message: first ? { code: 'convert.xml.noRootBecause', params: { problem: first.problem } } : { code: 'convert.xml.noRoot' } });
}
