import { useTranslation } from 'react-i18next';
import { columnUnit } from '../../core/table/columnUnit';
import { attributeLabel } from '../i18n/attributeLabel';

/** Readable header of a column: its label (`attr.<name>`, nested keys by their last part) and unit. */
export function useColumnHeader(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const base = key.includes('.') ? key.slice(key.lastIndexOf('.') + 1) : key;
    const label = attributeLabel(t, base);
    const unit = columnUnit(key);
    // Labels that name their unit already ("Gebäudehöhe (m)") keep it once.
    return unit && !label.includes(`(${unit})`) ? `${label} (${unit})` : label;
  };
}
