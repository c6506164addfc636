import { useContext, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { analysisInputs } from '../../core/analysis/analysisInputs';
import type { ReportArea, ReportDocument, ReportVariant } from '../../core/report/ReportDocument';
import { sceneViewTitle } from '../../core/report/reportSceneViews';
import type { ChartText } from '../charts/reportCharts';
import { allCatalogLayers } from '../../state/selectors';
import { useAppState } from '../StoreContext';
import { ReportServiceContext } from './ReportService';
import { ReportView } from './ReportView';
import { reportDownloads } from './reportDownloads';

type AreaChoice = 'all' | 'plan' | 'baugebiet' | 'polygon';

/**
 * The report builder (side panel): area (whole dataset, plan, Baugebiet, or
 * the polygon measured on the map), layers, one or two variants, date and
 * author; builds in the analysis worker with a progress bar and cancel; then
 * shows the report (print → PDF) and offers ZIP, XLSX, CSV and GeoJSON.
 */
export function ReportSection() {
  const { t, i18n } = useTranslation();
  const service = useContext(ReportServiceContext);
  const layers = useAppState((s) => allCatalogLayers(s));
  const scenarios = useAppState((s) => s.scenarios);
  const activeScenarioId = useAppState((s) => s.activeScenarioId);
  const measurePoints = useAppState((s) => s.measurePoints);
  const polygonLayers = useMemo(() => analysisInputs(layers).polygonLayers, [layers]);
  const variants = useMemo(() => (scenarios.find((x) => x.id === activeScenarioId) ?? scenarios[0])?.variants ?? [], [scenarios, activeScenarioId]);
  const [area, setArea] = useState<AreaChoice>('all');
  const [areaId, setAreaId] = useState('');
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const [va, setVa] = useState('');
  const [vb, setVb] = useState('');
  const [date, setDate] = useState('2025-03-21');
  const [author, setAuthor] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [doc, setDoc] = useState<ReportDocument | undefined>();
  const [open, setOpen] = useState(false);
  const ctrl = useRef<AbortController | undefined>(undefined);
  const statLayers = chosen ?? polygonLayers.filter((l) => !['buildings', 'buildingFootprints', 'parcels'].includes(l.role ?? '')).map((l) => l.id);
  const lang = i18n.language === 'en' ? 'en' : 'de';

  const build = async () => {
    if (!service) return;
    const c = (ctrl.current = new AbortController());
    const t0 = performance.now();
    setProgress(0);
    setNote('');
    try {
      const reportArea: ReportArea =
        area === 'polygon'
          ? { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [[...measurePoints.map((p) => [p[0], p[1]]), [measurePoints[0][0], measurePoints[0][1]]]] }, name: t('report.areaDraw') }
          : area === 'plan' ? { kind: 'plan', ...(areaId ? { id: areaId } : {}) } : area === 'baugebiet' ? { kind: 'baugebiet', id: areaId } : { kind: 'all' };
      const pick = (id: string): ReportVariant[] => variants.filter((v) => v.id === id).map((v) => ({ id: v.id, name: v.name, buildings: v.buildings, demolishedIds: v.demolishedIds }));
      const vs = [...pick(va), ...(va && vb ? pick(vb) : [])];
      const d = await service.build({ lang, area: reportArea, layers: statLayers, variants: vs, date, author }, { signal: c.signal, onProgress: setProgress });
      setNote(t('report.capturing'));
      // A failed capture still gives the report (tables, charts, maps); it and the note say what is missing and why.
      let sceneImagesError: string | undefined;
      const urls = await service.captureScene(d.sceneViews).catch((e: unknown) => {
        sceneImagesError = String((e as Error)?.message ?? e);
        return [] as string[];
      });
      setDoc({ ...d, sceneImages: urls.map((dataUrl, i) => ({ title: sceneViewTitle(t as unknown as ChartText, d.sceneViews[i]), dataUrl })), ...(sceneImagesError ? { sceneImagesError } : {}) });
      const ready = t('report.ready', { s: ((performance.now() - t0) / 1000).toFixed(1) });
      setNote(sceneImagesError ? `${ready} ${t('report.sceneMissing', { reason: sceneImagesError })}` : ready);
      setOpen(true);
    } catch (e) {
      setNote((e as Error).name === 'AbortError' ? t('report.cancelled') : t('report.failed', { detail: (e as Error).message }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="report-builder" data-testid="report-builder">
      <p className="hint">{t('report.hint')}</p>
      <label>
        {t('report.area')}{' '}
        <select value={area} onChange={(e) => setArea(e.target.value as AreaChoice)} data-testid="report-area">
          <option value="all">{t('report.areaAll')}</option>
          <option value="plan">{t('report.areaPlan')}</option>
          <option value="baugebiet">{t('report.areaBaugebiet')}</option>
          <option value="polygon" disabled={measurePoints.length < 3}>{t('report.areaDraw')}</option>
        </select>
      </label>
      {(area === 'plan' || area === 'baugebiet') && (
        <label>
          ID <input value={areaId} onChange={(e) => setAreaId(e.target.value)} data-testid="report-area-id" />
        </label>
      )}
      <fieldset>
        <legend>{t('report.layersChoose')}</legend>
        {polygonLayers.map((l) => (
          <label key={l.id} className="report-layer">
            <input type="checkbox" checked={statLayers.includes(l.id)} onChange={(e) => setChosen(e.target.checked ? [...statLayers, l.id] : statLayers.filter((x) => x !== l.id))} /> {l.title[lang]}
          </label>
        ))}
      </fieldset>
      <label>
        {t('report.variantA')}{' '}
        <select value={va} onChange={(e) => setVa(e.target.value)}>
          <option value="">{t('report.existing')}</option>
          {variants.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      </label>
      <label>
        {t('report.variantB')}{' '}
        <select value={vb} onChange={(e) => setVb(e.target.value)} disabled={!va}>
          <option value="">{t('report.none')}</option>
          {variants.filter((v) => v.id !== va).map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      </label>
      <label>
        {t('report.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('report.author')} <input value={author} onChange={(e) => setAuthor(e.target.value)} />
      </label>
      {progress === null ? (
        <button type="button" onClick={() => void build()} disabled={!service} data-testid="report-build">{t('report.build')}</button>
      ) : (
        <div className="report-progress">
          <progress max={1} value={progress} aria-label={t('report.progress', { p: String(Math.round(progress * 100)) })} />
          <span>{t('report.progress', { p: String(Math.round(progress * 100)) })}</span>
          <button type="button" onClick={() => ctrl.current?.abort()} data-testid="report-cancel">{t('report.cancel')}</button>
        </div>
      )}
      {note && <p role="status" data-testid="report-note">{note}</p>}
      {doc && (
        <div className="report-exports">
          <button type="button" onClick={() => setOpen(true)}>{t('report.open')}</button>
          <button type="button" onClick={() => void reportDownloads.zip(doc)} data-testid="report-zip">{t('report.zip')}</button>
          <button type="button" onClick={() => void reportDownloads.xlsx(doc)}>{t('report.xlsx')}</button>
          <button type="button" onClick={() => reportDownloads.csv(doc, 'rfc4180')}>{t('report.csv')}</button>
          <button type="button" onClick={() => reportDownloads.csv(doc, 'excel-de')}>{t('report.csvDe')}</button>
          <button type="button" onClick={() => reportDownloads.geojson(doc)}>{t('report.geojson')}</button>
        </div>
      )}
      {doc && open && createPortal(
        <div className="report-overlay" data-testid="report-overlay">
          <div className="report-toolbar">
            <button type="button" onClick={() => window.print()}>{t('report.print')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('report.close')}</button>
          </div>
          <ReportView doc={doc} />
        </div>,
        document.body,
      )}
    </div>
  );
}
