import type { i18n } from 'i18next';
import { createI18n } from '../i18n/createI18n';
import { translateNested, type NestedMessage } from '../i18n/Message';

let english: i18n | undefined;

/**
 * A message in English, through the one i18n API (one instance, made on first use): the `reason` text of a
 * conversion issue and the `message` of a {@link ConversionError}, which report.json and logs carry.
 *
 * @example englishText({ code: 'convert.gml.noGeometry' }) // 'no geometry'
 */
export function englishText(m: NestedMessage): string {
  english ??= createI18n('en');
  return translateNested(english.t, m);
}
