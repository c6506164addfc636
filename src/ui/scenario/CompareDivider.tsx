import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compareSides } from '../../state/sceneLayers';
import { useAppState, useAppStoreApi } from '../StoreContext';
import './scenario.css';

/** The divider stays this far from the view's edges (fraction of its width). */
const RANGE: readonly [number, number] = [0.05, 0.95];
const clamp = (v: number) => Math.min(RANGE[1], Math.max(RANGE[0], v));

/**
 * The line between the two sides of a split/swipe comparison, drawn over the
 * 3D view where Cesium splits it (`scene.splitPosition`), with a handle that
 * mouse, pen and touch drag (pointer events with capture) and the arrow keys
 * move. Shown only while two different states are compared.
 */
export function CompareDivider() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const split = useAppState((s) => compareSides(s).split);
  const pos = useAppState((s) => s.scenarioCompare.swipe);
  const ref = useRef<HTMLDivElement>(null);
  if (!split) return null;
  const moveTo = (clientX: number) => {
    const box = ref.current?.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) store.getState().setScenarioCompare({ swipe: clamp((clientX - box.left) / box.width) });
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
    moveTo(e.clientX);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e.clientX);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const next = e.key === 'ArrowLeft' ? pos - step : e.key === 'ArrowRight' ? pos + step : e.key === 'Home' ? RANGE[0] : e.key === 'End' ? RANGE[1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    store.getState().setScenarioCompare({ swipe: clamp(next) });
  };
  return (
    <div
      ref={ref}
      className="compare-divider"
      style={{ left: `${pos * 100}%` }}
      role="separator"
      aria-orientation="vertical"
      aria-label={t('scenario.dividerLabel')}
      aria-valuemin={RANGE[0] * 100}
      aria-valuemax={RANGE[1] * 100}
      aria-valuenow={Math.round(pos * 100)}
      tabIndex={0}
      onPointerDown={down}
      onPointerMove={move}
      onKeyDown={key}
      data-testid="compare-divider"
    >
      <span className="compare-divider-handle" aria-hidden="true">
        ◀▶
      </span>
    </div>
  );
}
