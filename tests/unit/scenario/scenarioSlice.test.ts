import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/core/i18n/createI18n';
import type { Lang } from '../../../src/core/i18n/Lang';
import { translateMessage } from '../../../src/core/i18n/Message';
import { createAppStore } from '../../../src/state/createAppStore';
import { activeVariant, SCENARIO_HISTORY_LIMIT } from '../../../src/state/scenarioSlice';
import { rectangleFootprint, footprintAreaM2 } from '../../../src/core/scenario/transformBuilding';
import { totalHeightM } from '../../../src/core/model/Scenario';
import { HH, scenario } from './fixtures';

const fp = (dx = 0) => rectangleFootprint([HH[0] + dx, HH[1]], 20, 12);

describe('scenarioSlice', () => {
  it('sketching into an empty store creates scenario, variant and building in one undo step', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setTool('sketch');
    for (const p of fp().slice(0, 4)) s().addSketchPoint(p);
    const id = s().finishSketch();
    expect(id).toBeTruthy();
    expect(s().scenarios).toHaveLength(1);
    expect(s().scenarios[0].variants.map((v) => v.name)).toEqual(['Variante A']);
    const b = activeVariant(s())!.buildings[0];
    expect(b.id).toBe(id);
    expect(footprintAreaM2(b.footprint)).toBeCloseTo(240, 3);
    expect(s().sketchPoints).toEqual([]);
    expect(s().scenarioPast).toHaveLength(1);
    s().undoScenario();
    expect(s().scenarios).toEqual([]);
    expect(s().activeScenarioId).toBeNull();
    s().redoScenario();
    expect(activeVariant(s())!.buildings[0].id).toBe(id);
  });

  it('refuses invalid edits without recording them and says why', () => {
    const store = createAppStore();
    const s = () => store.getState();
    // The message as the panel shows it: its code translated by the app's i18n.
    const say = (lang: Lang = 'en') => translateMessage(createI18n(lang).t, s().scenarioMessage!);
    const id = s().addProposedBuilding(fp())!;
    const before = s().scenarios;
    expect(s().updateProposedBuilding(id, { storeys: 0 })).toBe(false);
    expect(s().scenarioMessage?.code).toBe('scenario.buildingInvalid');
    expect(say()).toMatch(/storeys must be a whole number/);
    // Dragging corner 0 onto the far side makes a bow-tie.
    const ring = activeVariant(s())!.buildings[0].footprint;
    expect(s().moveProposedVertex(id, 0, [ring[2][0] + 0.0001, ring[2][1] - 0.00002])).toBe(false);
    expect(say()).toMatch(/self-intersecting/);
    expect(s().scenarios).toBe(before);
    expect(s().scenarioPast).toHaveLength(1);
    expect(s().finishSketch()).toBeNull();
    expect(s().scenarioMessage).toEqual({ kind: 'error', code: 'scenario.tooFewCorners', params: { count: 0 } });
    expect(say()).toBe('a footprint needs at least 3 corners (0 set)');
    expect(say('de')).toBe('Ein Grundriss braucht mindestens 3 Ecken (0 gesetzt)');
  });

  it(`undoes and redoes ${SCENARIO_HISTORY_LIMIT} edits step by step, asserting state at each step`, () => {
    const store = createAppStore();
    const s = () => store.getState();
    const id = s().addProposedBuilding(fp(), { storeys: 1 })!;
    // 150 more edits: storeys 2…100 then 51 height edits.
    const heights: number[] = [totalHeightM(activeVariant(s())!.buildings[0])];
    for (let n = 2; n <= 100; n++) {
      expect(s().updateProposedBuilding(id, { storeys: n })).toBe(true);
      heights.push(totalHeightM(activeVariant(s())!.buildings[0]));
    }
    for (let k = 0; k < 101; k++) {
      expect(s().setProposedTotalHeight(id, 300 + k)).toBe(true);
      heights.push(totalHeightM(activeVariant(s())!.buildings[0]));
    }
    const edits = 1 + 99 + 101; // 201 > limit → the oldest falls off
    expect(s().scenarioPast).toHaveLength(SCENARIO_HISTORY_LIMIT);
    for (let i = 0; i < SCENARIO_HISTORY_LIMIT - 1; i++) {
      s().undoScenario();
      expect(totalHeightM(activeVariant(s())!.buildings[0])).toBeCloseTo(heights[edits - 2 - i], 9);
    }
    expect(activeVariant(s())!.buildings[0].storeys).toBe(2);
    s().undoScenario(); // back to the state before the 2nd edit: the building with 1 storey
    expect(activeVariant(s())!.buildings[0].storeys).toBe(1);
    s().undoScenario(); // history exhausted: nothing changes
    expect(activeVariant(s())!.buildings[0].storeys).toBe(1);
    for (let i = 0; i < SCENARIO_HISTORY_LIMIT; i++) s().redoScenario();
    expect(totalHeightM(activeVariant(s())!.buildings[0])).toBeCloseTo(400, 9);
    expect(s().scenarioFuture).toHaveLength(0);
    // A new edit after undo drops the redo branch.
    s().undoScenario();
    s().moveProposedBuilding(id, 10, 0);
    expect(s().scenarioFuture).toHaveLength(0);
  });

  it('variants: create, duplicate, rename, notes, switch, delete; Existing is null', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().createScenario('Quartier Nord');
    const a = s().activeVariantId!;
    const b1 = s().addProposedBuilding(fp())!;
    s().demolishBuildings(['DEHH_1', 'DEHH_2']);
    const copy = s().duplicateVariant(a)!;
    expect(s().activeVariantId).toBe(copy);
    const vc = activeVariant(s())!;
    expect(vc.name).toBe('Variante A (Kopie)');
    expect(vc.demolishedIds).toEqual(['DEHH_1', 'DEHH_2']);
    expect(vc.buildings[0].id).not.toBe(b1);
    s().renameVariant(copy, 'Hochpunkt');
    s().setVariantNotes(copy, 'mit 12 Geschossen');
    s().updateProposedBuilding(vc.buildings[0].id, { storeys: 12 });
    s().restoreBuildings(['DEHH_2']);
    const sc = s().scenarios[0];
    expect(sc.variants.map((v) => [v.name, v.buildings[0].storeys, v.demolishedIds.join()])).toEqual([
      ['Variante A', 4, 'DEHH_1,DEHH_2'],
      ['Hochpunkt', 12, 'DEHH_1'],
    ]);
    expect(sc.variants[1].notes).toBe('mit 12 Geschossen');
    s().setActiveVariant(null);
    expect(activeVariant(s())).toBeNull();
    const c = s().addVariant()!;
    expect(activeVariant(s())!.name).toBe('Variante B'); // the copy was renamed, so B is free
    s().deleteVariant(c);
    expect(s().scenarios[0].variants).toHaveLength(2);
    expect(s().activeVariantId).toBe(a);
  });

  it('import adds a copy and never replaces existing work', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().importScenario(scenario());
    s().updateProposedBuilding('b1', { storeys: 7 });
    const id2 = s().importScenario(scenario());
    expect(id2).not.toBe('scn-1');
    expect(s().scenarios.map((x) => x.name)).toEqual(['Testplan', 'Testplan (Import)']);
    expect(s().scenarios[0].variants[0].buildings[0].storeys).toBe(7);
    expect(s().scenarios[1].variants[0].buildings[0].storeys).toBe(4);
  });

  it('rotate, move and numeric heights change the building as asked', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const id = s().addProposedBuilding(fp(), { roof: { type: 'gabled', roofHeightM: 4, ridgeAzimuthDeg: 90 } })!;
    expect(s().setProposedTotalHeight(id, 20)).toBe(true);
    const b = activeVariant(s())!.buildings[0];
    expect(b.storeyHeightM).toBeCloseTo(4, 12);
    expect(totalHeightM(b)).toBeCloseTo(20, 12);
    s().rotateProposedBuilding(id, 45);
    expect(activeVariant(s())!.buildings[0].roof.ridgeAzimuthDeg).toBe(135);
    s().deleteProposedBuilding(id);
    expect(activeVariant(s())!.buildings).toEqual([]);
    expect(s().selectedProposedId).toBeNull();
  });
});

describe('scenario in the shareable URL', () => {
  it('writes and reads scn/var; var=existing means Existing', async () => {
    const { formatUrlState, parseUrlState } = await import('../../../src/state/urlState');
    const store = createAppStore();
    const s = store.getState;
    s().createScenario('X');
    const qs = formatUrlState(s());
    expect(parseUrlState(qs)).toMatchObject({ scenarioId: s().activeScenarioId, variantId: s().activeVariantId });
    s().setActiveVariant(null);
    expect(formatUrlState(s())).toContain('var=existing');
    expect(parseUrlState(formatUrlState(s())).variantId).toBeNull();
    expect(parseUrlState('?scn=<script>').scenarioId).toBeUndefined();
  });
});
