import { problemOf } from '../model/ConversionError';
import { decodeText, isZip } from '../vector/decodeText';
import { unzipEntries, zipEntryList } from '../vector/unzipEntries';
import { readXPlanGml, type XPlanReadOptions, type XPlanReadResult } from './readXPlanGml';

/**
 * Reads an XPlanGML file or an XPlanArchiv (.zip with `xplan.gml`, as
 * exchanged by XLeitstelle tools and the xPlanBox). Issues name the entry as
 * `archive.zip!xplan.gml`.
 *
 * @example readXPlanFile(new Uint8Array(await readFile('LA22.zip')), { file: 'LA22.zip', report })
 */
export function readXPlanFile(bytes: Uint8Array, opts: XPlanReadOptions): XPlanReadResult {
  if (!isZip(bytes)) return readXPlanGml(decodeText(bytes), opts);
  const names = zipEntryList(bytes, opts.file).map((e) => e.name).filter((n) => !n.endsWith('/'));
  const gml = names.find((n) => /(^|\/)xplan\.gml$/i.test(n)) ?? names.find((n) => /\.(gml|xml)$/i.test(n));
  if (!gml) {
    opts.report.skip({ file: opts.file, message: names.length ? { code: 'convert.xplan.archiveNoPlan', params: { entries: names.slice(0, 8).join(', ') } } : { code: 'convert.xplan.archiveEmpty' } });
    return { plans: [], features: [], texts: [] };
  }
  // Only the plan is inflated (attachments such as scanned plans stay packed), under the limits of unzipEntries.
  let entry: Uint8Array;
  try {
    entry = unzipEntries(bytes, opts.file, { only: (n) => n === gml })[gml];
  } catch (e) {
    opts.report.skip({ file: `${opts.file}!${gml}`, message: problemOf(e) });
    return { plans: [], features: [], texts: [] };
  }
  return readXPlanGml(decodeText(entry), { ...opts, file: `${opts.file}!${gml}` });
}
