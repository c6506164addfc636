import { useLayoutEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';

/**
 * One Observable Plot chart (SVG, so it prints sharply): renders `options`
 * into a div on mount and whenever they change. Plot builds the DOM itself,
 * so React owns only the container.
 *
 * @example <PlotFigure options={landUseChart(stats, t)} label="Land use" />
 */
export function PlotFigure({ options, label, className }: { options: Plot.PlotOptions; label: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = Plot.plot({ ...options, document: el.ownerDocument });
    el.replaceChildren(chart);
    return () => el.replaceChildren();
  }, [options]);
  return <div ref={ref} className={`plot-figure ${className ?? ''}`} role="img" aria-label={label} />;
}
