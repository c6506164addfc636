import type { ToolHandler } from './ToolHandler';

/**
 * `placeFeedback` (kiosk): a tap on the map or a building puts the pin of a
 * new comment there; the feedback form opens on it. Another tap before the
 * comment is confirmed moves the pin (the text typed so far is kept). The
 * pin stands on the surface under the finger (roof or wall of a city-model
 * building, else the ground) and records the building's id.
 */
export const placeFeedbackTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    const p = pick.surface ?? pick.ground;
    if (!p) return;
    const buildingId = pick.feature && pick.onCityModel ? pick.feature.featureId : undefined;
    store.getState().placeFeedback({ lon: p[0], lat: p[1], height: p[2], ...(buildingId ? { buildingId } : {}) });
  },
};
