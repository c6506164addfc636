import type { Lang } from './Lang';
import { de, type Resources } from './resources/de';
import { en } from './resources/en';

/**
 * A resource text in every language, as the `{ de, en }` object that catalog data carries (`LocalizedText`): for
 * app-made data that sits beside catalog data, such as the layer group of dropped files.
 *
 * @example textInAllLanguages('drop.group') // { de: 'Eigene Dateien', en: 'Your files' }
 */
export function textInAllLanguages(key: keyof Resources): Record<Lang, string> {
  return { de: de[key], en: en[key] };
}
