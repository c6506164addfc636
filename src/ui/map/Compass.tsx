import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** A compass needle that points north as the view turns; a click (or tap) turns the view to face north. */
export function Compass({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const heading = useAppState((s) => s.orientation?.headingDeg ?? s.camera?.headingDeg ?? 0);
  const label = t('map.compass', { deg: String(Math.round(heading) % 360) });
  return (
    <button type="button" className={`map-btn map-compass ${className}`} aria-label={label} title={label} data-heading={heading.toFixed(1)} onClick={() => store.getState().commandCamera({ kind: 'north' })}>
      <svg viewBox="-20 -20 40 40" width="30" height="30" aria-hidden="true" style={{ transform: `rotate(${-heading}deg)` }}>
        <polygon points="0,-16 6,0 -6,0" fill="#c62828" />
        <polygon points="0,16 6,0 -6,0" fill="#6b7785" />
      </svg>
      <span className="map-compass-n" aria-hidden="true" style={{ transform: `rotate(${-heading}deg) translateY(-19px) rotate(${heading}deg)` }}>
        N
      </span>
    </button>
  );
}
