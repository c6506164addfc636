import { useAppState, useAppStoreApi } from '../StoreContext';

/** The layers kiosk.json lets a citizen switch: one large switch each, titled in the current language. */
export function KioskLayerToggles() {
  const store = useAppStoreApi();
  const config = useAppState((s) => s.kioskConfig)!;
  const catalog = useAppState((s) => s.catalog);
  const layers = useAppState((s) => s.layers);
  const lang = useAppState((s) => s.lang);
  return (
    <div className="kiosk-row kiosk-wrap">
      {config.toggleableLayers.map((id) => {
        const layer = catalog?.layers.find((l) => l.id === id);
        if (!layer || !layers[id]) return null;
        const on = layers[id].visible;
        return (
          <button key={id} type="button" role="switch" aria-checked={on} className="kiosk-btn kiosk-choice kiosk-switch" onClick={() => store.getState().setLayerVisible(id, !on)}>
            <span aria-hidden="true" className="kiosk-switch-mark">
              {on ? '●' : '○'}
            </span>
            {layer.title[lang]}
          </button>
        );
      })}
    </div>
  );
}
