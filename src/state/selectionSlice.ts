import type { SliceCreator } from './AppState';

/** The picked feature: which layer, its id and its attributes as read from the data. */
export interface Selection {
  layerId: string;
  featureId: string;
  /** Attribute values as found in the data (strings, numbers, booleans, nested objects). */
  properties: Record<string, unknown> | undefined;
}

export interface SelectionSlice {
  selection: Selection | undefined;
  select(selection: Selection | undefined): void;
  /** Called by the viewer when it finds the attributes of a selection restored from a URL. */
  selectionResolved(layerId: string, featureId: string, properties: Record<string, unknown>): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends SelectionSlice {}
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: undefined,
  select: (selection) => set({ selection }),
  selectionResolved: (layerId, featureId, properties) => {
    const s = get().selection;
    if (s && s.layerId === layerId && s.featureId === featureId && !s.properties) set({ selection: { ...s, properties } });
  },
});
