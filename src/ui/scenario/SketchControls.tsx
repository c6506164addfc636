import { useState } from 'react';
import type { TFunction } from 'i18next';
import { translateMessage } from '../../core/i18n/Message';
import { sketchProblem } from '../../core/scenario/sketchProblem';
import { parseUtmCorners } from '../../core/scenario/typedFootprint';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** German or English decimal input ("12,5" or "12.5") → number (NaN when empty or not a number). */
const num = (v: string) => (v.trim() ? Number(v.replace(',', '.')) : NaN);

/**
 * The sketch tool's controls: close/undo/cancel with the reason why the
 * footprint cannot be closed yet, the snapping toggle and what the pointer
 * snaps to, and typed input — a rectangle of width × depth at a rotation from
 * the last clicked corner, or corners as EPSG:25832 coordinates.
 */
export function SketchControls({ t }: { t: TFunction }) {
  const store = useAppStoreApi();
  const a = () => store.getState();
  const points = useAppState((s) => s.sketchPoints);
  const snapOn = useAppState((s) => s.sketchSnapOn);
  const hover = useAppState((s) => s.sketchHover);
  const [w, setW] = useState('');
  const [d, setD] = useState('');
  const [rot, setRot] = useState('0');
  const [coords, setCoords] = useState('');
  const [coordsError, setCoordsError] = useState<string | null>(null);
  const problem = sketchProblem(points);
  const addCorners = () => {
    const r = parseUtmCorners(coords);
    if (!r.ok) return setCoordsError(t('scenario.coordsInvalid', { line: String(r.line), text: r.text }));
    setCoordsError(null);
    if (a().addSketchCorners(r.corners)) setCoords('');
  };
  return (
    <div className="sketch-controls" data-testid="sketch-controls">
      <p className="muted small">{t('scenario.sketchHint')}</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={!!problem} aria-describedby="sketch-why" onClick={() => a().finishSketch()} data-testid="scenario-finish">
          {t('scenario.finish')} ({points.length})
        </button>
        <button type="button" className="btn" disabled={points.length === 0} onClick={() => a().removeLastSketchPoint()}>
          {t('scenario.removePoint')}
        </button>
        <button type="button" className="btn" onClick={() => a().setTool('select')}>
          {t('scenario.cancel')}
        </button>
      </div>
      {problem && (
        <p id="sketch-why" className="muted small" role="status" data-testid="sketch-why">
          {t('scenario.finishWhy', { reason: translateMessage(t, problem) })}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={snapOn} onChange={(e) => a().setSketchSnapOn(e.target.checked)} data-testid="sketch-snap" /> {t('scenario.snap')}
      </label>
      <p className="muted small" aria-live="polite" data-testid="sketch-snapped">
        {hover?.snapped ? t('scenario.snapped', { kind: t(`scenario.snapKind.${hover.snapped}`), source: t(`scenario.snapSource.${hover.source ?? 'building'}`) }) : '\u00a0'}
      </p>
      <details>
        <summary>{t('scenario.typed')}</summary>
        <div className="sketch-typed">
          <label className="field">
            <span>{t('scenario.width')}</span>
            <input inputMode="decimal" value={w} onChange={(e) => setW(e.target.value)} data-testid="sketch-width" />
          </label>
          <label className="field">
            <span>{t('scenario.depth')}</span>
            <input inputMode="decimal" value={d} onChange={(e) => setD(e.target.value)} data-testid="sketch-depth" />
          </label>
          <label className="field">
            <span>{t('scenario.rotation')}</span>
            <input inputMode="decimal" value={rot} onChange={(e) => setRot(e.target.value)} data-testid="sketch-rotation" />
          </label>
          <button type="button" className="btn" disabled={points.length === 0} title={points.length === 0 ? t('scenario.typedNoOrigin') : undefined} onClick={() => a().addSketchRectangle(num(w), num(d), num(rot) || 0)} data-testid="sketch-add-rectangle">
            {t('scenario.addRectangle')}
          </button>
          {points.length === 0 && <p className="muted small">{t('scenario.typedNoOrigin')}</p>}
          <label className="field">
            <span>{t('scenario.coords')}</span>
            <textarea rows={4} value={coords} onChange={(e) => setCoords(e.target.value)} placeholder={'569300 5934250\n569330 5934250\n569330 5934270\n569300 5934270'} data-testid="sketch-coords" />
          </label>
          <button type="button" className="btn" disabled={!coords.trim()} onClick={addCorners} data-testid="sketch-add-corners">
            {t('scenario.addCorners')}
          </button>
          {coordsError && (
            <p className="error small" role="alert">
              {coordsError}
            </p>
          )}
        </div>
      </details>
    </div>
  );
}
