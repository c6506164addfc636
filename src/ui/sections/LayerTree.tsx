import { useMemo, type ReactNode } from 'react';
import { PLANZV_CLASSES } from '../../core/planning/planzvColors';
import type { CatalogLayer, LegendEntry } from '../../core/model/Catalog';
import { allCatalogLayers, selectLayerGroups } from '../../state';
import { tableLayerOf } from '../../state/tableSlice';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from '../StoreContext';

/** Legend entries of a layer: the catalog's own, or derived from its style. */
export function layerLegend(layer: CatalogLayer): LegendEntry[] {
  if (layer.legend?.length) return layer.legend;
  const st = layer.style;
  if (st?.kind === 'planzv') return PLANZV_CLASSES.map((c) => ({ label: c.label, color: c.color }));
  if (st?.kind === 'fill' || st?.kind === 'point' || st?.kind === 'line') return [{ label: layer.title, color: st.color }];
  return [];
}

/**
 * One layer of the registry in the tree (catalog or dropped alike): visibility,
 * load state, opacity, legend, feature count, attribution. `actions` go into
 * the row's head (e.g. the remove button of a dropped layer), `children` at its end (a dropped layer's role choice).
 */
export function LayerRow({ layer, actions, children }: { layer: CatalogLayer; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const settings = useAppState((s) => s.layers[layer.id]);
  const status = useAppState((s) => s.layerStatus[layer.id]);
  const title = layer.title[lang];
  const legend = layerLegend(layer);
  const inputId = `layer-${layer.id}`;
  const hasTable = useAppState((s) => !!tableLayerOf(layer, allCatalogLayers(s)));
  const tableOpen = useAppState((s) => s.table?.source.kind === 'layer' && s.table.source.layerId === layer.id);
  return (
    <li className="layer-row" data-layer={layer.id}>
      <div className="layer-head">
        <input
          id={inputId}
          type="checkbox"
          checked={settings?.visible ?? false}
          aria-label={t('layers.show', { name: title })}
          onChange={(e) => store.getState().setLayerVisible(layer.id, e.target.checked)}
        />
        <label htmlFor={inputId} className="layer-title">
          {title}
        </label>
        {layer.online && (
          <span className="badge badge-online" title={t('layers.onlineHint')}>
            {t('layers.online')}
          </span>
        )}
        {status?.state === 'loading' && <span className="layer-status">{t('layers.loading')}</span>}
        {status?.state === 'error' && (
          <span className="layer-status error" role="alert" title={status.message}>
            {t('layers.error')}
          </span>
        )}
        {hasTable && (
          <button type="button" className="btn small table-open" aria-pressed={tableOpen} aria-label={t('table.openOf', { name: title })} title={t('table.openOf', { name: title })} onClick={() => store.getState().openLayerTable(layer.id)}>
            {t('table.open')}
          </button>
        )}
        {actions}
      </div>
      {settings?.visible && (
        <div className="layer-body">
          <label className="slider-row">
            <span>{t('layers.opacity')}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={Math.round((settings.opacity ?? 1) * 100)}
              aria-label={t('layers.opacityOf', { name: title })}
              onChange={(e) => store.getState().setLayerOpacity(layer.id, Number(e.target.value) / 100)}
            />
            <output>{Math.round((settings.opacity ?? 1) * 100)} %</output>
          </label>
          {legend.length > 0 && (
            <ul className="legend" aria-label={t('layers.legendOf', { name: title })}>
              {legend.map((e) => (
                <li key={e.color + e.label.de}>
                  <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
                  {e.label[lang]}
                </li>
              ))}
            </ul>
          )}
          {status?.state === 'ready' && status.featureCount !== undefined && <div className="muted small" data-testid="feature-count">{t('layers.features', { count: status.featureCount })}</div>}
        </div>
      )}
      <div className="attribution-line">
        {t('layers.attribution')}: {layer.attribution}
      </div>
      {children}
    </li>
  );
}

/** Catalog-driven layer tree: groups, visibility, opacity, legend, attribution. */
export function LayerTree() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.lang);
  const catalog = useAppState((s) => s.catalog);
  const store = useAppStoreApi();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the groups change only with the catalog
  const groups = useMemo(() => selectLayerGroups(store.getState()), [catalog, store]);
  if (groups.length === 0) return <p className="muted">{t('layers.none')}</p>;
  return (
    <div className="layer-tree">
      {groups.map((g) => (
        <div key={g.group.de} className="layer-group" role="group" aria-label={g.group[lang]}>
          <h3>{g.group[lang]}</h3>
          <ul>
            {g.layers.map((l) => (
              <LayerRow key={l.id} layer={l} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
