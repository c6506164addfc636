import { orientFootprintCcw } from '../core/scenario/footprintProblems';
import { proposedBuildingProblems } from '../core/scenario/proposedBuildingProblems';
import { sketchProblem } from '../core/scenario/sketchProblem';
import type { SunDelta } from '../core/analysis/compare/compareVariants';
import type { ProposedBuilding, RoofSpec, Scenario, Variant } from '../core/model/Scenario';
import { LIMITS } from '../core/scenario/validateScenario';
import * as edit from '../core/scenario/scenarioEdits';
import { moveFootprintVertex, rotateBuilding, translateBuilding } from '../core/scenario/transformBuilding';
import type { Message } from '../core/i18n/Message';
import type { SliceCreator } from './AppState';

/** Undo depth; the issue asks for at least 100. Snapshots share structure, so this is cheap. */
export const SCENARIO_HISTORY_LIMIT = 200;

/** A variant id, or null for "Existing" (the city model unchanged). */
export type VariantRef = string | null;

export interface ScenarioCompare {
  mode: 'off' | 'split' | 'swipe';
  left: VariantRef;
  right: VariantRef;
  /** Swipe divider position, 0…1 of the viewer width. */
  swipe: number;
}

/** What one undo step restores. */
export interface ScenarioSnapshot {
  scenarios: Scenario[];
  activeScenarioId: string | null;
  activeVariantId: VariantRef;
}

/** A note of the scenario panel: a message code the UI translates (state holds no German or English text). */
export interface ScenarioMessage extends Message {
  kind: 'error' | 'info';
}

/** Editable properties of a proposed building (footprint edits have their own actions). */
export type ProposedBuildingPatch = Partial<Pick<ProposedBuilding, 'name' | 'storeys' | 'storeyHeightM' | 'use' | 'groundHeightM' | 'footprint'>> & { roof?: Partial<RoofSpec> };

/** Defaults for a newly sketched building. */
export const DEFAULT_PROPOSED: Pick<ProposedBuilding, 'storeys' | 'storeyHeightM' | 'roof' | 'use'> = {
  storeys: 4,
  storeyHeightM: 3,
  roof: { type: 'flat', roofHeightM: 0, ridgeAzimuthDeg: 0 },
  use: 'housing',
};

export interface ScenarioSlice {
  /** Document: all saved scenarios. */
  scenarios: Scenario[];
  activeScenarioId: string | null;
  /** Active variant of the active scenario; null = Existing. */
  activeVariantId: VariantRef;
  scenarioPast: ScenarioSnapshot[];
  scenarioFuture: ScenarioSnapshot[];
  /** Increases with every document change (edits, undo, redo, import); autosave listens to it. */
  scenarioRevision: number;
  /** Corners of the footprint being sketched (tool `sketch`), WGS84, open ring. */
  sketchPoints: [number, number][];
  selectedProposedId: string | null;
  scenarioCompare: ScenarioCompare;
  scenarioMessage: ScenarioMessage | null;
  /** Sun-hour difference of the compared variants, drawn as a heatmap (ephemeral). */
  scenarioSunDelta: SunDelta | null;

