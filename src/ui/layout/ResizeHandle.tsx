import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/**
 * A splitter the user drags (mouse, pen, touch: pointer events with capture)
 * or moves with the keyboard (arrows 16 px, with Shift 64 px, Home/End to the
 * limits; double-click or Enter back to the default), as the WAI-ARIA window
 * splitter: `role="separator"` with its value. `axis` 'x' resizes a width
 * growing to the right; 'y' a height growing upwards (a bottom drawer).
 */
export function ResizeHandle(props: {
  axis: 'x' | 'y';
  value: number;
  min: number;
  max: number;
  initial: number;
  label: string;
  className?: string;
  onChange(px: number): void;
}) {
  const { axis, value, min, max, initial, label, onChange } = props;
  const start = useRef<{ at: number; value: number } | undefined>(undefined);
  const coord = (e: PointerEvent) => (axis === 'x' ? e.clientX : -e.clientY);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: coord(e), value };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) onChange(start.current.value + coord(e) - start.current.at);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    start.current = undefined;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const grow = axis === 'x' ? 'ArrowRight' : 'ArrowUp';
    const shrink = axis === 'x' ? 'ArrowLeft' : 'ArrowDown';
    const next = e.key === grow ? value + step : e.key === shrink ? value - step : e.key === 'Home' ? min : e.key === 'End' ? max : e.key === 'Enter' ? initial : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-label={label}
      title={label}
      className={`resize-handle resize-${axis}${props.className ? ` ${props.className}` : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onChange(initial)}
      onKeyDown={onKeyDown}
    />
  );
}
