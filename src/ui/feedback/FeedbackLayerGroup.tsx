import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackFromGeoJson } from '../../core/kiosk/feedbackFromGeoJson';
import { INTL_LOCALE } from '../../core/i18n/Lang';
import { FEEDBACK_LAYER_ID } from '../../state/feedbackSlice';
import { LayerRow } from '../sections/LayerTree';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { FileOpenButton } from '../controls/FileOpenButton';

type Note = { kind: 'ok' | 'error'; text: string };

/**
 * Planner app, layers section: "Import feedback…" reads GeoJSON exports of
 * one or more kiosks (a real file input; several files at once), merges the
 * pins by id without duplicates (the newer hide/restore wins) and shows them
 * as the feedback layer of the one registry. Each pin's card offers "show
 * what this person saw" (camera, variant, time, layers, language). Bad
 * entries are reported by file and position; the good ones are kept.
 */
export function FeedbackLayerGroup() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const pins = useAppState((s) => s.feedbackPins);
  const layer = useAppState((s) => s.droppedLayers.find((l) => l.id === FEEDBACK_LAYER_ID));
  const selectedId = useAppState((s) => (s.selection?.layerId === FEEDBACK_LAYER_ID ? s.selection.featureId : null));
  const restored = useAppState((s) => s.feedbackRestored);
  const [notes, setNotes] = useState<Note[]>([]);
  const fmt = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' });

  const importFiles = async (files: File[]) => {
    const out: Note[] = [];
    for (const f of files) {
      const { pins: read, errors } = feedbackFromGeoJson(await f.text());
      if (read.length) {
        const { added, duplicates } = store.getState().importFeedbackPins(read);
        out.push({ kind: 'ok', text: t('feedback.imported', { name: f.name, added, duplicates }) });
      }
      if (errors.length) {
        const e = errors[0];
        out.push({ kind: 'error', text: t('feedback.importSkipped', { name: f.name, count: errors.length, first: `${e.path ? `${e.path}: ` : ''}${e.message}` }) });
      }
    }
    setNotes(out);
  };

  const shown = selectedId ? [...pins].sort((a, b) => (a.id === selectedId ? -1 : b.id === selectedId ? 1 : 0)) : pins;
  return (
    <div className="layer-group feedback-group" role="group" aria-label={t('feedback.layerGroup')}>
      <h3>{t('feedback.layerGroup')}</h3>
      <FileOpenButton
        label={t('feedback.import')}
        input={{ accept: '.geojson,.json,application/geo+json,application/json', multiple: true, hidden: true, 'data-feedback-import': true }}
        onFiles={(files) => void importFiles(files)}
      />
      <p className="muted small">{t('feedback.importHint')}</p>
      <div role="status">
        {notes.map((n, i) => (
          <p key={i} className={n.kind === 'error' ? 'drop-error small' : 'small'}>
            {n.text}
          </p>
        ))}
      </div>
      {layer && (
        <ul>
          <LayerRow layer={layer} />
        </ul>
      )}
      {pins.length > 0 && (
        <>
          <p className="muted small">{t('feedback.count', { count: pins.length })}</p>
          <ul className="feedback-pins">
            {shown.map((p) => (
              <li key={p.id} className="feedback-pin-card" data-pin={p.id} aria-current={p.id === selectedId ? 'true' : undefined}>
                <div className="muted small">
                  {p.category} · {fmt.format(new Date(p.createdAt))} · {p.scenario.variantId}
                  {p.hidden ? ` · ${t('staff.hidden')}` : ''}
                </div>
                {/* Always text (React escapes it), never HTML. */}
                <p className="feedback-pin-text">{p.text}</p>
                <button type="button" className="btn" data-show-saw={p.id} onClick={() => store.getState().showWhatPinSaw(p.id)}>
                  {t('feedback.showWhatSaw')}
                </button>
                {restored?.pinId === p.id && restored.gaps.length > 0 && (
                  <p className="drop-error small" role="alert">
                    {restored.gaps.map((g) => t(g === 'dataset' ? 'feedback.gap.dataset' : 'feedback.gap.variant', { id: g === 'dataset' ? p.scenario.datasetId : p.scenario.variantId })).join(' ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
