import { useTranslation } from 'react-i18next';
import { kioskCard, kioskProposedCard } from '../../core/kiosk/kioskCard';
import { activeVariant } from '../../state/scenarioSlice';
import { translateMessage } from '../../core/i18n/Message';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';

/** Left column: the short plain-language card of the building or area a citizen tapped. */
export function KioskCard() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { selection, catalog, lang, selectedProposedId: proposedId } = useAppFields('selection', 'catalog', 'lang', 'selectedProposedId');
  const variant = useAppState(activeVariant);
  const proposed = proposedId ? variant?.buildings.find((b) => b.id === proposedId) : undefined;
  const layer = selection && catalog?.layers.find((l) => l.id === selection.layerId);
  // A tap on a draft's building selects no layer feature (the model is on top); a later tap elsewhere does.
  const card = layer ? kioskCard(layer, selection!.properties, lang) : proposed ? kioskProposedCard(proposed) : null;
  if (!card) return null;
  const close = () => {
    store.getState().select(undefined);
    store.getState().selectProposedBuilding(null);
  };
  return (
    <section className="kiosk-panel kiosk-card" data-region="card" aria-live="polite">
      <div className="kiosk-card-head">
        <h2>{card.title}</h2>
        <button type="button" className="kiosk-btn kiosk-btn-icon" aria-label={t('kiosk.cardClose')} onClick={close}>
          ✕
        </button>
      </div>
      {card.lines.map((m, i) => (
        <p key={i}>{translateMessage(t, m)}</p>
      ))}
    </section>
  );
}
