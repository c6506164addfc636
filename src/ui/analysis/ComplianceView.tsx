import { allCatalogLayers } from '../../state/selectors';
import type { AreaCompliance, RuleResult } from '../../core/analysis';
import { ComplianceChart } from '../charts/AnalysisCharts';
import { baugebietLights } from '../../core/analysis/compliance/baugebietLights';
import type { AnalysisResult } from '../../state/analysisSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';
import type { AnalysisMessageKey } from './panelText';
import type { PanelText } from './panelText';
import { CsvButton } from './CsvButton';
import { OpenTableButton } from '../table/OpenTableButton';
import { complianceTable } from './analysisTables';
import { complianceCsv, csvFileName } from './analysisCsv';
import { ColumnWidths } from './ColumnWidths';

type Compliance = Extract<AnalysisResult, { kind: 'compliance' }>;

const LIGHT_KEY = { ok: 'lightOk', exceeded: 'lightExceeded', unknown: 'lightUnknown' } as const;
const DECIMALS: Record<RuleResult['rule'], number> = { GR: 0, GRZ: 3, GF: 0, GFZ: 2, storeys: 0, height: 2, baugrenze: 0 };

/** Compliance result: a traffic light per Baugebiet, and the figures behind it (value, limit, status, building ids). */
export function ComplianceView({ result, tx }: { result: Compliance; tx: PanelText }) {
  const store = useAppStoreApi();
  // Catalog and dropped layers alike: the one layer registry.
  const layers = useAppState(allCatalogLayers);
  const { t, nf } = tx;
  const lights = baugebietLights(result.areas, result.labels, result.closedZones);
  const count = (l: string) => lights.filter((x) => x.light === l).length;
  // Building ids select the building in the 3D model (else the footprint layer) and fly there.
  const buildingLayer = layers.find((l) => l.role === 'buildings') ?? layers.find((l) => l.role === 'buildingFootprints');
  const goTo = (id: string) => {
    const c = result.buildingCentres[id];
    if (buildingLayer) store.getState().select({ layerId: buildingLayer.id, featureId: id, properties: result.buildingProperties[id] });
    // Looking north from 250 m south of the building, 300 m up.
    if (c) store.getState().flyTo({ lon: c[0], lat: c[1] - 250 / 111_320, height: 300, headingDeg: 0, pitchDeg: -45 });
  };
  const value = (r: RuleResult, v: number | null) => (v === null ? '–' : nf(v, DECIMALS[r.rule]));
  const rulesTable = (a: AreaCompliance) => (
    <table className="analysis-table fixed rules" data-compliance-area={a.areaId}>
      <ColumnWidths classes={['rule', '', '', 'dot', 'ids']} />
      <thead>
        <tr>
          <th>{t('rule')}</th>
          <th>{t('value')}</th>
          <th>{t('limit')}</th>
          <th aria-label={t('status')} />
          <th>{t('buildings')}</th>
        </tr>
      </thead>
      <tbody>
        {a.rules.map((r) => (
          <tr key={r.rule} data-rule={r.rule} data-status={r.status}>
            <td title={r.note}>{t(`rule${r.rule}` as AnalysisMessageKey)}</td>
            <td className="num">{value(r, r.value)}</td>
            <td className="num">{value(r, r.limit)}</td>
            <td title={t(LIGHT_KEY[r.status])}>
              <span className={`light light-${r.status}`} role="img" aria-label={t(LIGHT_KEY[r.status])} />
            </td>
            <td className="ids">
              {r.status === 'exceeded'
                ? r.buildingIds.map((id) => (
                    <button key={id} type="button" className="link" data-building-id={id} onClick={() => goTo(id)}>
                      {breakable(id)}
                    </button>
                  ))
                : r.buildingIds.length || ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div data-analysis-result="compliance">
      <div className="table-head">
        <p className="small">{t('summaryLights', { red: count('exceeded'), green: count('ok'), grey: count('unknown') })}</p>
        <CsvButton table="compliance" tx={tx} fileName={csvFileName('compliance', result)} csv={() => complianceCsv(result)} />
        <OpenTableButton id="compliance" title={{ code: 'table.compliance' }} rows={() => complianceTable(result)} />
      </div>
      <ComplianceChart result={result} />
      <ul className="compliance-list">
        {lights.map((l) => (
          <li key={l.id} data-baugebiet={l.label} data-light={l.light}>
            <details open={l.light === 'exceeded'}>
              <summary>
                <span className={`light light-${l.light}`} role="img" aria-label={t(LIGHT_KEY[l.light])} /> <strong>{l.label}</strong> <span className="muted small">{t(LIGHT_KEY[l.light])}</span>
              </summary>
              <div>
                {l.area && rulesTable(l.area)}
                {l.parcels.map((p) => (
                  <div key={p.areaId}>
                    <div className="small analysis-subtitle">{t('parcel', { id: p.areaId })}</div>
                    {rulesTable({ ...p, rules: p.rules.filter((r) => r.status === 'exceeded') })}
                  </div>
                ))}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('flyHint')}</p>
    </div>
  );
}

/** An id with break opportunities after its underscores (DEMO_BLDG_<wbr>0064), for narrow columns. */
function breakable(id: string) {
  const parts = id.split(/(?<=_)/);
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}
