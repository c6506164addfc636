import type { ToolHandler } from './ToolHandler';

/** `demolish`: clicking a city-model building marks it demolished in the active variant. */
export const demolishTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    if (pick.feature && pick.onCityModel) store.getState().demolishBuildings([pick.feature.featureId]);
  },
};
