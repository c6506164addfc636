import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { baugebietLights } from '../../core/analysis/compliance/baugebietLights';
import type { ComplianceSummary } from '../../core/analysis/compliance/complianceAnalysis';
import type { SunHoursSummary } from '../../core/analysis/sunHours/sunHoursAnalysis';
import type { ComplianceRow } from '../../core/report/ReportDocument';
import { PlotFigure } from './PlotFigure';
import { complianceChart, sunHistogramChart, zoneMeansChart, type ChartText } from './reportCharts';

const PANEL_WIDTH = 300;

/** Under the sun-hours result: the half-hour histogram of the ground cells (2 h and 4 h marked) and the mean per zone. */
export function SunHoursCharts({ result }: { result: Pick<SunHoursSummary, 'sunHours' | 'building' | 'grid' | 'zones'> }) {
  const { t } = useTranslation();
  const tt = t as unknown as ChartText;
  const charts = useMemo(() => {
    const counts: number[] = [];
    for (let k = 0; k < result.sunHours.length; k++) {
      if (result.building[k]) continue;
      const bin = Math.floor(result.sunHours[k] * 2 + 1e-6);
      while (counts.length <= bin) counts.push(0);
      counts[bin]++;
    }
    return {
      histogram: sunHistogramChart(counts, result.grid.cellM * result.grid.cellM, tt, PANEL_WIDTH),
      zones: result.zones.length ? zoneMeansChart(result.zones.slice(0, 25), tt, PANEL_WIDTH) : undefined,
    };
  }, [result, tt]);
  return (
    <div className="analysis-charts" data-analysis-chart="sunHours">
      <PlotFigure options={charts.histogram} label={t('chart.sunHistogram')} />
      {charts.zones && <PlotFigure options={charts.zones} label={t('chart.zoneMeans')} />}
    </div>
  );
}

/** Under the compliance result: GRZ and GFZ per Baugebiet against their limits. */
export function ComplianceChart({ result }: { result: ComplianceSummary }) {
  const { t } = useTranslation();
  const tt = t as unknown as ChartText;
  const options = useMemo(() => {
    const rows: ComplianceRow[] = baugebietLights(result.areas, result.labels, result.closedZones).map((l) => ({
      baugebietId: l.id,
      label: l.label,
      landUse: l.landUse,
      plotAreaM2: l.area?.plotAreaM2 ?? 0,
      light: l.light,
      rules: (l.area?.rules ?? []).map((r) => ({ rule: r.rule, value: r.value, limit: r.limit, status: r.status })),
      parcelsExceeded: l.parcels.length,
    }));
    return complianceChart(rows, tt, PANEL_WIDTH);
  }, [result, tt]);
  return (
    <div className="analysis-charts" data-analysis-chart="compliance">
      <PlotFigure options={options} label={t('chart.compliance')} />
    </div>
  );
}
