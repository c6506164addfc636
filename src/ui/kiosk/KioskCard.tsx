import { useTranslation } from 'react-i18next';
import { kioskCard } from '../../core/kiosk/kioskCard';
import { translateMessage } from '../../core/i18n/Message';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** Left column: the short plain-language card of the building or area a citizen tapped. */
export function KioskCard() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const selection = useAppState((s) => s.selection);
  const catalog = useAppState((s) => s.catalog);
  const lang = useAppState((s) => s.lang);
  if (!selection) return null;
  const layer = catalog?.layers.find((l) => l.id === selection.layerId);
  if (!layer) return null;
  const card = kioskCard(layer, selection.properties, lang);
  return (
    <section className="kiosk-panel kiosk-card" data-region="card" aria-live="polite">
      <div className="kiosk-card-head">
        <h2>{card.title}</h2>
        <button type="button" className="kiosk-btn kiosk-btn-icon" aria-label={t('kiosk.cardClose')} onClick={() => store.getState().select(undefined)}>
          ✕
        </button>
      </div>
      {card.lines.map((m, i) => (
        <p key={i}>{translateMessage(t, m)}</p>
      ))}
    </section>
  );
}
