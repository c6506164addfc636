import { useTranslation } from 'react-i18next';
import { TILT_STEP_DEG, ZOOM_STEP } from '../../state/orientationSlice';
import { useAppStoreApi } from '../StoreContext';

/**
 * Zoom in/out and tilt buttons (touch-sized), each one camera move around the ground point in the middle of the
 * view. `tilt={false}` leaves the tilt buttons out (e.g. a kiosk with a fixed pitch).
 */
export function ZoomControls({ tilt = true, className = '' }: { tilt?: boolean; className?: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const buttons: { key: string; label: string; text: string; run: () => void }[] = [
    { key: 'zoom-in', label: t('map.zoomIn'), text: '+', run: () => store.getState().commandCamera({ kind: 'zoom', factor: ZOOM_STEP }) },
    { key: 'zoom-out', label: t('map.zoomOut'), text: '−', run: () => store.getState().commandCamera({ kind: 'zoom', factor: 1 / ZOOM_STEP }) },
    ...(tilt
      ? [
          { key: 'tilt-more', label: t('map.tiltMore'), text: '⤢', run: () => store.getState().commandCamera({ kind: 'tilt', deltaDeg: TILT_STEP_DEG }) },
          { key: 'tilt-less', label: t('map.tiltLess'), text: '⊤', run: () => store.getState().commandCamera({ kind: 'tilt', deltaDeg: -TILT_STEP_DEG }) },
        ]
      : []),
  ];
  return (
    <div className={`map-zoom ${className}`} role="group" aria-label={t('map.controls')}>
      {buttons.map((b) => (
        <button key={b.key} type="button" className="map-btn" data-control={b.key} aria-label={b.label} title={b.label} onClick={b.run}>
          {b.text}
        </button>
      ))}
    </div>
  );
}