  createScenario(name?: string, datasetId?: string): string;
  renameScenario(id: string, name: string): void;
  deleteScenario(id: string): void;
  setActiveScenario(id: string | null): void;
  addVariant(name?: string): string | null;
  duplicateVariant(id: string, name?: string): string | null;
  renameVariant(id: string, name: string): void;
  deleteVariant(id: string): void;
  setActiveVariant(id: VariantRef): void;
  setVariantNotes(id: string, notes: string): void;
  /** Adds a building to the active variant (creating a scenario/variant if needed); returns its id or null when refused. */
  addProposedBuilding(footprint: [number, number][], props?: Partial<Omit<ProposedBuilding, 'id' | 'footprint'>>): string | null;
  updateProposedBuilding(id: string, patch: ProposedBuildingPatch): boolean;
  /** Sets total height (eave + roof) by changing the storey height, keeping storeys and roof. */
  setProposedTotalHeight(id: string, totalHeightM: number): boolean;
  moveProposedBuilding(id: string, eastM: number, northM: number): boolean;
  rotateProposedBuilding(id: string, deg: number): boolean;
  moveProposedVertex(id: string, index: number, lonLat: [number, number]): boolean;
  deleteProposedBuilding(id: string): void;
  selectProposedBuilding(id: string | null): void;
  demolishBuildings(ids: string[]): void;
  restoreBuildings(ids: string[]): void;
  undoScenario(): void;
  redoScenario(): void;
  /** Adds an imported scenario as a new one (never replaces existing work) and activates it. */
  importScenario(s: Scenario): string;
  /** Replaces the document with saved scenarios (startup); clears history. */
  loadScenarios(scenarios: Scenario[], active?: { scenarioId?: string | null; variantId?: VariantRef }): void;
  addSketchPoint(p: [number, number]): void;
  removeLastSketchPoint(): void;
  /** Closes the sketched ring into a building; returns its id or null (message says why). */
  finishSketch(): string | null;
  cancelSketch(): void;
  setScenarioCompare(c: Partial<ScenarioCompare>): void;
  setScenarioMessage(m: ScenarioMessage | null): void;
  setScenarioSunDelta(d: SunDelta | null): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends ScenarioSlice {}
}

/** The active scenario, if any. */
export function activeScenario(s: Pick<ScenarioSlice, 'scenarios' | 'activeScenarioId'>): Scenario | undefined {
  return s.scenarios.find((x) => x.id === s.activeScenarioId);
}

/** The active variant, or null for Existing. */
export function activeVariant(s: Pick<ScenarioSlice, 'scenarios' | 'activeScenarioId' | 'activeVariantId'>): Variant | null {
  return findVariant(s, s.activeVariantId);
}

/** A variant of the active scenario by id; null for Existing or unknown ids. */
export function findVariant(s: Pick<ScenarioSlice, 'scenarios' | 'activeScenarioId'>, id: VariantRef): Variant | null {
  if (id === null) return null;
  return activeScenario(s)?.variants.find((v) => v.id === id) ?? null;
}

const now = () => new Date().toISOString();
const nextName = (base: string, taken: string[]) => {
  for (let i = 1; ; i++) {
    const n = `${base} ${i}`;
    if (!taken.includes(n)) return n;
  }
};
const variantLetter = (taken: string[]) => {
  for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!taken.includes(`Variante ${l}`)) return `Variante ${l}`;
  return nextName('Variante', taken);
};

