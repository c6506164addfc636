import type { TFunction } from 'i18next';
import { de } from '../../core/i18n/resources/de';
import type { MessageKey } from '../../core/i18n/Message';

/** Readable label of a data attribute (`attr.<name>` in the resources), or the attribute name itself if unknown. */
export function attributeLabel(t: TFunction, name: string): string {
  const key = `attr.${name}`;
  return key in de ? t(key as MessageKey) : name;
}
