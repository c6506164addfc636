import { useState, type ComponentType } from 'react';
import type { MessageKey } from '../core/i18n/Message';
import { useTranslation } from 'react-i18next';

/** One collapsible section of the side panel; other features register theirs in src/app/sections.ts. */
export interface SectionDef {
  id: string;
  title: MessageKey;
  Component: ComponentType;
  defaultOpen?: boolean;
}

/** The side panel: an accordion of tool sections, each keyboard-operable. */
export function SidePanel({ sections }: { sections: readonly SectionDef[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Record<string, boolean>>(() => Object.fromEntries(sections.map((s) => [s.id, s.defaultOpen ?? false])));
  return (
    <nav className="side-panel" aria-label={t('panel.label')}>
      {sections.map(({ id, title, Component }) => {
        const isOpen = open[id] ?? false;
        return (
          <section key={id} className={`panel-section${isOpen ? ' open' : ''}`} data-section={id}>
            <h2 className="panel-section-title">
              <button
                type="button"
                aria-expanded={isOpen}
                aria-controls={`section-${id}`}
                aria-label={t('panel.toggleSection', { name: t(title) })}
                onClick={() => setOpen({ ...open, [id]: !isOpen })}
              >
                <span className="chevron" aria-hidden="true" />
                {t(title)}
              </button>
            </h2>
            {isOpen && (
              <div className="panel-section-body" id={`section-${id}`}>
                <Component />
              </div>
            )}
          </section>
        );
      })}
    </nav>
  );
}
