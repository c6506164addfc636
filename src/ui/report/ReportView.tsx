import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../core/i18n/Lang';
import type { ReportDocument } from '../../core/report/ReportDocument';
import { ReportPage } from './ReportPage';
import { PlotFigure } from '../charts/PlotFigure';
import { complianceChart, deltaChart, landUseChart, mapChart, sunHistogramChart, zoneDeltaChart, zoneMeansChart, type ChartText } from '../charts/reportCharts';
import './report.css';

/** Number formatter of the report's language: `fmt(v, 2)`; null/NaN → '–'. */
export function reportNumber(lang: ReportDocument['lang']): (v: number | null | undefined, d?: number) => string {
  const cache = new Map<number, Intl.NumberFormat>();
  return (v, d = 2) => {
    if (v === null || v === undefined || !Number.isFinite(v)) return '–';
    let f = cache.get(d);
    if (!f) cache.set(d, (f = new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f.format(v);
  };
}

/** The 12 largest categories, the rest summed as "…" (a layer with a category per feature would fill pages). */
function topCategories<C extends { category: string; count: number; areaM2: number; share: number }>(cs: C[]): C[] {
  if (cs.length <= 13) return cs;
  const rest = cs.slice(12);
  return [...cs.slice(0, 12), { ...rest[0], category: `… (${rest.length})`, count: rest.reduce((s, c) => s + c.count, 0), areaM2: rest.reduce((s, c) => s + c.areaM2, 0), share: rest.reduce((s, c) => s + c.share, 0) }];
}

const RULE_DECIMALS: Record<string, number> = { GRZ: 2, GFZ: 2, storeys: 0, height: 1, baugrenze: 0 };

/**
 * The report as print-ready HTML: title page, summary with traffic lights,
 * layers, overlaps, compliance, sun hours, façades, variant deltas, maps and
 * provenance; A4 portrait sections with landscape pages for the wide tables
 * and maps (report.css). `onRendered` fires once the charts are in the DOM
 * (the CLI prints then).
 */
export function ReportView({ doc, onRendered }: { doc: ReportDocument; onRendered?: () => void }) {
  const { t } = useTranslation();
  const tt = t as unknown as ChartText;
  const n = useMemo(() => reportNumber(doc.lang), [doc.lang]);
  const charts = useMemo(() => {
    const cell = doc.sun.cellM * doc.sun.cellM;
    return {
      layers: doc.layers.filter((l) => l.areaM2 > 0).map((l) => ({ id: l.layerId, o: landUseChart(l, tt) })),
      compliance: doc.compliance.rows.length ? complianceChart(doc.compliance.rows, tt) : undefined,
      histograms: doc.sun.histograms.map((h) => ({ id: h.layerId, title: h.title[doc.lang], o: sunHistogramChart(h.counts, cell, tt) })),
      zoneMeans: doc.sun.zones.length ? zoneMeansChart(doc.sun.zones, tt) : undefined,
      maps: doc.maps.map((m) => ({ m, o: mapChart(m, tt, 980) })),
      delta: doc.deltas?.areas.length ? deltaChart(doc.deltas.areas, tt) : undefined,
      zoneDelta: doc.deltas?.zones.length ? zoneDeltaChart(doc.deltas.zones, tt) : undefined,
    };
  }, [doc, tt]);
  useEffect(() => onRendered?.(), [onRendered]);
  const date = (iso: string) => new Intl.DateTimeFormat(INTL_LOCALE[doc.lang], { dateStyle: 'long', ...(iso.length > 10 ? { timeStyle: 'short' } : {}) }).format(new Date(iso.length > 10 ? iso : `${iso}T12:00:00Z`));
  const areaKind = { all: t('report.areaAll'), plan: t('report.areaPlan'), baugebiet: t('report.areaBaugebiet'), polygon: t('report.areaPolygon') }[doc.title.area.kind];
  const variants = doc.title.variants.length ? doc.title.variants.join(' → ') : t('report.existing');
  const facadePass = doc.facades.points.filter((p) => p.meets).length;
  const worst = [...doc.facades.points].sort((a, b) => a.sunHours - b.sunHours).slice(0, 15);
  const mapTitle = (id: string) => (id === 'plan' ? t('report.map.plan') : id === 'sunHours' ? t('report.map.sunHours', { date: date(doc.sun.date) }) : t('report.map.delta'));
  return (
    <article className="report" lang={doc.lang} data-testid="report">
      <section className="report-page report-title" data-section="title">
        <p className="report-kicker">Planlotse</p>
        <h1>{doc.title.text || t('report.title')}</h1>
        <dl className="report-title-fields">
          <dt>{t('report.dataset')}</dt>
          <dd>{doc.title.dataset[doc.lang]}</dd>
          {doc.title.plan && (
            <>
              <dt>{t('report.plan')}</dt>
              <dd>{[doc.title.plan.name, doc.title.plan.number].filter(Boolean).join(' · ')}{doc.title.plan.date ? ` (${date(doc.title.plan.date)})` : ''}</dd>
            </>
          )}
          <dt>{t('report.area')}</dt>
          <dd>{areaKind}{doc.title.area.label ? `: ${doc.title.area.label}` : ''} · {n(doc.title.area.areaM2, 0)} m²</dd>
          <dt>{t('report.variants')}</dt>
          <dd>{variants}</dd>
          <dt>{t('report.date')}</dt>
          <dd>{date(doc.title.date)}</dd>
          <dt>{t('report.author')}</dt>
          <dd>{doc.title.author || '—'}</dd>
          <dt>{t('report.created')}</dt>
          <dd>{date(doc.title.createdAt)}</dd>
        </dl>
        <h2 className="report-contents-title">{t('report.contents')}</h2>
        <ol className="report-contents">
          {[t('report.summary'), t('report.layers'), t('report.overlaps'), t('report.compliance'), t('report.sun'), t('report.facades'), ...(doc.deltas ? [t('report.deltas', { before: doc.deltas.before, after: doc.deltas.after })] : []), t('report.maps'), t('report.provenance')].map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>

      <ReportPage section="summary" n={1} title={t('report.summary')}>
        <div className="report-kf">
          {doc.keyFigures.map((k) => (
            <div key={k.id} className={`report-kf-item light-${k.light}`}>
              <span className="report-light" aria-label={tt(`report.light.${k.light}`)} />
              <span className="report-kf-value">{n(k.value, k.unit === 'h' ? 1 : k.unit === '%' ? 0 : 0)}{k.unit ? ` ${k.unit}` : ''}</span>
              <span className="report-kf-label">{tt(`report.kf.${k.id}`)}</span>
            </div>
          ))}
        </div>
        <p className="report-note">{t('report.lightsNote')}</p>
        {charts.compliance && <PlotFigure options={charts.compliance} label={t('report.complianceChart')} />}
      </ReportPage>

      <ReportPage section="layers" n={2} title={t('report.layers')}>
        {doc.layers.map((l) => (
          <div key={l.layerId} className="report-block">
            <h3>{l.title[doc.lang]} ({n(l.featureCount, 0)})</h3>
            <table>
              <thead><tr><th>{t('report.category')}</th><th className="num">{t('report.count')}</th><th className="num">{t('report.areaM2Col')}</th><th className="num">{t('report.share')}</th></tr></thead>
              <tbody>
                {topCategories(l.categories).map((c) => (
                  <tr key={c.category}><td>{c.category || '—'}</td><td className="num">{n(c.count, 0)}</td><td className="num">{n(c.areaM2, 0)}</td><td className="num">{n(c.share * 100, 1)} %</td></tr>
                ))}
              </tbody>
            </table>
            {charts.layers.find((c) => c.id === l.layerId) && <PlotFigure options={charts.layers.find((c) => c.id === l.layerId)!.o} label={t('report.landUseChart')} />}
          </div>
        ))}
      </ReportPage>

      <ReportPage section="overlaps" n={3} title={t('report.overlaps')}>
        {doc.overlaps.every((o) => !o.groups.length) && <p>{t('report.overlapsNone')}</p>}
        {doc.overlaps.filter((o) => o.groups.length).map((o) => (
          <div key={o.b} className="report-block">
            <h3>{o.aTitle[doc.lang]} × {o.bTitle[doc.lang]}: {n(o.totalAreaM2, 0)} m²</h3>
            <table>
              <thead><tr><th>{t('analysis.catA')}</th><th>{t('analysis.catB')}</th><th className="num">{t('report.areaM2Col')}</th><th className="num">{t('analysis.shareA')}</th><th className="num">{t('analysis.shareB')}</th></tr></thead>
              <tbody>
                {o.groups.map((g) => (
                  <tr key={`${g.aGroup}|${g.bGroup}`}><td>{g.aGroup || '—'}</td><td>{g.bGroup || '—'}</td><td className="num">{n(g.areaM2, 0)}</td><td className="num">{n(g.shareOfA * 100, 1)} %</td><td className="num">{n(g.shareOfB * 100, 1)} %</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </ReportPage>

      <ReportPage section="compliance" n={4} title={t('report.compliance')} landscape>
        <p className="report-note">{doc.compliance.variant !== '—' ? `${t('report.variants')}: ${doc.compliance.variant}` : t('report.existing')}</p>
        {!doc.compliance.rows.length && <p>{t('report.noCompliance')}</p>}
        {doc.compliance.rows.length > 0 && (
          <table className="report-compliance">
            <thead>
              <tr>
                <th rowSpan={2}>{t('report.areaBaugebiet')}</th><th rowSpan={2} className="num">{t('report.areaM2Col')}</th>
                {['GRZ', 'GFZ', 'storeys', 'height', 'baugrenze'].map((r) => <th key={r} colSpan={3}>{tt(`report.rule.${r}`)}</th>)}
                <th rowSpan={2}>{t('analysis.status')}</th>
              </tr>
              <tr>{['GRZ', 'GFZ', 'storeys', 'height', 'baugrenze'].flatMap((r) => [<th key={`${r}v`} className="num">{t('analysis.value')}</th>, <th key={`${r}l`} className="num">{t('analysis.limit')}</th>, <th key={`${r}s`} />])}</tr>
            </thead>
            <tbody>
              {doc.compliance.rows.map((r) => (
                <tr key={r.baugebietId}>
                  <td>{r.label}</td>
                  <td className="num">{n(r.plotAreaM2, 0)}</td>
                  {['GRZ', 'GFZ', 'storeys', 'height', 'baugrenze'].flatMap((rule) => {
                    const x = r.rules.find((y) => y.rule === rule);
                    const d = RULE_DECIMALS[rule];
                    return [
                      <td key={`${rule}v`} className="num">{x ? n(x.value, d) : '–'}</td>,
                      <td key={`${rule}l`} className="num">{x ? n(x.limit, d) : '–'}</td>,
                      <td key={`${rule}s`} className={`status-${x?.status ?? 'unknown'}`} title={x ? tt(`report.legend.${x.status}`) : ''}>{x?.status === 'exceeded' ? '✗' : x?.status === 'ok' ? '✓' : '·'}</td>,
                    ];
                  })}
                  <td className={`status-${r.light}`}>{tt(`report.legend.${r.light}`)}{r.parcelsExceeded ? ` (${r.parcelsExceeded} ${t('report.parcelsExceeded')})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportPage>

      <ReportPage section="sun" n={5} title={t('report.sun')}>
        {!doc.sun.computed && <p data-testid="report-no-sun">{t('report.noBuildings')}</p>}
        <p>{t('report.sunIntro', { date: date(doc.sun.date), cell: n(doc.sun.cellM, 1), step: n(doc.sun.stepMin, 0) })} {t('analysis.mean')}: {n(doc.sun.meanSunHours, 2)} h · {t('analysis.share2')}: {n(doc.sun.shareAtLeast2h * 100, 1)} % · {t('analysis.share4')}: {n(doc.sun.shareAtLeast4h * 100, 1)} %</p>
        {!doc.sun.zones.length && <p>{t('report.zonesNone')}</p>}
        {doc.sun.zones.length > 0 && (
          <table>
            <thead><tr><th>{t('report.zone')}</th><th>{t('report.layer')}</th><th className="num">{t('report.cells')}</th><th className="num">{t('report.mean')}</th><th className="num">{t('report.share2')}</th><th className="num">{t('report.share4')}</th></tr></thead>
            <tbody>
              {doc.sun.zones.map((z) => (
                <tr key={z.id}><td>{z.label}</td><td>{doc.layers.find((l) => l.layerId === z.layerId)?.title[doc.lang] ?? z.layerId}</td><td className="num">{n(z.groundAreaM2, 0)}</td><td className="num">{n(z.meanSunHours, 2)}</td><td className="num">{n(z.shareAtLeast2h === null ? null : z.shareAtLeast2h * 100, 1)} %</td><td className="num">{n(z.shareAtLeast4h === null ? null : z.shareAtLeast4h * 100, 1)} %</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {charts.zoneMeans && <PlotFigure options={charts.zoneMeans} label={t('chart.zoneMeans')} />}
        {charts.histograms.map((h) => (
          <div key={h.id} className="report-block">
            <h3>{t('report.histogram', { layer: h.title })}</h3>
            <PlotFigure options={h.o} label={t('chart.sunHistogram')} />
          </div>
        ))}
      </ReportPage>

      <ReportPage section="facades" n={6} title={t('report.facades')}>
        <p>{t('report.facadesIntro', { h: n(doc.facades.thresholdHours, 1), date: date(doc.sun.date) })}</p>
        <p><strong>{tt('report.facadesSummary', { pass: facadePass, n: doc.facades.points.length, share: n(doc.facades.points.length ? (facadePass / doc.facades.points.length) * 100 : 0, 0) })}</strong></p>
        <h3>{t('report.facadesWorst')}</h3>
        <table>
          <thead><tr><th>{t('report.building')}</th><th className="num">{t('report.azimuth')}</th><th className="num">{t('report.hours')}</th><th>{t('analysis.status')}</th></tr></thead>
          <tbody>
            {worst.map((p) => (
              <tr key={p.id}><td>{p.id}</td><td className="num">{n(p.azimuthDeg, 0)}</td><td className="num">{n(p.sunHours, 2)}</td><td className={p.meets ? 'status-ok' : 'status-exceeded'}>{p.meets ? t('report.meets') : t('report.notMet')}</td></tr>
            ))}
          </tbody>
        </table>
      </ReportPage>

      {doc.deltas && (
        <ReportPage section="deltas" n={7} title={t('report.deltas', { before: doc.deltas.before, after: doc.deltas.after })}>
          <p>{tt('report.deltasIntro', { added: doc.deltas.addedBuildings, removed: doc.deltas.removedBuildings, conflicts: doc.deltas.newConflicts.length })}</p>
          {charts.delta && (<><h3>{t('report.deltaChart')}</h3><PlotFigure options={charts.delta} label={t('report.deltaChart')} /></>)}
          {charts.zoneDelta && (<><h3>{t('report.deltaZonesChart')}</h3><PlotFigure options={charts.zoneDelta} label={t('report.deltaZonesChart')} /></>)}
          <table>
            <thead><tr><th>{t('report.areaBaugebiet')}</th><th>{t('analysis.rule')}</th><th className="num">{t('report.before')}</th><th className="num">{t('report.after')}</th><th className="num">{t('analysis.limit')}</th><th>{t('analysis.status')}</th></tr></thead>
            <tbody>
              {doc.deltas.areas.flatMap((a) => a.rules.filter((r) => r.rule !== 'GR' && r.rule !== 'GF').map((r) => (
                <tr key={`${a.areaId}|${r.rule}`}><td>{a.landUse} {a.areaId.slice(-6)}</td><td>{tt(`report.rule.${r.rule}`)}</td><td className="num">{n(r.before, RULE_DECIMALS[r.rule] ?? 2)}</td><td className="num">{n(r.after, RULE_DECIMALS[r.rule] ?? 2)}</td><td className="num">{n(r.limit, RULE_DECIMALS[r.rule] ?? 2)}</td><td className={`status-${r.statusAfter}`}>{tt(`report.legend.${r.statusAfter}`)}{r.newConflict ? ' !' : ''}</td></tr>
              )))}
            </tbody>
          </table>
        </ReportPage>
      )}

      <ReportPage section="maps" n={doc.deltas ? 8 : 7} title={t('report.maps')} landscape>
        {charts.maps.map(({ m, o }) => (
          <figure key={m.id} className="report-map" data-map={m.id}>
            <figcaption>{mapTitle(m.id)}</figcaption>
            <PlotFigure options={o} label={mapTitle(m.id)} />
          </figure>
        ))}
        {doc.sceneImagesError && (
          <p className="report-scene-missing" data-testid="report-scene-missing">
            {t('report.sceneMissing', { reason: doc.sceneImagesError })}
          </p>
        )}
        {doc.sceneImages.filter((s) => s.dataUrl).map((s) => (
          <figure key={s.title} className="report-map" data-map="scene">
            <figcaption>{t('report.scene')}: {s.title}</figcaption>
            <img src={s.dataUrl} alt={s.title} />
          </figure>
        ))}
      </ReportPage>

      <ReportPage section="provenance" n={doc.deltas ? 9 : 8} title={t('report.provenance')}>
        <h3>{t('report.sources')}</h3>
        <table>
          <thead><tr><th>{t('report.layer')}</th><th>URL</th><th>{t('report.licences')}</th></tr></thead>
          <tbody>{doc.provenance.sources.map((s) => <tr key={s.layerId}><td>{s.title[doc.lang]}</td><td className="mono">{s.url}</td><td>{s.attribution}</td></tr>)}</tbody>
        </table>
        <h3>{t('report.licences')}</h3>
        <ul>{doc.provenance.attributions.map((a) => <li key={a}>{a}</li>)}</ul>
        <dl className="report-title-fields">
          <dt>{t('report.crs')}</dt><dd>{doc.provenance.crs} (origin {doc.provenance.origin.join(', ')})</dd>
          <dt>{t('report.timeZone')}</dt><dd>{doc.provenance.timeZone}</dd>
          <dt>{t('report.dates')}</dt><dd>{doc.provenance.dates.map((d) => `${d.label}: ${d.value}`).join(' · ')}</dd>
          <dt>{t('report.created')}</dt><dd>{doc.provenance.createdAt}</dd>
          <dt>App</dt><dd>{t('report.app', { version: doc.provenance.appVersion, commit: doc.provenance.buildCommit })}</dd>
        </dl>
        <h3>{t('report.analyses')}</h3>
        <table>
          <thead><tr><th>{t('analysis.kind')}</th><th>{t('report.variants')}</th><th>{t('analysis.inputs')}</th><th>Parameter</th></tr></thead>
          <tbody>{doc.provenance.analyses.map((a, i) => <tr key={i}><td>{a.kind}</td><td>{a.variant}</td><td className="mono">{a.layers.join(', ')}</td><td className="mono">{JSON.stringify(a.params)}</td></tr>)}</tbody>
        </table>
      </ReportPage>
    </article>
  );
}
