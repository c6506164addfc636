import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackPin } from '../../../core/kiosk/FeedbackPin';
import { feedbackTable } from '../../../core/kiosk/feedbackTable';
import { feedbackToGeoJson } from '../../../core/kiosk/feedbackToGeoJson';
import { INTL_LOCALE } from '../../../core/i18n/Lang';
import { translateMessage, type Message } from '../../../core/i18n/Message';
import { writeTable } from '../../../core/table/writeTable';
import { useAppState, useAppStoreApi } from '../../StoreContext';
import { useFeedbackService, type FeedbackSyncView } from '../feedback/FeedbackService';
import { downloadText } from './downloadText';

/** File name stem of an export: dataset and the moment, e.g. `feedback-demo-2026-06-21T1405`. */
function exportName(dataset: string, now = new Date()): string {
  return `feedback-${dataset}-${now.toISOString().slice(0, 16).replace(':', '')}`;
}

/**
 * Staff: every stored pin (hidden ones marked), newest first, each with its
 * text (as text, never HTML), category, time and variant; hide/restore;
 * delete for good only after a second confirmation; "show on the map"; the
 * pins as a map layer while the list is open; exports as GeoJSON and CSV
 * (UTF-8 with BOM, formula-safe cells by the one table writer), downloaded
 * through a blob link; the sync state when an endpoint is configured.
 */
export function StaffPanel() {
  const { t, i18n } = useTranslation();
  const store = useAppStoreApi();
  const service = useFeedbackService();
  const lang = useAppState((s) => s.lang);
  const pins = useAppState((s) => s.feedbackPins);
  const config = useAppState((s) => s.kioskConfig);
  const dataset = useAppState((s) => s.catalog?.id ?? s.dataset);
  const [problem, setProblem] = useState<Message | null>(null);
  const [skipped, setSkipped] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [sync, setSync] = useState<FeedbackSyncView | null>(() => service.syncStatus());

  const reload = useCallback(async () => {
    const r = await service.list();
    if (!r.ok) return setProblem(r.error);
    setSkipped(r.value.skipped);
    store.getState().setFeedbackPins(r.value.pins);
  }, [service, store]);

  useEffect(() => {
    void reload();
    const off = service.onSyncStatus(setSync);
    // The pins are shown only while staff look at them: a citizen never sees other people's comments.
    return () => {
      off();
      store.getState().setFeedbackPins([]);
    };
  }, [reload, service, store]);

  const act = async (r: Promise<{ ok: boolean; error?: Message }>) => {
    const done = await r;
    if (!done.ok && done.error) setProblem(done.error);
    await reload();
  };
  const label = (p: FeedbackPin) => config?.feedbackCategories.find((c) => c.id === p.category)?.label[lang] ?? p.category;
  const variant = (id: string) => config?.variants.find((v) => v.id === id)?.caption[lang] ?? id;
  const fmt = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' });
  const sorted = [...pins].reverse();

  return (
    <div className="staff-list-screen" data-staff="list">
      <section className="staff-list-panel" aria-labelledby="staff-title" lang={i18n.language}>
        <div className="kiosk-card-head">
          <h2 id="staff-title">
            {t('staff.title')} · {t('feedback.count', { count: pins.length })}
          </h2>
          <button type="button" className="kiosk-btn" onClick={() => store.getState().setStaffScreen('closed')}>
            {t('staff.close')}
          </button>
        </div>
        <div className="staff-toolbar">
          <button
            type="button"
            className="kiosk-btn"
            data-export="geojson"
            onClick={() => downloadText(`${exportName(dataset)}.geojson`, JSON.stringify(feedbackToGeoJson(pins), null, 1), 'application/geo+json')}
          >
            {t('staff.exportGeoJson')}
          </button>
          <button
            type="button"
            className="kiosk-btn"
            data-export="csv"
            onClick={() => {
              const { header, rows } = feedbackTable(pins);
              downloadText(`${exportName(dataset)}.csv`, writeTable(header, rows), 'text/csv;charset=utf-8');
            }}
          >
            {t('staff.exportCsv')}
          </button>
        </div>
        <p className="staff-sync" data-sync={sync ? 'on' : 'off'}>
          {sync ? t('staff.sync', { pending: sync.pending, sent: sync.sent }) : t('staff.syncOff')}
          {sync?.lastError ? ` · ${t('staff.syncError', { detail: sync.lastError })}` : ''}
        </p>
        {problem && (
          <p className="feedback-error" role="alert">
            {translateMessage(t, problem)}
          </p>
        )}
        {skipped > 0 && <p className="staff-sync">{t('staff.skipped', { count: skipped })}</p>}
        {pins.length === 0 && <p>{t('staff.empty')}</p>}
        <ul className="staff-list">
          {sorted.map((p) => (
            <li key={p.id} className="staff-item" data-pin={p.id} data-hidden={p.hidden}>
              <div className="staff-item-meta">
                {t('feedback.meta', { category: label(p), date: fmt.format(new Date(p.createdAt)), variant: variant(p.scenario.variantId) })}
                {p.rating ? ` · ${t('feedback.ratingN', { n: p.rating })}` : ''}
                {p.ageGroup ? ` · ${t(`feedback.age.${p.ageGroup}`)}` : ''}
                {p.hidden ? ` · ${t('staff.hidden')}` : ''}
              </div>
              {/* A comment is always text: React escapes it, it is never parsed as HTML. */}
              <p className="staff-item-text">{p.text}</p>
              <div className="kiosk-row">
                <button type="button" className="kiosk-btn" onClick={() => store.getState().flyTo(p.scenario.camera)}>
                  {t('staff.flyTo')}
                </button>
                <button type="button" className="kiosk-btn" data-action={p.hidden ? 'restore' : 'hide'} onClick={() => void act(service.setHidden(p.id, !p.hidden))}>
                  {p.hidden ? t('staff.restore') : t('staff.hide')}
                </button>
                {confirmDelete === p.id ? (
                  <span role="group" aria-label={t('staff.deleteConfirm')} className="kiosk-row">
                    <span>{t('staff.deleteConfirm')}</span>
                    <button type="button" className="kiosk-btn staff-danger" onClick={() => void act(service.remove(p.id)).then(() => setConfirmDelete(null))}>
                      {t('staff.deleteYes')}
                    </button>
                    <button type="button" className="kiosk-btn" onClick={() => setConfirmDelete(null)}>
                      {t('feedback.cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="kiosk-btn" onClick={() => setConfirmDelete(p.id)}>
                    {t('staff.delete')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
