import { useState } from 'react';
import type { CatalogLayer } from '../../core/model/Catalog';
import { DROP_CRS_CHOICES, DROPPED_GROUP, type DroppedFileEntry, type LayerRole } from '../../state/droppedFilesSlice';
import { LayerRow } from '../sections/LayerTree';
import { useTranslation } from 'react-i18next';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { FileOpenButton } from '../controls/FileOpenButton';
import { translateNested, type MessageKey } from '../../core/i18n/Message';

const ERROR_KEY: Record<NonNullable<DroppedFileEntry['error']>['code'], MessageKey> = {
  extension: 'drop.err.extension',
  tooLarge: 'drop.err.tooLarge',
  nothing: 'drop.err.nothing',
  worker: 'drop.err.worker',
};

/** Roles a user may give a dropped layer, by geometry: what analyses read (see `core/analysis/analysisInputs`). */
const ROLE_CHOICES: Record<'polygons' | 'lines' | 'points', LayerRole[]> = {
  polygons: ['zoning', 'plan', 'buildableArea', 'parcels', 'buildingFootprints', 'playgrounds', 'green', 'water', 'protection', 'flood', 'traffic', 'districts', 'other'],
  lines: ['buildingLines', 'traffic', 'cycleRoutes', 'other'],
  points: ['trees', 'playgrounds', 'other'],
};

/** The analysis role of a dropped layer, inferred from its content and changeable; 'other' is marked as not recognised. */
function RoleChoice({ layer }: { layer: CatalogLayer }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const kind = layer.type === 'geojson-polygons' ? 'polygons' : layer.type === 'geojson-lines' ? 'lines' : layer.type === 'geojson-points' ? 'points' : undefined;
  if (!kind) return null;
  const role = layer.role ?? 'other';
  const choices = ROLE_CHOICES[kind].includes(role) ? ROLE_CHOICES[kind] : [role, ...ROLE_CHOICES[kind]];
  const id = `role-${layer.id}`;
  return (
    <div className="drop-role" data-role={role}>
      <label className="field" htmlFor={id}>
        <span className="small">{t('drop.role.label')}</span>
        <select id={id} value={role} onChange={(e) => store.getState().setDroppedLayerRole(layer.id, e.target.value as LayerRole)}>
          {choices.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'other' && <p className="muted small">{t('drop.role.ambiguous')}</p>}
    </div>
  );
}

/** A dropped layer: the tree's own row (it is a layer of the one registry) with a remove button and its analysis role. */
function DroppedLayerRow({ layer }: { layer: CatalogLayer }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const title = layer.title[lang];
  const remove = (
    <button type="button" className="icon-btn" aria-label={t('drop.removeLayer', { name: title })} title={t('drop.removeLayer', { name: title })} onClick={() => store.getState().removeDroppedLayer(layer.id)}>
      ×
    </button>
  );
  return (
    <LayerRow layer={layer} actions={remove}>
      <RoleChoice layer={layer} />
    </LayerRow>
  );
}

function CrsRetry({ file }: { file: DroppedFileEntry }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const [crs, setCrs] = useState<string>(file.crs ?? DROP_CRS_CHOICES[0]);
  const id = `crs-${file.id}`;
  return (
    <div className="drop-crs">
      <p>{t('drop.crs.needed')}</p>
      <label className="field" htmlFor={id}>
        <span>{t('drop.crs.label', { name: file.name })}</span>
        <select id={id} value={crs} onChange={(e) => setCrs(e.target.value)}>
          {DROP_CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-primary" onClick={() => store.getState().retryDroppedFile(file.id, crs)}>
        {t('drop.crs.retry')}
      </button>
    </div>
  );
}

function DroppedFileItem({ file }: { file: DroppedFileEntry }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const layers = useAppState((s) => s.droppedLayers).filter((l) => l.fileId === file.id);
  const reportOpen = useAppState((s) => s.dropReportFor === file.id);
  const skipped = file.issues.length;
  const features = file.featureCount ?? 0;
  const working = file.status === 'queued' || file.status === 'converting';
  return (
    <li className="drop-file" data-file={file.name} data-status={file.status}>
      <div className="drop-file-head">
        <span className="drop-file-name">{file.name}</span>
        <button type="button" className="icon-btn" aria-label={t('drop.removeFile', { name: file.name })} title={t('drop.removeFile', { name: file.name })} onClick={() => store.getState().removeDroppedFile(file.id)}>
          ×
        </button>
      </div>
      {working && (
        <div className="drop-progress">
          <progress max={100} value={Math.round(file.progress * 100)} aria-label={t('drop.progressOf', { name: file.name })} />
          <span className="muted small">{file.status === 'queued' ? t('drop.queued') : t('drop.converting', { p: Math.round(file.progress * 100) })}</span>
        </div>
      )}
      {file.status === 'error' && file.error && (
        <p className="drop-error" role="alert">
          {t(ERROR_KEY[file.error.code], { detail: file.error.detailMessage ? translateNested(t, file.error.detailMessage) : file.error.detail })}
        </p>
      )}
      {file.needsCrs && <CrsRetry file={file} />}
      {file.status === 'done' && (
        <div className="muted small">
          {t('drop.summary', { count: features, layers: layers.length })}
          {file.persist?.state === 'saved' && <span data-testid="drop-saved"> · {t('drop.saved')}</span>}
        </div>
      )}
      {file.persist?.state === 'failed' && (
        <p className="drop-error" role="alert" data-testid="drop-save-error">
          {t(file.persist.error.code, file.persist.error.params)}
        </p>
      )}
      {skipped > 0 && (
        <button type="button" className="btn drop-report-btn" aria-expanded={reportOpen} aria-controls="drop-report" onClick={() => store.getState().setDropReportFor(reportOpen ? undefined : file.id)}>
          {t('drop.showReport', { n: skipped })}
        </button>
      )}
      {layers.length > 0 && (
        <ul>
          {layers.map((l) => (
            <DroppedLayerRow key={l.id} layer={l} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * "Your files" in the layer tree: a keyboard-operable "Open file…" button
 * (a real file input behind it), then each opened or dropped file with its
 * progress, errors, CRS retry, skipped-feature list toggle and its layers.
 */
export function DroppedFilesGroup() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppState((s) => s.lang);
  const files = useAppState((s) => s.droppedFiles);
  return (
    <div className="layer-group drop-group" role="group" aria-label={DROPPED_GROUP[lang]}>
      <h3>{t('drop.group')}</h3>
      <div className="drop-open">
        <FileOpenButton
          label={t('drop.open')}
          input={{ className: 'visually-hidden', tabIndex: -1, 'aria-hidden': 'true', 'data-testid': 'drop-file-input', accept: '.gml,.xml,.json,.geojson,.zip', multiple: true }}
          onFiles={(list) => {
            if (list.length) store.getState().openDroppedFiles(list);
          }}
        />
        <span className="muted small">{t('drop.hint')}</span>
      </div>
      {files.length > 0 && (
        <ul className="drop-files">
          {files.map((f) => (
            <DroppedFileItem key={f.id} file={f} />
          ))}
        </ul>
      )}
    </div>
  );
}
