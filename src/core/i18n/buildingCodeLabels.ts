import type { Lang } from './Lang';
import { de, type Resources } from './resources/de';
import { en } from './resources/en';

// ALKIS Gebäudefunktion (31001_xxxx) and Bauwerksfunktion (51xxx_xxxx) codes as used in AdV LoD2 data, and the AdV
// roof type codes: their names live in the i18n resources (`code.function.*`, `code.functionGroup.*`,
// `code.roofType.*`), so a card in any language names a building's use in that language, and a third language is
// still one resource file. Only the most frequent function codes have their own name; the others get their group's.
const FUNCTION_GROUPS = ['31001_1', '31001_2', '31001_3', '31001_9', '51'] as const;

// The resource objects themselves, not an i18next instance: the converter (and its worker) stays free of i18next.
const TEXTS: Record<Lang, Resources> = { de, en };
const lookup = (lang: Lang, key: string): string | undefined => TEXTS[lang][key as keyof Resources];

/**
 * Readable label of a building function code in a language (German by default: the label written into converted
 * tiles), if known; an unknown code of a known group gets the group's label.
 *
 * @example functionLabel('31001_1010') // 'Wohnhaus'
 * @example functionLabel('31001_2000', 'en') // 'Commercial or business building'
 */
export function functionLabel(code: string | undefined, lang: Lang = 'de'): string | undefined {
  if (!code) return undefined;
  const own = lookup(lang, `code.function.${code}`);
  if (own) return own;
  const group = FUNCTION_GROUPS.find((prefix) => code.startsWith(prefix));
  return group && lookup(lang, `code.functionGroup.${group}`);
}

/** Readable label of a roof type code in a language (German by default), if known. @example roofTypeLabel('3100') // 'Satteldach' */
export function roofTypeLabel(code: string | undefined, lang: Lang = 'de'): string | undefined {
  return code ? lookup(lang, `code.roofType.${code}`) : undefined;
}
