import type { ToolHandler } from './ToolHandler';

/**
 * `placeSunPoint`: the next click places one sun-at-point and returns to
 * `select`. On a city-model building the point records the building id and
 * the clicked height (the tiles stand on the ellipsoid, so height = height
 * above ground; the analysis snaps it onto that building's footprint edge);
 * elsewhere it is a ground point at 0 m, the height of the sun-hours heat map.
 */
export const placeSunPointTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    const p = pick.surface;
    if (!p) return;
    const s = store.getState();
    if (pick.feature && pick.onCityModel) s.addSunPoint({ lonLat: [p[0], p[1]], heightM: Math.max(0, p[2]), onBuildingId: pick.feature.featureId });
    else s.addSunPoint({ lonLat: [p[0], p[1]], heightM: 0 });
  },
};