export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => {
  const snap = (): ScenarioSnapshot => {
    const s = get();
    return { scenarios: s.scenarios, activeScenarioId: s.activeScenarioId, activeVariantId: s.activeVariantId };
  };
  /** Applies a document change as one undo step. `f` returns null to refuse (no step recorded). */
  const commit = (f: (cur: ScenarioSnapshot) => ScenarioSnapshot | null): boolean => {
    const before = snap();
    const after = f(before);
    if (!after || (after.scenarios === before.scenarios && after.activeScenarioId === before.activeScenarioId && after.activeVariantId === before.activeVariantId)) return false;
    const past = [...get().scenarioPast, before];
    if (past.length > SCENARIO_HISTORY_LIMIT) past.splice(0, past.length - SCENARIO_HISTORY_LIMIT);
    set({ ...after, scenarioPast: past, scenarioFuture: [], scenarioRevision: get().scenarioRevision + 1, scenarioMessage: null });
    return true;
  };
  const replaceScenario = (cur: ScenarioSnapshot, next: Scenario): Scenario[] => cur.scenarios.map((x) => (x.id === next.id ? next : x));
  const fail = (m: Message) => {
    set({ scenarioMessage: { kind: 'error', ...m } });
    return null;
  };
  /** Runs an edit on the active variant's building. */
  const editBuilding = (id: string, f: (b: ProposedBuilding) => ProposedBuilding): boolean =>
    commit((cur) => {
      const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
      const v = sc?.variants.find((x) => x.id === cur.activeVariantId);
      const b = v?.buildings.find((x) => x.id === id);
      if (!sc || !v || !b) return fail({ code: 'scenario.buildingMissing', params: { id } });
      const next = f(b);
      const problems = proposedBuildingProblems(next);
      if (problems.length) return fail({ code: 'scenario.buildingInvalid', params: { name: b.name, problems: problems.join('; ') } });
      return { ...cur, scenarios: replaceScenario(cur, edit.updateBuilding(sc, v.id, id, () => next, now())) };
    });
  /** The active scenario and variant, created when missing (inside the same undo step). */
  const ensureVariant = (cur: ScenarioSnapshot): { cur: ScenarioSnapshot; sc: Scenario; variantId: string } => {
    let sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
    let scenarios = cur.scenarios;
    if (!sc) {
      sc = edit.createScenario(nextName('Szenario', scenarios.map((x) => x.name)), now());
      scenarios = [...scenarios, sc];
    }
    let variantId = sc.variants.some((v) => v.id === cur.activeVariantId) ? cur.activeVariantId : null;
    if (variantId === null) {
      if (sc.variants.length) variantId = sc.variants[0].id;
      else {
        const [next, id] = edit.addVariant(sc, variantLetter([]), now());
        scenarios = scenarios.map((x) => (x.id === sc!.id ? next : x));
        sc = next;
        variantId = id;
      }
    }
    return { cur: { scenarios, activeScenarioId: sc.id, activeVariantId: variantId }, sc, variantId };
  };
  const withActiveVariant = (f: (sc: Scenario, variantId: string) => Scenario | null) =>
    commit((cur) => {
      const e = ensureVariant(cur);
      const next = f(e.sc, e.variantId);
      return next ? { ...e.cur, scenarios: e.cur.scenarios.map((x) => (x.id === next.id ? next : x)) } : null;
    });

  return {
    scenarios: [],
    activeScenarioId: null,
    activeVariantId: null,
    scenarioPast: [],
    scenarioFuture: [],
    scenarioRevision: 0,
    sketchPoints: [],
    selectedProposedId: null,
    scenarioCompare: { mode: 'off', left: null, right: null, swipe: 0.5 },
    scenarioMessage: null,
    scenarioSunDelta: null,

    createScenario: (name, datasetId) => {
      const sc = edit.createScenario(name ?? nextName('Szenario', get().scenarios.map((x) => x.name)), now(), datasetId);
      commit((cur) => ({ scenarios: [...cur.scenarios, sc], activeScenarioId: sc.id, activeVariantId: sc.variants[0].id }));
      return sc.id;
    },
    renameScenario: (id, name) =>
      void commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === id);
        if (!sc) return null;
        return { ...cur, scenarios: replaceScenario(cur, { ...sc, name: name.slice(0, LIMITS.textLength), updatedAt: now() }) };
      }),
    deleteScenario: (id) =>
      void commit((cur) => {
        if (!cur.scenarios.some((x) => x.id === id)) return null;
        const scenarios = cur.scenarios.filter((x) => x.id !== id);
        return cur.activeScenarioId === id ? { scenarios, activeScenarioId: null, activeVariantId: null } : { ...cur, scenarios };
      }),
    setActiveScenario: (id) => {
      const sc = get().scenarios.find((x) => x.id === id);
      set({ activeScenarioId: sc ? sc.id : null, activeVariantId: sc?.variants[0]?.id ?? null, selectedProposedId: null, sketchPoints: [] });
    },
    addVariant: (name) => {
      let created: string | null = null;
      commit((cur) => {
        const e = ensureVariant(cur);
        // ensureVariant may already have created "Variante A" in a fresh scenario; a new one is added either way.
        const [next, id] = edit.addVariant(e.sc, name ?? variantLetter(e.sc.variants.map((v) => v.name)), now());
        created = id;
        return { scenarios: e.cur.scenarios.map((x) => (x.id === next.id ? next : x)), activeScenarioId: next.id, activeVariantId: id };
      });
      return created;
    },
    duplicateVariant: (id, name) => {
      let created: string | null = null;
      commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        const src = sc?.variants.find((v) => v.id === id);
        if (!sc || !src) return null;
        const [next, nid] = edit.duplicateVariant(sc, id, name ?? `${src.name} (Kopie)`.slice(0, LIMITS.textLength), now());
        created = nid;
        return { ...cur, scenarios: replaceScenario(cur, next), activeVariantId: nid };
      });
      return created;
    },
    renameVariant: (id, name) =>
      void commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        if (!sc?.variants.some((v) => v.id === id)) return null;
        return { ...cur, scenarios: replaceScenario(cur, edit.renameVariant(sc, id, name.slice(0, LIMITS.textLength), now())) };
      }),
    deleteVariant: (id) =>
      void commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        if (!sc?.variants.some((v) => v.id === id)) return null;
        const next = edit.deleteVariant(sc, id, now());
        return { ...cur, scenarios: replaceScenario(cur, next), activeVariantId: cur.activeVariantId === id ? (next.variants[0]?.id ?? null) : cur.activeVariantId };
      }),
    setActiveVariant: (id) => {
      const sc = activeScenario(get());
      const ok = id === null || sc?.variants.some((v) => v.id === id);
      if (ok) set({ activeVariantId: id, selectedProposedId: null, sketchPoints: [] });
    },
    setVariantNotes: (id, notes) =>
      void commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        if (!sc?.variants.some((v) => v.id === id)) return null;
        return { ...cur, scenarios: replaceScenario(cur, edit.setVariantNotes(sc, id, notes.slice(0, LIMITS.notesLength), now())) };
      }),
    addProposedBuilding: (footprint, props = {}) => {
      const ring = footprint.length && (footprint[0][0] !== footprint[footprint.length - 1][0] || footprint[0][1] !== footprint[footprint.length - 1][1]) ? [...footprint, footprint[0]] : footprint;
      const count = get().scenarios.reduce((n, s) => n + s.variants.reduce((m, v) => m + v.buildings.length, 0), 0);
      const b: ProposedBuilding = {
        ...DEFAULT_PROPOSED,
        name: `Gebäude ${count + 1}`,
        ...props,
        roof: { ...DEFAULT_PROPOSED.roof, ...props.roof },
        id: edit.newId('bld'),
        footprint: ring.map((p) => [p[0], p[1]]),
      };
      const problems = proposedBuildingProblems(b);
      if (problems.length) return fail({ code: 'scenario.buildingInvalid', params: { name: b.name, problems: problems.join('; ') } });
      b.footprint = orientFootprintCcw(b.footprint);
      const ok = withActiveVariant((sc, vid) => edit.addBuilding(sc, vid, b, now()));
      if (!ok) return null;
      set({ selectedProposedId: b.id });
      return b.id;
    },
    updateProposedBuilding: (id, patch) => editBuilding(id, (b) => ({ ...b, ...patch, roof: { ...b.roof, ...patch.roof } })),
    setProposedTotalHeight: (id, h) =>
      editBuilding(id, (b) => {
        const roofH = b.roof.type === 'flat' ? 0 : b.roof.roofHeightM;
        return { ...b, storeyHeightM: (h - roofH) / b.storeys };
      }),
    moveProposedBuilding: (id, e, n) => editBuilding(id, (b) => translateBuilding(b, e, n)),
    rotateProposedBuilding: (id, deg) => editBuilding(id, (b) => rotateBuilding(b, deg)),
    moveProposedVertex: (id, index, p) => editBuilding(id, (b) => moveFootprintVertex(b, index, p)),
    deleteProposedBuilding: (id) => {
      const ok = commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        const v = sc?.variants.find((x) => x.id === cur.activeVariantId);
        if (!sc || !v?.buildings.some((b) => b.id === id)) return null;
        return { ...cur, scenarios: replaceScenario(cur, edit.deleteBuilding(sc, v.id, id, now())) };
      });
      if (ok && get().selectedProposedId === id) set({ selectedProposedId: null });
    },
    selectProposedBuilding: (id) => set({ selectedProposedId: id }),
    demolishBuildings: (ids) => {
      if (!ids.length) return;
      withActiveVariant((sc, vid) => {
        const v = sc.variants.find((x) => x.id === vid)!;
        return ids.every((id) => v.demolishedIds.includes(id)) ? null : edit.demolishBuildings(sc, vid, ids, now());
      });
    },
    restoreBuildings: (ids) =>
      void commit((cur) => {
        const sc = cur.scenarios.find((x) => x.id === cur.activeScenarioId);
        const v = sc?.variants.find((x) => x.id === cur.activeVariantId);
        if (!sc || !v || !ids.some((id) => v.demolishedIds.includes(id))) return null;
        return { ...cur, scenarios: replaceScenario(cur, edit.restoreBuildings(sc, v.id, ids, now())) };
      }),
    undoScenario: () => {
      const { scenarioPast, scenarioFuture, scenarioRevision } = get();
      if (!scenarioPast.length) return;
      const prev = scenarioPast[scenarioPast.length - 1];
      set({ ...prev, scenarioPast: scenarioPast.slice(0, -1), scenarioFuture: [snap(), ...scenarioFuture], scenarioRevision: scenarioRevision + 1, sketchPoints: [], scenarioMessage: null });
    },
    redoScenario: () => {
      const { scenarioPast, scenarioFuture, scenarioRevision } = get();
      if (!scenarioFuture.length) return;
      const [next, ...rest] = scenarioFuture;
      set({ ...next, scenarioPast: [...scenarioPast, snap()], scenarioFuture: rest, scenarioRevision: scenarioRevision + 1, sketchPoints: [], scenarioMessage: null });
    },
    importScenario: (s) => {
      const taken = get().scenarios;
      const copy: Scenario = taken.some((x) => x.id === s.id) ? { ...s, id: edit.newId('scn'), name: `${s.name} (Import)`.slice(0, LIMITS.textLength) } : s;
      commit((cur) => ({ scenarios: [...cur.scenarios, copy], activeScenarioId: copy.id, activeVariantId: copy.variants[0]?.id ?? null }));
      set({ scenarioMessage: { kind: 'info', code: 'scenario.imported', params: { name: copy.name, count: copy.variants.length } } });
      return copy.id;
    },
    loadScenarios: (scenarios, active = {}) => {
      const sc = scenarios.find((x) => x.id === active.scenarioId) ?? null;
      const variantId = sc && active.variantId !== undefined ? (active.variantId === null || sc.variants.some((v) => v.id === active.variantId) ? active.variantId : (sc.variants[0]?.id ?? null)) : (sc?.variants[0]?.id ?? null);
      set({ scenarios, activeScenarioId: sc?.id ?? null, activeVariantId: variantId, scenarioPast: [], scenarioFuture: [], scenarioRevision: get().scenarioRevision + 1 });
    },
    addSketchPoint: (p) => set({ sketchPoints: [...get().sketchPoints, [p[0], p[1]]] }),
    removeLastSketchPoint: () => set({ sketchPoints: get().sketchPoints.slice(0, -1) }),
    finishSketch: () => {
      const pts = get().sketchPoints;
      // Say why in the user's language (too few corners, crossing edges, too small, a sliver); the corners stay.
      const problem = sketchProblem(pts);
      if (problem) return fail(problem);
      const id = get().addProposedBuilding(pts);
      if (id) set({ sketchPoints: [] });
      return id;
    },
    cancelSketch: () => set({ sketchPoints: [] }),
    setScenarioCompare: (c) => {
      const prev = get().scenarioCompare;
      // Opening the comparison starts from the question a planner asks: Bestand (left) against the variant being worked on (right).
      const opening = prev.mode === 'off' && c.mode !== undefined && c.mode !== 'off';
      const sides = opening ? { left: null, right: get().activeVariantId } : {};
      set({ scenarioCompare: { ...prev, ...sides, ...c } });
    },
    setScenarioMessage: (m) => set({ scenarioMessage: m }),
    setScenarioSunDelta: (d) => set({ scenarioSunDelta: d }),
  };
};
