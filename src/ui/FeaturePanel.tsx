import { planzvClass } from '../core/planning/planzvColors';
import { classifyBuilding } from '../core/style/buildingStyles';
import { selectSelectedLayer } from '../state';
import { attributeLabel } from './i18n/attributeLabel';
import { useNumberFormat } from './i18n/useNumberFormat';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from './StoreContext';

/**
 * Attribute rows of a feature: nested objects (e.g. the original XPlanung
 * attributes) are flattened one level as `parent.child`.
 */
export function attributeRows(props: Record<string, unknown>): [string, unknown][] {
  const rows: [string, unknown][] = [];
  for (const [k, v] of Object.entries(props)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) rows.push([`${k}.${k2}`, v2]);
    } else rows.push([k, v]);
  }
  return rows;
}

function formatValue(v: unknown, nf: (v: number, o: Intl.NumberFormatOptions) => string, yes: string, no: string): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return nf(v, { maximumFractionDigits: 3 });
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'string') return v.trim();
  return JSON.stringify(v);
}

/** The attributes of the picked feature, rendered as text (never as HTML). */
export function FeaturePanel() {
  const { t } = useTranslation();
  const nf = useNumberFormat();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const sel = useAppState((s) => s.selection);
  const layer = useAppState(selectSelectedLayer);
  if (!sel) return null;
  const rows = sel.properties ? attributeRows(sel.properties) : [];
  return (
    <aside className="feature-panel" aria-label={t('feature.title')} data-testid="feature-panel">
      <div className="feature-head">
        <h2>{t('feature.title')}</h2>
        <button type="button" className="icon-btn" aria-label={t('feature.close')} onClick={() => store.getState().select(undefined)}>
          ×
        </button>
      </div>
      <dl className="feature-meta">
        <div>
          <dt>{t('feature.layer')}</dt>
          <dd>{layer?.title[lang] ?? sel.layerId}</dd>
        </div>
        <div>
          <dt>{t('feature.id')}</dt>
          <dd>{sel.featureId}</dd>
        </div>
      </dl>
      {!sel.properties && <p className="muted">{t('feature.loading')}</p>}
      {sel.properties && rows.length === 0 && <p className="muted">{t('feature.none')}</p>}
      {rows.length > 0 && (
        <table className="attr-table">
          <tbody>
            {rows.map(([k, v]) => {
              const base = k.includes('.') ? k.slice(k.lastIndexOf('.') + 1) : k;
              const label = attributeLabel(t, base);
              const landUse = k === 'landUse' && typeof v === 'string' ? planzvClass(v) : undefined;
              // Codes get their readable class next to them (ALKIS function group, roof shape).
              const codeClass =
                k === 'function' && v != null
                  ? classifyBuilding('function', { function: String(v) })
                  : k === 'roofType' && v != null
                    ? classifyBuilding('roofType', { roofType: String(v) })
                    : undefined;
              return (
                <tr key={k}>
                  <th scope="row" title={k}>
                    {label}
                  </th>
                  <td>
                    {landUse && <span className="swatch" style={{ background: landUse.color }} aria-hidden="true" />}
                    {formatValue(v, nf, t('feature.yes'), t('feature.no'))}
                    {landUse && landUse.key !== 'UNKNOWN' ? ` – ${landUse.label[lang]}` : ''}
                    {codeClass ? ` – ${codeClass.label[lang]}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </aside>
  );
}
