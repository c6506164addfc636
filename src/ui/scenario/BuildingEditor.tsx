import { useEffect, useState } from 'react';
import { BUILDING_USES, ROOF_TYPES, totalHeightM, type ProposedBuilding } from '../../core/model/Scenario';
import { footprintAreaM2 } from '../../core/scenario/transformBuilding';
import { useAppStoreApi } from '../StoreContext';
import { LabelledSelect } from '../controls/LabelledSelect';
import type { TFunction } from 'i18next';

/** A number field that commits on blur/Enter, so one typed value is one undo step. */
function NumberField({ label, value, step, min, max, onCommit, testId }: { label: string; value: number; step: number; min: number; max: number; onCommit: (v: number) => void; testId: string }) {
  const [text, setText] = useState(String(round(value)));
  useEffect(() => setText(String(round(value))), [value]);
  const commit = () => {
    const v = Number(text.replace(',', '.'));
    if (Number.isFinite(v) && v !== round(value)) onCommit(v);
    else setText(String(round(value)));
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        value={text}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Numeric editing of the selected proposed building. */
export function BuildingEditor({ b, t }: { b: ProposedBuilding; t: TFunction }) {
  const store = useAppStoreApi();
  const a = () => store.getState();
  const [step, setStep] = useState(1);
  return (
    <div className="scenario-building-editor" data-testid="scenario-building-editor">
      <label className="field">
        <span>{t('scenario.name')}</span>
        <input type="text" defaultValue={b.name} key={`${b.id}-name-${b.name}`} onBlur={(e) => e.target.value !== b.name && a().updateProposedBuilding(b.id, { name: e.target.value.slice(0, 200) })} />
      </label>
      <LabelledSelect label={t('scenario.use')} value={b.use} options={BUILDING_USES} optionText={(u) => t(`scenario.use.${u}`)} onChoose={(use) => a().updateProposedBuilding(b.id, { use })} select={{ 'data-testid': 'scenario-use' }} />
      <NumberField label={t('scenario.storeys')} value={b.storeys} step={1} min={1} max={100} testId="scenario-storeys" onCommit={(v) => a().updateProposedBuilding(b.id, { storeys: Math.round(v) })} />
      <NumberField label={t('scenario.storeyHeight')} value={b.storeyHeightM} step={0.1} min={2} max={10} testId="scenario-storey-height" onCommit={(v) => a().updateProposedBuilding(b.id, { storeyHeightM: v })} />
      <NumberField label={t('scenario.totalHeight')} value={totalHeightM(b)} step={0.5} min={2} max={1000} testId="scenario-total-height" onCommit={(v) => a().setProposedTotalHeight(b.id, v)} />
      <LabelledSelect
        label={t('scenario.roof')}
        value={b.roof.type}
        options={ROOF_TYPES}
        optionText={(r) => t(`scenario.roofType.${r}`)}
        onChoose={(type) => a().updateProposedBuilding(b.id, { roof: { type, roofHeightM: type === 'flat' ? 0 : b.roof.roofHeightM || 3 } })}
        select={{ 'data-testid': 'scenario-roof' }}
      />
      {b.roof.type !== 'flat' && (
        <>
          <NumberField label={t('scenario.roofHeight')} value={b.roof.roofHeightM} step={0.5} min={0} max={40} testId="scenario-roof-height" onCommit={(v) => a().updateProposedBuilding(b.id, { roof: { roofHeightM: v } })} />
          <NumberField label={t('scenario.ridge')} value={b.roof.ridgeAzimuthDeg} step={5} min={0} max={360} testId="scenario-ridge" onCommit={(v) => a().updateProposedBuilding(b.id, { roof: { ridgeAzimuthDeg: ((v % 360) + 360) % 360 } })} />
        </>
      )}
      <div className="muted small">
        {t('scenario.area')}: {footprintAreaM2(b.footprint).toFixed(1)} m² · {round(totalHeightM(b))} m
      </div>
      <div className="button-row" role="group" aria-label={t('scenario.move')}>
        <input type="number" aria-label={t('scenario.move')} value={step} min={0.1} step={0.5} style={{ width: '4.5em' }} onChange={(e) => setStep(Math.max(0.1, Number(e.target.value) || 1))} />
        <button type="button" className="btn" aria-label="← W" onClick={() => a().moveProposedBuilding(b.id, -step, 0)}>←</button>
        <button type="button" className="btn" aria-label="→ E" onClick={() => a().moveProposedBuilding(b.id, step, 0)}>→</button>
        <button type="button" className="btn" aria-label="↑ N" onClick={() => a().moveProposedBuilding(b.id, 0, step)}>↑</button>
        <button type="button" className="btn" aria-label="↓ S" onClick={() => a().moveProposedBuilding(b.id, 0, -step)}>↓</button>
      </div>
      <div className="button-row" role="group" aria-label={t('scenario.rotate')}>
        <button type="button" className="btn" onClick={() => a().rotateProposedBuilding(b.id, -15)}>⟲ 15°</button>
        <button type="button" className="btn" onClick={() => a().rotateProposedBuilding(b.id, 15)}>⟳ 15°</button>
        <button type="button" className="btn" data-testid="scenario-delete-building" onClick={() => a().deleteProposedBuilding(b.id)}>
          {t('scenario.delete')}
        </button>
      </div>
    </div>
  );
}
