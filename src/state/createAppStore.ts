import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { AppState, AppStore, SliceCreator } from './AppState';
import { createLayersSlice } from './layersSlice';
import { createViewSlice } from './viewSlice';
import { createTimeSlice } from './timeSlice';
import { createSelectionSlice } from './selectionSlice';
import { createLangSlice } from './langSlice';
import { createBuildingStyleSlice } from './buildingStyleSlice';
import { createMeasureSlice } from './measureSlice';
import { createViewerStatusSlice } from './viewerStatusSlice';
import { createScenarioSlice } from './scenarioSlice';
import { createAnalysisSlice } from './analysisSlice';
import { createDroppedFilesSlice } from './droppedFilesSlice';
import { createToolSlice } from './toolSlice';
import { createTableSlice } from './tableSlice';
import { createSketchSlice } from './sketchSlice';
import { createFeedbackSlice } from './feedbackSlice';
import { createKioskSlice } from './kioskSlice';
import { createOrientationSlice } from './orientationSlice';

/**
 * The slices the store is made of. To add a slice: write `fooSlice.ts`
 * (state + actions + `declare module './AppState'` augmentation) and add one
 * line here.
 */
const SLICES: SliceCreator<object>[] = [
  createLayersSlice,
  createViewSlice,
  createTimeSlice,
  createSelectionSlice,
  createLangSlice,
  createBuildingStyleSlice,
  createMeasureSlice,
  createViewerStatusSlice,
  createScenarioSlice,
  createAnalysisSlice,
  createDroppedFilesSlice,
  createToolSlice,
  createTableSlice,
  createSketchSlice,
  createFeedbackSlice,
  createKioskSlice,
  createOrientationSlice,
];

/**
 * Creates a fresh app store (one per app, one per test).
 *
 * @example
 * const store = createAppStore();
 * store.getState().setLang('en');
 */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(
    subscribeWithSelector((set, get) => {
      const state = {} as AppState;
      for (const slice of SLICES) Object.assign(state, slice(set, get));
      return Object.assign(state, initial);
    }),
  );
}
