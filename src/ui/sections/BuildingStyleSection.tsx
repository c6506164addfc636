import { BUILDING_STYLE_KINDS, buildingStyleClasses, type BuildingStyleKind } from '../../core/style/buildingStyles';
import type { MessageKey } from '../../core/i18n/Message';
import { selectHasBuildings } from '../../state';
import { useTranslation } from 'react-i18next';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';

const LABEL: Record<BuildingStyleKind, MessageKey> = {
  default: 'buildings.default',
  height: 'buildings.height',
  function: 'buildings.function',
  roofType: 'buildings.roofType',
};

/** Colour buildings by height, function or roof type, with a legend. */
export function BuildingStyleSection() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { lang, buildingStyle: kind } = useAppFields('lang', 'buildingStyle');
  const has = useAppState(selectHasBuildings);
  if (!has) return <p className="muted">{t('buildings.noTiles')}</p>;
  const classes = buildingStyleClasses(kind);
  return (
    <div>
      <fieldset className="segmented">
        <legend>{t('buildings.style')}</legend>
        {BUILDING_STYLE_KINDS.map((k) => (
          <label key={k} className={kind === k ? 'active' : ''}>
            <input type="radio" name="building-style" value={k} checked={kind === k} onChange={() => store.getState().setBuildingStyle(k)} />
            {t(LABEL[k])}
          </label>
        ))}
      </fieldset>
      <ul className="legend" aria-label={t('layers.legend')}>
        {classes.length === 0 ? (
          <li>{t('buildings.legendDefault')}</li>
        ) : (
          classes.map((c) => (
            <li key={c.color}>
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.label[lang]}
            </li>
          ))
        )}
      </ul>
      <button type="button" className="btn" disabled={kind === 'default'} onClick={() => store.getState().setBuildingStyle('default')}>
        {t('buildings.reset')}
      </button>
    </div>
  );
}
