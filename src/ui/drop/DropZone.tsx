import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateNested } from '../../core/i18n/Message';
import { useAppState, useAppStoreApi } from '../StoreContext';
import './drop.css';

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

/** The skipped-feature list of one file: file, line, feature id, class, reason (in the UI's language, from the issue's message code). */
function DropReportPanel() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const fileId = useAppState((s) => s.dropReportFor);
  const file = useAppState((s) => s.droppedFiles.find((f) => f.id === s.dropReportFor));
  if (!fileId || !file) return null;
  return (
    <aside className="drop-report" id="drop-report" aria-label={t('drop.reportTitle', { name: file.name })} data-testid="drop-report">
      <div className="feature-head">
        <h2>{t('drop.reportTitle', { name: file.name })}</h2>
        <button type="button" className="icon-btn" aria-label={t('drop.reportClose')} onClick={() => store.getState().setDropReportFor(undefined)}>
          ×
        </button>
      </div>
      {file.issues.length === 0 ? (
        <p className="muted">{t('drop.reportNone')}</p>
      ) : (
        <table className="attr-table drop-report-table">
          <thead>
            <tr>
              <th scope="col">{t('drop.col.file')}</th>
              <th scope="col">{t('drop.col.line')}</th>
              <th scope="col">{t('drop.col.feature')}</th>
              <th scope="col">{t('drop.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {file.issues.map((i, k) => (
              <tr key={k} className={i.severity}>
                <td>{i.file}</td>
                <td>{i.line ?? '–'}</td>
                <td>
                  {i.featureId ?? '–'}
                  {i.featureClass && <div className="muted small">{i.featureClass}</div>}
                </td>
                <td>
                  <span className={`badge drop-sev-${i.severity}`}>{t(i.severity === 'error' ? 'drop.sev.error' : 'drop.sev.warning')}</span> {translateNested(t, i.message)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

/**
 * Accepts files dragged anywhere onto the page (the 3D view included) and
 * shows a drop hint while dragging; also hosts the skipped-feature panel.
 * Drag and drop is not keyboard-operable: the same happens through the
 * "Open file…" button in the layer tree.
 */
export function DropZone() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without preventDefault the browser would open the file instead of dropping it here.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) store.getState().openDroppedFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-live="polite">
          <div>{t('drop.overlay')}</div>
        </div>
      )}
      <DropReportPanel />
    </>
  );
}
