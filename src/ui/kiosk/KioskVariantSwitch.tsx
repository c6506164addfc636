import { useTranslation } from 'react-i18next';
import { EXISTING_VARIANT_ID } from '../../core/kiosk/KioskConfig';
import { activeScenario } from '../../state/scenarioSlice';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';

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
      <div className="kiosk-row kiosk-wrap" role="group" aria-label={t('kiosk.tabVariants')}>
        {config.variants.map((v) => (
          <button
            key={v.id}
            type="button"
            className="kiosk-btn kiosk-choice"
            aria-pressed={current === v.id}
            disabled={!available(v.id)}
            onClick={() => store.getState().setKioskVariant(v.id)}
          >
            {v.caption[lang]}
          </button>
        ))}
      </div>
      {shown && (
        <p className="kiosk-caption" aria-live="polite">
          <strong>{t('kiosk.variantShown', { name: shown.caption[lang] })}</strong> {shown.plainCaption[lang]}
        </p>
      )}
      {config.variants.some((v) => !available(v.id)) && <p className="kiosk-note">{t('kiosk.variantUnavailable')}</p>}
    </div>
  );
}
