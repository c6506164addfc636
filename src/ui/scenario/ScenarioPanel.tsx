import { useRef } from 'react';
import { exportMassingGlb } from '../../core/massing/exportMassingGlb';
import { exportProposedGeoJson } from '../../core/scenario/exportProposedGeoJson';
import { MAX_SCENARIO_FILE_BYTES, parseScenarioFile, serializeScenario, tooLargeError } from '../../core/scenario/parseScenarioFile';
import { activeScenario, activeVariant } from '../../state/scenarioSlice';
import { useAppState, useAppStoreApi } from '../StoreContext';
import { BuildingEditor } from './BuildingEditor';
import { CompareSection } from './CompareSection';
import { SketchControls } from './SketchControls';
import { downloadFile, fileSafe } from './downloadFile';
import { useTranslation } from 'react-i18next';
import './scenario.css';

/**
 * Scenarios: pick/create a scenario, its variants (and "Existing"), sketch
 * and edit proposed buildings, mark city-model buildings demolished,
 * undo/redo, import/export, and compare.
 */
export function ScenarioPanel() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const a = () => store.getState();
  const scenarios = useAppState((s) => s.scenarios);
  const sc = useAppState(activeScenario);
  const variant = useAppState(activeVariant);
  const activeVariantId = useAppState((s) => s.activeVariantId);
  const tool = useAppState((s) => s.tool);
  const canUndo = useAppState((s) => s.scenarioPast.length > 0);
  const canRedo = useAppState((s) => s.scenarioFuture.length > 0);
  const selectedId = useAppState((s) => s.selectedProposedId);
  const message = useAppState((s) => s.scenarioMessage);
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = variant?.buildings.find((b) => b.id === selectedId);

  // The scenario buttons toggle their tool of the one tool state (any other tool ends).
  const setTool = (next: 'sketch' | 'demolish') => a().setTool(tool === next ? 'select' : next);
  const ask = (label: string, value: string) => window.prompt(label, value)?.trim();
  const onImport = async (file: File) => {
    // Size check first: a huge file is refused without being read.
    if (file.size > MAX_SCENARIO_FILE_BYTES) return a().setScenarioMessage({ kind: 'error', code: 'scenario.fileInvalid', params: { errors: tooLargeError(file.size, file.name) } });
    const home = a().catalog?.home;
    const r = parseScenarioFile(new Uint8Array(await file.arrayBuffer()), file.name, home ? { around: [home.lon, home.lat] } : {});
    if (r.ok) a().importScenario(r.scenario);
    else a().setScenarioMessage({ kind: 'error', code: r.errors.length > 5 ? 'scenario.fileInvalidMore' : 'scenario.fileInvalid', params: { errors: r.errors.slice(0, 5).join('\n'), count: r.errors.length - 5 } });
  };

  return (
    <div className="scenario-panel" data-testid="scenario-panel">
      {message && (
        // In the panel's flow, not floating: an absolute banner lay over the section tool bar until closed.
        <div className={`banner-inline scenario-message${message.kind === 'error' ? ' error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="scenario-message">
          <span>{t(message.code, message.params)}</span>
          <button type="button" className="icon-btn" aria-label={t('scenario.messageClose')} onClick={() => a().setScenarioMessage(null)}>
            ×
          </button>
        </div>
      )}
      <label className="field">
        <span>{t('scenario.scenario')}</span>
        <select value={sc?.id ?? ''} onChange={(e) => a().setActiveScenario(e.target.value || null)} data-testid="scenario-select">
          <option value="">{t('scenario.none')}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" className="btn" onClick={() => a().createScenario()} data-testid="scenario-new">
          {t('scenario.newScenario')}
        </button>
        {sc && (
          <>
            <button type="button" className="btn" onClick={() => { const n = ask(t('scenario.rename'), sc.name); if (n) a().renameScenario(sc.id, n); }}>
              {t('scenario.rename')}
            </button>
            <button type="button" className="btn" onClick={() => a().deleteScenario(sc.id)}>
              {t('scenario.delete')}
            </button>
          </>
        )}
      </div>

      {sc && (
        <fieldset className="scenario-variants">
          <legend>{t('scenario.variants')}</legend>
          <label className="check">
            <input type="radio" name="scenario-variant" checked={activeVariantId === null} onChange={() => a().setActiveVariant(null)} data-testid="variant-existing" /> {t('scenario.existing')}
          </label>
          {sc.variants.map((v) => (
            <label className="check" key={v.id}>
              <input type="radio" name="scenario-variant" checked={activeVariantId === v.id} onChange={() => a().setActiveVariant(v.id)} data-testid={`variant-${v.name}`} /> {v.name}{' '}
              <span className="muted small">
                ({v.buildings.length} + / {v.demolishedIds.length} −)
              </span>
            </label>
          ))}
          <div className="button-row">
            <button type="button" className="btn" onClick={() => a().addVariant()} data-testid="variant-new">
              {t('scenario.newVariant')}
            </button>
            {variant && (
              <>
                <button type="button" className="btn" onClick={() => a().duplicateVariant(variant.id)} data-testid="variant-duplicate">
                  {t('scenario.duplicate')}
                </button>
                <button type="button" className="btn" onClick={() => { const n = ask(t('scenario.rename'), variant.name); if (n) a().renameVariant(variant.id, n); }}>
                  {t('scenario.rename')}
                </button>
                <button type="button" className="btn" onClick={() => a().deleteVariant(variant.id)}>
                  {t('scenario.delete')}
                </button>
              </>
            )}
          </div>
          {variant && (
            <label className="field">
              <span>{t('scenario.notes')}</span>
              <textarea key={`${variant.id}-${variant.notes}`} defaultValue={variant.notes} rows={2} onBlur={(e) => e.target.value !== variant.notes && a().setVariantNotes(variant.id, e.target.value)} />
            </label>
          )}
        </fieldset>
      )}

      <div className="button-row" role="group" aria-label={t('scenario.tools')}>
        <button type="button" className={`btn${tool === 'sketch' ? ' active' : ''}`} aria-pressed={tool === 'sketch'} onClick={() => setTool('sketch')} data-testid="scenario-tool-sketch">
          {t('scenario.sketch')}
        </button>
        <button type="button" className={`btn${tool === 'demolish' ? ' active' : ''}`} aria-pressed={tool === 'demolish'} onClick={() => setTool('demolish')} data-testid="scenario-tool-demolish">
          {t('scenario.demolish')}
        </button>
        <button type="button" className="btn" disabled={!canUndo} onClick={() => a().undoScenario()} title="Ctrl+Z" data-testid="scenario-undo">
          {t('scenario.undo')}
        </button>
        <button type="button" className="btn" disabled={!canRedo} onClick={() => a().redoScenario()} title="Ctrl+Shift+Z" data-testid="scenario-redo">
          {t('scenario.redo')}
        </button>
      </div>
      {tool === 'sketch' && <SketchControls t={t} />}
      {tool === 'demolish' && <p className="muted small">{t('scenario.demolishHint')}</p>}

      {variant && variant.buildings.length > 0 && (
        <div>
          <h4>{t('scenario.buildings')}</h4>
          <ul className="scenario-list" data-testid="scenario-buildings">
            {variant.buildings.map((b) => (
              <li key={b.id}>
                <button type="button" className={`btn${b.id === selectedId ? ' active' : ''}`} aria-pressed={b.id === selectedId} onClick={() => a().selectProposedBuilding(b.id === selectedId ? null : b.id)}>
                  {b.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {selected && <BuildingEditor b={selected} t={t} />}
      {variant && variant.demolishedIds.length > 0 && (
        <div>
          <h4>{t('scenario.demolished')}</h4>
          <ul className="scenario-list" data-testid="scenario-demolished">
            {variant.demolishedIds.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button type="button" className="btn" onClick={() => a().restoreBuildings([id])}>
                  {t('scenario.restore')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="button-row">
        {sc && (
          <button type="button" className="btn" onClick={() => downloadFile(`${fileSafe(sc.name)}.planlotse.json`, serializeScenario(sc), 'application/json')} data-testid="scenario-export">
            {t('scenario.exportFile')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
          {t('scenario.importFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="scenario-import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void onImport(f);
          }}
        />
        {variant && variant.buildings.length > 0 && (
          <>
            <button type="button" className="btn" onClick={() => downloadFile(`${fileSafe(variant.name)}.geojson`, JSON.stringify(exportProposedGeoJson(variant)), 'application/geo+json')}>
              {t('scenario.exportGeoJson')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() =>
                void exportMassingGlb(variant.buildings).then(
                  (glb) => downloadFile(`${fileSafe(variant.name)}.glb`, glb, 'model/gltf-binary'),
                  (e: unknown) => a().setScenarioMessage({ kind: 'error', code: 'common.error', params: { detail: String((e as Error)?.message ?? e) } }),
                )
              }
            >
              {t('scenario.exportGlb')}
            </button>
          </>
        )}
      </div>
      {sc && (
        <fieldset>
          <legend>{t('scenario.compare')}</legend>
          <CompareSection sc={sc} t={t} />
        </fieldset>
      )}
      <p className="muted small">{t('scenario.saved')}</p>
    </div>
  );
}
