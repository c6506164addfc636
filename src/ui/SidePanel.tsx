import { useCallback, useEffect, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import type { MessageKey } from '../core/i18n/Message';
import { useTranslation } from 'react-i18next';
import { ResizeHandle } from './layout/ResizeHandle';
import { useStoredSize } from './layout/useStoredSize';

/** One section of the side panel; other features register theirs in src/app/sections.ts (one line each). */
export interface SectionDef {
  id: string;
  title: MessageKey;
  Component: ComponentType;
  defaultOpen?: boolean;
}

/** Panel width: the default, the narrowest that keeps forms usable, and the room the map keeps at the widest. */
export const PANEL_WIDTH = { initial: 340, min: 260, mapMin: 320 } as const;
const maxWidth = () => Math.max(PANEL_WIDTH.min, Math.min(1000, (globalThis.innerWidth ?? 1600) - PANEL_WIDTH.mapMin));

/**
 * The side panel: a tool bar with one button per section, always in view, and
 * the open sections below it. A tool-bar button shows or hides its section
 * and brings an opened section into view, so Analyses and Scenarios are one
 * click away however long the layer list is. The tool bar is one tab stop
 * (arrow keys move within it, WAI-ARIA toolbar), so Tab goes from the tool bar
 * into the sections. The right edge is a splitter: drag it or use the arrow
 * keys; the width is remembered (`--panel-w` lays out scene and drawer).
 */
export function SidePanel({ sections }: { sections: readonly SectionDef[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Record<string, boolean>>(() => Object.fromEntries(sections.map((s) => [s.id, s.defaultOpen ?? false])));
  const [focus, setFocus] = useState(0);
  const [width, setWidth] = useStoredSize('planlotse.panelWidth', PANEL_WIDTH.initial, PANEL_WIDTH.min, maxWidth);
  const body = useRef<HTMLDivElement>(null);
  const reveal = useRef<string | undefined>(undefined);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    document.documentElement.style.setProperty('--panel-w', `${width}px`);
  }, [width]);
  // Keep the width within the window when it shrinks.
  useEffect(() => {
    const onResize = () => setWidth(width);
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, [width, setWidth]);
  // A section opened from the tool bar comes into view (after it rendered).
  useEffect(() => {
    const id = reveal.current;
    reveal.current = undefined;
    if (id) body.current?.querySelector(`[data-section="${id}"]`)?.scrollIntoView({ block: 'start' });
  }, [open]);

  const toggle = useCallback(
    (id: string) =>
      setOpen((o) => {
        if (!o[id]) reveal.current = id;
        return { ...o, [id]: !o[id] };
      }),
    [],
  );
  const onToolbarKey = (e: KeyboardEvent) => {
    const n = sections.length;
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (focus + 1) % n : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (focus + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    setFocus(next);
    buttons.current[next]?.focus();
  };

  return (
    <nav className="side-panel" aria-label={t('panel.label')}>
      <div className="panel-toolbar" role="toolbar" aria-label={t('panel.toolbar')} onKeyDown={onToolbarKey}>
        {sections.map(({ id, title }, i) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            data-tool={id}
            tabIndex={i === focus ? 0 : -1}
            aria-expanded={open[id] ?? false}
            aria-controls={`section-${id}`}
            aria-label={t('panel.toggleSection', { name: t(title) })}
            onFocus={() => setFocus(i)}
            onClick={() => toggle(id)}
          >
            {t(title)}
          </button>
        ))}
      </div>
      <div className="panel-body" ref={body}>
        {sections.map(({ id, title, Component }) =>
          open[id] ? (
            <section key={id} className="panel-section open" data-section={id} aria-labelledby={`section-title-${id}`}>
              <h2 className="panel-section-title" id={`section-title-${id}`}>
                {t(title)}
              </h2>
              <div className="panel-section-body" id={`section-${id}`}>
                <Component />
              </div>
            </section>
          ) : null,
        )}
        {!sections.some((s) => open[s.id]) && <p className="muted panel-empty">{t('panel.empty')}</p>}
      </div>
      <ResizeHandle axis="x" value={width} min={PANEL_WIDTH.min} max={maxWidth()} initial={PANEL_WIDTH.initial} label={t('panel.resize')} onChange={setWidth} />
    </nav>
  );
}
