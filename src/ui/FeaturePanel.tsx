import { useMemo } from 'react';
import { featureCard, type CardRow } from '../core/planning/featureCard';
import { classifyBuilding } from '../core/style/buildingStyles';
import type { CatalogLayer } from '../core/model/Catalog';
import type { Lang } from '../core/i18n/Lang';
import { allCatalogLayers, selectSelectedLayer } from '../state';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from './StoreContext';

/** ALKIS function groups and roof shapes read as their building-style class (the core card cannot know the styles). */
function describeCode(lang: Lang) {
  return (key: string, value: string): string | undefined => {
    if (key === 'function') return classifyBuilding('function', { function: value })?.label[lang];
    if (key === 'roofType') return classifyBuilding('roofType', { roofType: value })?.label[lang];
    return undefined;
  };
}

/** The plan-areas layer that holds a plan's Geltungsbereich: same dropped file, else a catalog layer. */
function planLayerFor(layers: CatalogLayer[], of: CatalogLayer | undefined): CatalogLayer | undefined {
  const plans = layers.filter((l) => l.role === 'plan');
  return plans.find((l) => of?.fileId !== undefined && l.fileId === of.fileId) ?? plans.find((l) => l.origin !== 'dropped');
}

function Rows({ rows }: { rows: CardRow[] }) {
  return (
    <table className="attr-table">
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.label}-${i}`}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The picked feature as a card (rendered as text, never as HTML): a plan
 * object reads like a Bebauungsplan — heading, Festsetzungen, textual rules,
 * the plan — and every other attribute sits in a collapsed list.
 */
export function FeaturePanel() {
  const { t, i18n } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const sel = useAppState((s) => s.selection);
  const layer = useAppState(selectSelectedLayer);
  const layerTitle = layer?.title[lang];
  const card = useMemo(
    () => (sel?.properties ? featureCard(sel.properties, i18n, { layerTitle, describeCode: describeCode(lang) }) : undefined),
    // i18n.language follows lang; the card is rebuilt when either the feature or the language changes.
    [sel?.properties, i18n, layerTitle, lang],
  );
  if (!sel) return null;
  const showPlan = () => {
    const s = store.getState();
    const planLayer = planLayerFor(allCatalogLayers(s), layer);
    if (!planLayer || !card?.planId) return;
    if (!s.layers[planLayer.id]?.visible) s.setLayerVisible(planLayer.id, true);
    s.select({ layerId: planLayer.id, featureId: card.planId, properties: undefined });
  };
  const canShowPlan = !!card?.planId && !!planLayerFor(allCatalogLayers(store.getState()), layer);
  return (
    <aside className="feature-panel" aria-label={t('feature.title')} data-testid="feature-panel">
      <div className="feature-head">
        <h2 data-testid="card-heading">
          {card?.color && <span className="swatch" style={{ background: card.color }} aria-hidden="true" />}
          {card?.heading ?? t('feature.title')}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('feature.close')} onClick={() => store.getState().select(undefined)}>
          ×
        </button>
      </div>
      {card?.subheading && <p className="feature-sub">{card.subheading}</p>}
      {!sel.properties && <p className="muted">{t('feature.loading')}</p>}
      {card?.groups.map((g) => (
        <section key={g.title} className="card-group" data-testid="card-group">
          <h3>{g.title}</h3>
          <Rows rows={g.rows} />
        </section>
      ))}
      {card && card.texts.length > 0 && (
        <section className="card-texts" data-testid="card-texts">
          <h3>{t('card.texts')}</h3>
          <ol>
            {card.texts.map((x, i) => (
              <li key={`${x.key ?? ''}-${i}`}>
                {x.key && <strong>{x.key} </strong>}
                {x.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      {card?.plan &&
        (canShowPlan ? (
          <button type="button" className="plan-line" title={t('card.planShow')} onClick={showPlan} data-testid="card-plan">
            {card.plan}
          </button>
        ) : (
          <p className="plan-line" data-testid="card-plan">
            {card.plan}
          </p>
        ))}
      {card && card.all.length > 0 && (
        <details className="card-all" open={card.groups.length === 0}>
          <summary>
            {t('card.all')} ({card.all.length})
          </summary>
          <Rows rows={card.all} />
        </details>
      )}
      {sel.properties && card && card.groups.length === 0 && card.all.length === 0 && <p className="muted">{t('feature.none')}</p>}
      <dl className="feature-meta">
        {layerTitle && (
          <div>
            <dt>{t('feature.layer')}</dt>
            <dd>{layerTitle}</dd>
          </div>
        )}
        <div>
          <dt>{t('feature.id')}</dt>
          <dd>{sel.featureId}</dd>
        </div>
      </dl>
    </aside>
  );
}
