import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskStoryList } from './KioskStoryList';
import { KioskVariantSwitch } from './KioskVariantSwitch';
import { KioskSunControl } from './KioskSunControl';
import { KioskLayerToggles } from './KioskLayerToggles';

const TABS = [
  { id: 'stories', label: 'kiosk.tabStories', icon: '▶', Panel: KioskStoryList },
  { id: 'variants', label: 'kiosk.tabVariants', icon: '⇄', Panel: KioskVariantSwitch },
  { id: 'sun', label: 'kiosk.tabSun', icon: '☀', Panel: KioskSunControl },
  { id: 'layers', label: 'kiosk.tabLayers', icon: '▦', Panel: KioskLayerToggles },
] as const;

type TabId = (typeof TABS)[number]['id'];

/**
 * The touch controls along the bottom edge: four large tabs, each opening
 * its panel above the bar (one at a time, tap again to close), so the 3D
 * view keeps most of the screen.
 */
export function KioskControls() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TabId | null>(null);
  const tab = TABS.find((x) => x.id === open);
  return (
    <div className="kiosk-bottom" data-region="controls">
      {tab && (
        <section className="kiosk-panel kiosk-tabpanel" id={`kiosk-tab-${tab.id}`} aria-label={t(tab.label)} data-region={`panel-${tab.id}`}>
          <tab.Panel />
        </section>
      )}
      <nav className="kiosk-tabs" aria-label={t('kiosk.tabs')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            className="kiosk-btn kiosk-tab"
            aria-expanded={open === x.id}
            aria-controls={open === x.id ? `kiosk-tab-${x.id}` : undefined}
            onClick={() => setOpen(open === x.id ? null : x.id)}
          >
            <span aria-hidden="true" className="kiosk-tab-icon">
              {x.icon}
            </span>
            {t(x.label)}
          </button>
        ))}
      </nav>
    </div>
  );
}
