import { allCatalogLayers } from '../../state/selectors';
import type { AnalysisInputs } from '../../state/analysisSlice';
import { localized } from '../../state/selectors';
import { useAppState } from '../StoreContext';
import { datasetTimeZone, toZoned } from '../../core/time/zonedTime';
import type { PanelText } from './panelText';
import { matchStandard } from '../../core/analysis/daylightStandards';

/** The inputs a result was computed from, in small text (date, step, cell size, layers, dataset, variant). */
export function AnalysisInputsLine({ inputs, tx }: { inputs: AnalysisInputs; tx: PanelText }) {
  const catalog = useAppState((s) => s.catalog);
  // Catalog and dropped layers alike: the one layer registry.
  const layers = useAppState(allCatalogLayers);
  const { t } = tx;
  const title = (id: string) => {
    const l = layers.find((x) => x.id === id);
    return l ? localized(l.title, tx.lang) : id;
  };
  const parts: string[] = [];
  if (inputs.timeMs !== undefined) {
    const z = toZoned(inputs.timeMs, datasetTimeZone(catalog));
    parts.push(t('inTime', { v: `${z.date} ${String(Math.floor(z.minutes / 60)).padStart(2, '0')}:${String(z.minutes % 60).padStart(2, '0')}` }));
  }
  if (inputs.date) parts.push(t('inDate', { v: inputs.date }));
  if (inputs.stepMin !== undefined) parts.push(t('inStep', { v: inputs.stepMin }));
  if (inputs.cellM !== undefined) parts.push(t('inCell', { v: inputs.cellM }));
  if (inputs.thresholdHours !== undefined) parts.push(t('inThreshold', { v: tx.nf(inputs.thresholdHours, 1) }));
  const std = matchStandard(inputs.date, inputs.thresholdHours);
  if (std) parts.push(t('inStandard', { v: std.standard }));
  parts.push(t('inLayers', { v: inputs.layers.map(title).join(', ') }));
  parts.push(t('inData', { v: inputs.catalogId }));
  parts.push(inputs.variant ? t('inVariant', { v: inputs.variant }) : t('inExisting'));
  return (
    <p className="muted small analysis-inputs" data-analysis-inputs="">
      {t('inputs')}: {parts.join(' · ')}
    </p>
  );
}
