import { useTranslation } from 'react-i18next';
import { EXISTING_VARIANT_ID } from '../../core/kiosk/KioskConfig';
import { activeScenario } from '../../state/scenarioSlice';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';
import { KioskChoiceRow } from './KioskChoiceRow';

/** Bestand / Entwurf A / Entwurf B …: one button per configured variant, with the shown one's plain-language caption. */
export function KioskVariantSwitch() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { kioskConfig, lang, kioskVariantId: current } = useAppFields('kioskConfig', 'lang', 'kioskVariantId');
  const config = kioskConfig!;
  const scenario = useAppState(activeScenario);
  const available = (id: string) => id === EXISTING_VARIANT_ID || !!scenario?.variants.some((v) => v.id === id);
  const shown = config.variants.find((v) => v.id === current);
  return (
    <div>
      <KioskChoiceRow
        label={t('kiosk.tabVariants')}
        choices={config.variants.map((v) => ({ id: v.id, text: v.caption[lang], disabled: !available(v.id) }))}
        chosen={current}
        onChoose={(id) => store.getState().setKioskVariant(id)}
      />
      {shown && (
        <p className="kiosk-caption" aria-live="polite">
          <strong>{t('kiosk.variantShown', { name: shown.caption[lang] })}</strong> {shown.plainCaption[lang]}
        </p>
      )}
      {config.variants.some((v) => !available(v.id)) && <p className="kiosk-note">{t('kiosk.variantUnavailable')}</p>}
    </div>
  );
}
