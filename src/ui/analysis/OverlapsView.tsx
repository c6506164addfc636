import type { AnalysisResult } from '../../state/analysisSlice';
import type { PanelText } from './panelText';
import { CsvButton } from './CsvButton';
import { csvFileName, overlapsCsv } from './analysisCsv';
import { AnalysisTable } from './AnalysisTable';

type Overlaps = Extract<AnalysisResult, { kind: 'overlaps' }>;

/** Overlaps result: one row per category pair with m² and the share of each side's category. */
export function OverlapsView({ result, tx }: { result: Overlaps; tx: PanelText }) {
  const { t, nf } = tx;
  if (!result.groups.length) return <p className="muted small" data-analysis-result="overlaps">{t('noOverlap')}</p>;
  return (
    <div data-analysis-result="overlaps">
      <div className="table-head">
        <p className="small">{t('total', { m2: nf(result.totalAreaM2, 0), n: result.pairCount })}</p>
        <CsvButton table="overlaps" tx={tx} fileName={csvFileName('overlaps', result)} csv={() => overlapsCsv(result)} />
      </div>
      <AnalysisTable
        table={{ className: 'analysis-table fixed', 'data-analysis-overlaps': '' }}
        widths={['wide', '', '', '']}
        head={
          <>
            <th>
              {t('catA')} × {t('catB')}
            </th>
            <th>m²</th>
            <th title={t('shareA')}>% A</th>
            <th title={t('shareB')}>% B</th>
          </>
        }
      >
        {result.groups.map((g) => (
          <tr key={`${g.aGroup}\u0000${g.bGroup}`}>
            <td data-pair={`${g.aGroup}|${g.bGroup}`}>
              <strong>{g.aGroup || '–'}</strong> × {g.bGroup || '–'}
            </td>
            <td className="num">{nf(g.areaM2, 0)}</td>
            <td className="num">{nf(g.shareOfA * 100, 1)} %</td>
            <td className="num">{nf(g.shareOfB * 100, 1)} %</td>
          </tr>
        ))}
      </AnalysisTable>
    </div>
  );
}
