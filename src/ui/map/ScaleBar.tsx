import { useTranslation } from 'react-i18next';
import { scaleBarLength } from '../../core/measure/scaleBarLength';
import { useAppState } from '../StoreContext';

/**
 * A scale bar for the ground at its own screen row (the viewer measures the scale there; in a tilted view the scale
 * changes from row to row). Hidden when that row shows no ground.
 */
export function ScaleBar({ maxPx = 120, className = '' }: { maxPx?: number; className?: string }) {
  const { t, i18n } = useTranslation();
  const mpp = useAppState((s) => s.orientation?.metresPerPixel);
  const bar = mpp === undefined ? undefined : scaleBarLength(mpp, maxPx);
  if (!bar) return null;
  const km = bar.metres >= 1000;
  const label = `${new Intl.NumberFormat(i18n.language).format(km ? bar.metres / 1000 : bar.metres)} ${km ? 'km' : 'm'}`;
  return (
    <div className={`map-scale ${className}`} role="img" aria-label={t('map.scale', { label })} data-metres={bar.metres} data-testid="scale-bar">
      <div className="map-scale-bar" style={{ width: `${bar.px}px` }} />
      <span className="map-scale-label">{label}</span>
    </div>
  );
}
