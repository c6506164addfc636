import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../core/i18n/Message';
import { allCatalogLayers } from '../../state';
import { ResizeHandle } from '../layout/ResizeHandle';
import { useStoredSize } from '../layout/useStoredSize';
import { useAppFields, useAppState, useAppStoreApi } from '../StoreContext';
import { AttributeTable } from './AttributeTable';

/** Drawer height: default, smallest useful, and the room the map keeps above it. */
export const DRAWER_HEIGHT = { initial: 320, min: 140, mapMin: 160, collapsed: 40 } as const;
const maxHeight = () => Math.max(DRAWER_HEIGHT.min, (globalThis.innerHeight ?? 900) - 52 - DRAWER_HEIGHT.mapMin);

/**
 * The bottom drawer for long tables, under the map and beside the side
 * panel: the attribute table of a layer (any layer of the registry with
 * features: catalog, dropped files, results) or an analysis result's table.
 * Resizable by its top edge (drag or arrow keys, height remembered), collapsible
 * to its title bar, and a layer chooser to switch tables. It lays out the map
 * through `--drawer-h`, so the scene shrinks instead of being covered.
 */
export function TableDrawer() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const { table: view, lang } = useAppFields('table', 'lang');
  const layers = useAppState(allCatalogLayers);
  const [height, setHeight] = useStoredSize('planlotse.drawerHeight', DRAWER_HEIGHT.initial, DRAWER_HEIGHT.min, maxHeight);
  const [collapsed, setCollapsed] = useState(false);
  const shown = view ? (collapsed ? DRAWER_HEIGHT.collapsed : height) : 0;
  useEffect(() => {
    document.documentElement.style.setProperty('--drawer-h', `${shown}px`);
  }, [shown]);
  if (!view) return null;

  const tableLayers = layers.filter((l) => l.type.startsWith('geojson') || l.type === '3dtiles');
  const src = view.source;
  const layer = src.kind === 'layer' ? layers.find((l) => l.id === src.layerId) : undefined;
  const title = src.kind === 'layer' ? (layer?.title[lang] ?? src.layerId) : translateMessage(t, src.title);
  const name = src.kind === 'layer' ? src.layerId : src.id;
  return (
    <section className={`table-drawer${collapsed ? ' collapsed' : ''}`} aria-label={t('table.drawer')} data-testid="table-drawer">
      {!collapsed && <ResizeHandle axis="y" value={height} min={DRAWER_HEIGHT.min} max={maxHeight()} initial={DRAWER_HEIGHT.initial} label={t('table.resize')} onChange={setHeight} />}
      <header className="table-drawer-head">
        <h2>{t('table.title', { name: title })}</h2>
        <label className="table-layer-pick">
          <span className="muted small">{t('table.layer')}</span>
          <select value={src.kind === 'layer' ? src.layerId : ''} onChange={(e) => e.target.value && store.getState().openLayerTable(e.target.value)}>
            {src.kind !== 'layer' && <option value="">{title}</option>}
            {tableLayers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-expanded={!collapsed} aria-label={collapsed ? t('table.expand') : t('table.collapse')} title={collapsed ? t('table.expand') : t('table.collapse')} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? '▴' : '▾'}
        </button>
        <button type="button" className="icon-btn" aria-label={t('table.close')} title={t('table.close')} onClick={() => store.getState().closeTable()}>
          ×
        </button>
      </header>
      {!collapsed && (
        <div className="table-drawer-body">
          {view.status === 'loading' && <p className="muted">{t('table.loading')}</p>}
          {view.status === 'error' && view.error && (
            <p className="error" role="alert">
              {translateMessage(t, view.error)}
            </p>
          )}
          {view.status === 'ready' && view.data && (view.data.rows.length ? <AttributeTable key={name} data={view.data} layerIds={view.layerIds} name={name} /> : <p className="muted">{t('table.empty')}</p>)}
        </div>
      )}
    </section>
  );
}
